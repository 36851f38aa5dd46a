"""messages home: saved drafts, and a count of all drafts made

Revision ID: 0032_drafts
Revises: 0031_profile
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0032_drafts"
down_revision = "0031_profile"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("educators") as batch:
        batch.add_column(sa.Column("drafts_made", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "saved_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_saved_drafts_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflections.id"],
            name=op.f("fk_saved_drafts_reflection_id_reflections"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_drafts")),
    )
    op.create_index(
        "ix_saved_drafts_educator_created", "saved_drafts", ["educator_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_saved_drafts_educator_created", table_name="saved_drafts")
    op.drop_table("saved_drafts")
    with op.batch_alter_table("educators") as batch:
        batch.drop_column("drafts_made")
