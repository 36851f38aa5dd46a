"""weekly nudges: subscriptions, the weekly ledger, the terminal inbox

Revision ID: 0002_nudges
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0002_nudges"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("focus_topic", sa.String(length=32), nullable=True),
        sa.Column("topic_order", sa.String(length=512), nullable=True),
        sa.Column("rotation_cycle", sa.Integer(), nullable=False),
        sa.Column("rotation_seen", sa.String(length=512), nullable=False),
        sa.Column("focus_step", sa.Integer(), nullable=False),
        sa.Column("paused_until", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("slot_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("next_send_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("off_reason", sa.String(length=64), nullable=True),
        sa.Column("created_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_subscriptions_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint("educator_id", name=op.f("uq_subscriptions_educator_id")),
    )
    op.create_index(
        op.f("ix_subscriptions_next_send_at"), "subscriptions", ["next_send_at"], unique=False
    )

    op.create_table(
        "nudge_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("due_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=True),
        sa.Column("nudge_index", sa.Integer(), nullable=True),
        sa.Column("checkin_reflection_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("response", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_nudge_ledger_subscription_id_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nudge_ledger")),
        sa.UniqueConstraint(
            "subscription_id", "week", name=op.f("uq_nudge_ledger_subscription_id_week")
        ),
    )

    op.create_table(
        "nudge_inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_nudge_inbox_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nudge_inbox")),
    )
    op.create_index(
        op.f("ix_nudge_inbox_educator_id"), "nudge_inbox", ["educator_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_nudge_inbox_educator_id"), table_name="nudge_inbox")
    op.drop_table("nudge_inbox")
    op.drop_table("nudge_ledger")
    op.drop_index(op.f("ix_subscriptions_next_send_at"), table_name="subscriptions")
    op.drop_table("subscriptions")
