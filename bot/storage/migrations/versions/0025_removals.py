"""removals: an educator or a channel that removed the coach, deleted after the grace period

Revision ID: 0025_removals
Revises: 0024_calendar
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0025_removals"
down_revision = "0024_calendar"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "removals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=512), nullable=False),
        sa.Column("removed_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removals")),
        sa.UniqueConstraint(
            "platform",
            "workspace",
            "kind",
            "subject",
            name=op.f("uq_removals_platform_workspace_kind_subject"),
        ),
    )
    with op.batch_alter_table("removals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_removals_removed_at"), ["removed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("removals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_removals_removed_at"))
    op.drop_table("removals")
