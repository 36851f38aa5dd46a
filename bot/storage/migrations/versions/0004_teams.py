"""teams conversation references

Revision ID: 0004_teams
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0004_teams"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teams_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.String(length=128), nullable=False),
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.String(length=128), nullable=True),
        sa.Column("educator_id", sa.Integer(), nullable=True),
        sa.Column("service_url", sa.String(length=512), nullable=False),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("welcomed_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("unreachable_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("unreachable_reason", sa.String(length=32), nullable=True),
        sa.Column("updated_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_teams_conversations_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_conversations")),
        sa.UniqueConstraint(
            "tenant_id",
            "conversation_id",
            name=op.f("uq_teams_conversations_tenant_id_conversation_id"),
        ),
    )
    with op.batch_alter_table("teams_conversations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_teams_conversations_educator_id"), ["educator_id"], unique=False
        )
        batch_op.create_index(
            "ix_teams_conversations_tenant_user", ["tenant_id", "user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("teams_conversations", schema=None) as batch_op:
        batch_op.drop_index("ix_teams_conversations_tenant_user")
        batch_op.drop_index(batch_op.f("ix_teams_conversations_educator_id"))
    op.drop_table("teams_conversations")
