"""the inbox: each platform message kept from before its acknowledgement until answered

Revision ID: 0028_inbox
Revises: 0027_channel_heard
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0028_inbox"
down_revision = "0027_channel_heard"
branch_labels = None
depends_on = None


def _utc() -> bot.storage.base.UTCDateTime:
    return bot.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("delivery_id", sa.String(length=255), nullable=False),
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("first_contact", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("replies", sa.Text(), nullable=True),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("claimed_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_inbox_messages_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_messages")),
        sa.UniqueConstraint(
            "platform", "delivery_id", name=op.f("uq_inbox_messages_platform_delivery_id")
        ),
    )
    op.create_index(
        op.f("ix_inbox_messages_educator_id"), "inbox_messages", ["educator_id"], unique=False
    )
    op.create_index(
        op.f("ix_inbox_messages_claimed_at"), "inbox_messages", ["claimed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_table("inbox_messages")
