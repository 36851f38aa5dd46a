"""back off kindly: count sends nobody answered, and mark the week that asks instead

Revision ID: 0023_backoff
Revises: 0022_snooze
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0023_backoff"
down_revision = "0022_snooze"
branch_labels = None
depends_on = None

SUBSCRIPTIONS = ("subscriptions", "channel_subscriptions")
LEDGERS = ("nudge_ledger", "channel_ledger")


def _utc() -> bot.storage.base.UTCDateTime:
    return bot.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    for table in SUBSCRIPTIONS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("unanswered", sa.Integer(), server_default="0", nullable=False)
            )
            batch.add_column(sa.Column("last_sent_at", _utc(), nullable=True))
            batch.add_column(sa.Column("asked_at", _utc(), nullable=True))
    for table in LEDGERS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("ask", sa.Boolean(), server_default=sa.false(), nullable=False)
            )


def downgrade() -> None:
    for table in LEDGERS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("ask")
    for table in SUBSCRIPTIONS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("asked_at")
            batch.drop_column("last_sent_at")
            batch.drop_column("unanswered")
