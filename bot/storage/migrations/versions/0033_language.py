"""the language the coach speaks: each educator's (chosen, and their platform's), and each
team channel's

Revision ID: 0033_language
Revises: 0032_drafts
"""

import sqlalchemy as sa
from alembic import op

revision = "0033_language"
down_revision = "0032_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("platform_language", sa.String(length=8), nullable=True))
    with op.batch_alter_table("channel_subscriptions") as batch:
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("channel_subscriptions") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("educators") as batch:
        batch.drop_column("platform_language")
        batch.drop_column("language")
