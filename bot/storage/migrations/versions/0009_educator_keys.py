"""each educator's own data key, sealed under the master key (envelope encryption)

Revision ID: 0009_educator_keys
Revises: 0001_core

Text stored before this revision (plain, or sealed directly under the master key) still
reads; `coach db rotate-key` moves it under each educator's data key.
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0009_educator_keys"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "educator_keys",
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("wrapped_key", sa.Text(), nullable=False),
        sa.Column("created_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_educator_keys_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("educator_id", name=op.f("pk_educator_keys")),
    )


def downgrade() -> None:
    op.drop_table("educator_keys")
