"""snooze: "Remind me tomorrow" sends a week's message once more, the next day

Revision ID: 0022_snooze
Revises: 0021_rhythm
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0022_snooze"
down_revision = "0021_rhythm"
branch_labels = None
depends_on = None

TABLES = ("nudge_ledger", "channel_ledger")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("remind_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("remind_at")
