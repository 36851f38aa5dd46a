"""the one next step the coach's last reply offered, which a typed yes takes

Revision ID: 0035_pending_offer
Revises: 0034_language_offer
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0035_pending_offer"
down_revision = "0034_language_offer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.add_column(sa.Column("offer", sa.String(length=80), nullable=True))
        batch.add_column(
            sa.Column("offer_made_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.drop_column("offer_made_at")
        batch.drop_column("offer")
