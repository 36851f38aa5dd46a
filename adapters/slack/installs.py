"""Installations for many workspaces, kept in our database with slack_sdk's SQLAlchemy stores.

slack_sdk's stores are synchronous; Bolt's async app wants async ones. The wrappers here run
each call in a worker thread on the same engine as everything else. A saved installation
also tells the coach the workspace is back, so nudges to a returning school resume.
Their tables are ours (adapters/slack/tables.py), created by Alembic, never by the stores.
"""

from __future__ import annotations

import asyncio
import logging
from logging import Logger

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from adapters.slack.sealed_store import SealedInstallationStore
from adapters.slack.tables import BOTS, INSTALLATIONS, OAUTH_STATES
from bot.api import CoachAPI
from bot.inbound import Platform
from bot.storage.keyring import Keyring

log = logging.getLogger("coach.slack.installs")

STATE_EXPIRATION_SECONDS = 600


def installation_store(
    engine: Engine, client_id: str, keyring: Keyring
) -> SQLAlchemyInstallationStore:
    """slack_sdk's store on our tables, its tokens sealed under the master key."""
    return SealedInstallationStore(
        keyring=keyring,
        client_id=client_id,
        engine=engine,
        bots_table_name=BOTS,
        installations_table_name=INSTALLATIONS,
        logger=log,
    )


def state_store(engine: Engine) -> SQLAlchemyOAuthStateStore:
    return SQLAlchemyOAuthStateStore(
        expiration_seconds=STATE_EXPIRATION_SECONDS,
        engine=engine,
        logger=log,
        table_name=OAUTH_STATES,
    )


class AsyncInstallations(AsyncInstallationStore):
    def __init__(self, store: SQLAlchemyInstallationStore, api: CoachAPI):
        self.store = store
        self.api = api

    @property
    def logger(self) -> Logger:
        return log

    def _save_and_mark(self, installation: Installation) -> None:
        self.store.save(installation)
        if installation.team_id:
            self.api.workspace_installed(Platform.SLACK, installation.team_id)
        log.info("slack_installed", extra={"team": installation.team_id})

    async def async_save(self, installation: Installation) -> None:
        await asyncio.to_thread(self._save_and_mark, installation)

    async def async_save_bot(self, bot: Bot) -> None:
        await asyncio.to_thread(self.store.save_bot, bot)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return await asyncio.to_thread(
            self.store.find_bot,
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return await asyncio.to_thread(
            self.store.find_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await asyncio.to_thread(self.store.delete_bot, enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        await asyncio.to_thread(
            self.store.delete_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
        )


class AsyncStates(AsyncOAuthStateStore):
    def __init__(self, store: SQLAlchemyOAuthStateStore):
        self.store = store

    @property
    def logger(self) -> Logger:
        return log

    async def async_issue(self, *args: object, **kwargs: object) -> str:
        return await asyncio.to_thread(self.store.issue)

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self.store.consume, state)
