"""slack_sdk's installation and OAuth-state tables, on the coach's metadata.

The tables are slack_sdk's own definitions (its stores' `build_*_table`), so they are
exactly what the stores read and write; Alembic creates them (migration 0008_slack) and
`export`, `forget` and the workspace deletion find them like any other table. An
installation row names its installer (`user_id`, and a user token if one was granted):
forgetting that educator blanks those columns and keeps the row, whose bot token the whole
workspace still uses.

Tokens are sealed under the master key (adapters/slack/sealed_store.py); a sealed token
outgrows slack_sdk's String(200), so those columns are Text (migration
0010_slack_sealed_tokens) and say they are sealed, so `coach db rotate-key` seals any
token stored before and re-seals them under the newest key.
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Table, Text

from bot.privacy.scope import FORGET_CLEARS
from bot.storage.base import Base

INSTALLATIONS = "slack_installations"
BOTS = "slack_bots"
OAUTH_STATES = "slack_oauth_states"

# The installer's own columns; user_id is NOT NULL in slack_sdk's schema, so it is emptied.
INSTALLER_COLUMNS: dict[str, object] = {
    "user_id": "",
    "user_token": None,
    "user_scopes": None,
    "user_refresh_token": None,
    "user_token_expires_at": None,
}

installations: Table = SQLAlchemyInstallationStore.build_installations_table(
    Base.metadata, INSTALLATIONS
)
installations.info[FORGET_CLEARS] = INSTALLER_COLUMNS
bots: Table = SQLAlchemyInstallationStore.build_bots_table(Base.metadata, BOTS)
SEALED_TOKEN_COLUMNS = {
    INSTALLATIONS: (
        "bot_token",
        "bot_refresh_token",
        "user_token",
        "user_refresh_token",
        "incoming_webhook_url",
    ),
    BOTS: ("bot_token", "bot_refresh_token"),
}
for _table in (installations, bots):
    for _name in SEALED_TOKEN_COLUMNS[_table.name]:
        _table.c[_name].type = Text()
        _table.c[_name].info["sealed"] = True
oauth_states: Table = SQLAlchemyOAuthStateStore.build_oauth_states_table(
    Base.metadata, OAUTH_STATES
)
