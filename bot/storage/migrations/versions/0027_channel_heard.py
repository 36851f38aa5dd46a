"""team prompts back off too: when a channel was last heard from

Revision ID: 0027_channel_heard
Revises: 0025_removals
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0027_channel_heard"
down_revision = "0025_removals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("channel_subscriptions") as batch:
        batch.add_column(
            sa.Column("last_heard_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True)
        )
    # A channel's settings were last changed by someone speaking there: the quiet starts then.
    op.execute("UPDATE channel_subscriptions SET last_heard_at = updated_at")


def downgrade() -> None:
    with op.batch_alter_table("channel_subscriptions") as batch:
        batch.drop_column("last_heard_at")
