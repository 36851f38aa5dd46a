"""self-assessment results

Revision ID: 0006_assess
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0006_assess"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_assessment_results_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_results")),
    )
    op.create_index(
        "ix_assessment_results_educator_taken",
        "assessment_results",
        ["educator_id", "taken_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_assessment_results_educator_taken", table_name="assessment_results")
    op.drop_table("assessment_results")
