"""when the coach offered Spanish to an educator who wrote in it (offered once)

Revision ID: 0034_language_offer
Revises: 0033_language
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0034_language_offer"
down_revision = "0033_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.add_column(
            sa.Column(
                "language_offered_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.drop_column("language_offered_at")
