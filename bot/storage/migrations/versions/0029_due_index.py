"""the clock's due query reads (next_send_at, id) in order: one index on both, per kind

Revision ID: 0029_due_index
Revises: 0028_inbox
"""

from alembic import op

revision = "0029_due_index"
down_revision = "0028_inbox"
branch_labels = None
depends_on = None

TABLES = ("subscriptions", "channel_subscriptions")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_due", table, ["next_send_at", "id"])
        op.drop_index(f"ix_{table}_next_send_at", table_name=table)


def downgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_next_send_at", table, ["next_send_at"])
        op.drop_index(f"ix_{table}_due", table_name=table)
