"""slack tokens sealed at rest: token columns widened to hold a sealed value

Revision ID: 0010_slack_sealed_tokens
Revises: 0008_slack

slack_sdk declares its token columns String(200); a token sealed under the master key is
longer. (SQLite does not enforce the length, but its declared type follows, so the schema
matches the models everywhere; batch mode rebuilds the small table there.)
Tokens stored before stay readable as they are; `coach db rotate-key` seals them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_slack_sealed_tokens"
down_revision = "0008_slack"
branch_labels = None
depends_on = None

COLUMNS = {
    "slack_installations": (
        "bot_token",
        "bot_refresh_token",
        "user_token",
        "user_refresh_token",
        "incoming_webhook_url",
    ),
    "slack_bots": ("bot_token", "bot_refresh_token"),
}


def _change(to: sa.types.TypeEngine[str], was: sa.types.TypeEngine[str]) -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(column, type_=to, existing_type=was, existing_nullable=True)


def upgrade() -> None:
    _change(sa.Text(), sa.String(length=200))


def downgrade() -> None:
    # Only safe once no sealed token is stored (they are longer than 200 characters).
    _change(sa.String(length=200), sa.Text())
