"""the pace of sends per workspace, shared by every clock

Revision ID: 0030_send_pace
Revises: 0029_due_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0030_send_pace"
down_revision = "0029_due_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "send_pace",
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("platform", "workspace", name=op.f("pk_send_pace")),
    )


def downgrade() -> None:
    op.drop_table("send_pace")
