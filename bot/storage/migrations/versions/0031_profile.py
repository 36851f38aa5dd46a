"""who an educator is: role and grade band, and when the coach first asked

Revision ID: 0031_profile
Revises: 0030_send_pace
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0031_profile"
down_revision = "0030_send_pace"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.add_column(sa.Column("role", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("grade_band", sa.String(length=16), nullable=True))
        batch.add_column(
            sa.Column(
                "profile_asked_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.drop_column("profile_asked_at")
        batch.drop_column("grade_band")
        batch.drop_column("role")
