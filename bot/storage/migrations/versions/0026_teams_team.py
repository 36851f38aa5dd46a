"""teams conversations: each channel's team, so removing the coach from a team reaches its
channels

Revision ID: 0026_teams_team
Revises: 0004_teams
"""

import sqlalchemy as sa
from alembic import op

revision = "0026_teams_team"
down_revision = "0004_teams"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teams_conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=512), nullable=True))
        batch_op.create_index(batch_op.f("ix_teams_conversations_team"), ["team"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("teams_conversations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teams_conversations_team"))
        batch_op.drop_column("team")
