"""team prompts: channel subscriptions and their weekly ledger

Revision ID: 0007_channels
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0007_channels"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def _utc() -> bot.storage.base.UTCDateTime:
    return bot.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "channel_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("channel", sa.String(length=512), nullable=False),
        sa.Column("turned_on_by", sa.Integer(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("focus_topic", sa.String(length=32), nullable=True),
        sa.Column("topic_order", sa.String(length=512), nullable=True),
        sa.Column("rotation_cycle", sa.Integer(), nullable=False),
        sa.Column("rotation_seen", sa.String(length=512), nullable=False),
        sa.Column("focus_step", sa.Integer(), nullable=False),
        sa.Column("paused_until", _utc(), nullable=True),
        sa.Column("slot_at", _utc(), nullable=True),
        sa.Column("next_send_at", _utc(), nullable=True),
        sa.Column("off_reason", sa.String(length=64), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["turned_on_by"],
            ["educators.id"],
            name=op.f("fk_channel_subscriptions_turned_on_by_educators"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_subscriptions")),
        sa.UniqueConstraint(
            "platform",
            "workspace",
            "channel",
            name=op.f("uq_channel_subscriptions_platform_workspace_channel"),
        ),
    )
    op.create_index(
        op.f("ix_channel_subscriptions_next_send_at"),
        "channel_subscriptions",
        ["next_send_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_channel_subscriptions_turned_on_by"),
        "channel_subscriptions",
        ["turned_on_by"],
        unique=False,
    )
    op.create_table(
        "channel_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("due_at", _utc(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=True),
        sa.Column("nudge_index", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", _utc(), nullable=False),
        sa.Column("finished_at", _utc(), nullable=True),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["channel_subscriptions.id"],
            name=op.f("fk_channel_ledger_subscription_id_channel_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_ledger")),
        sa.UniqueConstraint(
            "subscription_id", "week", name=op.f("uq_channel_ledger_subscription_id_week")
        ),
    )


def downgrade() -> None:
    op.drop_table("channel_ledger")
    op.drop_index(op.f("ix_channel_subscriptions_turned_on_by"), table_name="channel_subscriptions")
    op.drop_index(op.f("ix_channel_subscriptions_next_send_at"), table_name="channel_subscriptions")
    op.drop_table("channel_subscriptions")
