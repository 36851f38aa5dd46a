"""core tables

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "educators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("user_id", sa.String(length=128), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("reframe_offers", sa.Boolean(), nullable=False),
        sa.Column("created_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_educators")),
        sa.UniqueConstraint(
            "platform", "workspace", "user_id", name=op.f("uq_educators_platform_workspace_user_id")
        ),
    )
    op.create_table(
        "seen_deliveries",
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("delivery_id", sa.String(length=255), nullable=False),
        sa.Column("seen_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("platform", "delivery_id", name=op.f("pk_seen_deliveries")),
    )
    with op.batch_alter_table("seen_deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seen_deliveries_seen_at"), ["seen_at"], unique=False)

    op.create_table(
        "workspaces",
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("uninstalled_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("platform", "workspace", name=op.f("pk_workspaces")),
    )
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workspaces_uninstalled_at"), ["uninstalled_at"], unique=False
        )

    op.create_table(
        "flow_states",
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("step", sa.String(length=64), nullable=False),
        sa.Column("content_version", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("started_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_flow_states_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("educator_id", name=op.f("pk_flow_states")),
    )
    op.create_table(
        "reflections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("educator_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.Column("created_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("action_status", sa.String(length=16), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["educator_id"],
            ["educators.id"],
            name=op.f("fk_reflections_educator_id_educators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflections")),
    )
    with op.batch_alter_table("reflections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reflections_created_at"), ["created_at"], unique=False)
        batch_op.create_index(
            "ix_reflections_educator_created", ["educator_id", "created_at"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("reflections", schema=None) as batch_op:
        batch_op.drop_index("ix_reflections_educator_created")
        batch_op.drop_index(batch_op.f("ix_reflections_created_at"))

    op.drop_table("reflections")
    op.drop_table("flow_states")
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workspaces_uninstalled_at"))

    op.drop_table("workspaces")
    with op.batch_alter_table("seen_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seen_deliveries_seen_at"))

    op.drop_table("seen_deliveries")
    op.drop_table("educators")
