"""a pause that starts later: nudges skipped from `pause_from` until `paused_until`

Revision ID: 0036_pause_from
Revises: 0035_pending_offer
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0036_pause_from"
down_revision = "0035_pending_offer"
branch_labels = None
depends_on = None

TABLES = ("subscriptions", "channel_subscriptions")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("pause_from", bot.storage.base.UTCDateTime(timezone=True), nullable=True)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("pause_from")
