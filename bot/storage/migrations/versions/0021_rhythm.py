"""a lighter rhythm: a send every 1, 2 or 4 weeks, for nudges and team prompts alike

Revision ID: 0021_rhythm
Revises: 0002_nudges, 0007_channels (it changes the tables they make)
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_rhythm"
down_revision = ("0002_nudges", "0007_channels")
branch_labels = None
depends_on = None

TABLES = ("subscriptions", "channel_subscriptions")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("every_weeks", sa.Integer(), server_default="1", nullable=False)
            )
            batch.add_column(sa.Column("rhythm_from", sa.Date(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("rhythm_from")
            batch.drop_column("every_weeks")
