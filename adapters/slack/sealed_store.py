"""slack_sdk's SQLAlchemy installation store, with every token sealed at rest.

A bot token with `im:history` reads the educators' DMs with the coach, so the tokens (and
refresh tokens, and an incoming-webhook URL, which posts to a channel) are sealed under
the master key before slack_sdk writes them and opened after it reads them. slack_sdk's
store does all the rest unchanged: this subclass only touches entities on their way in
and out. Rows written before sealing (plain tokens) still read; `coach db rotate-key`
seals them.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

from bot.storage.keyring import Keyring
from bot.storage.sealing import is_sealed

SECRET_FIELDS = (
    "bot_token",
    "bot_refresh_token",
    "user_token",
    "user_refresh_token",
    "incoming_webhook_url",
)
Entity = TypeVar("Entity", Installation, Bot)


class SealedInstallationStore(SQLAlchemyInstallationStore):
    def __init__(self, *, keyring: Keyring, **options: Any) -> None:
        super().__init__(**options)
        self.keyring = keyring

    def _sealed(self, entity: Entity) -> Entity:
        sealed = copy.copy(entity)
        for name in SECRET_FIELDS:
            value = getattr(sealed, name, None)
            if isinstance(value, str) and value and not is_sealed(value):
                setattr(sealed, name, self.keyring.seal_secret(value))
        return sealed

    def _opened(self, entity: Entity | None) -> Entity | None:
        if entity is None:
            return None
        for name in SECRET_FIELDS:
            value = getattr(entity, name, None)
            if isinstance(value, str):
                setattr(entity, name, self.keyring.open_secret(value))
        return entity

    def save(self, installation: Installation) -> None:
        super().save(self._sealed(installation))  # its bot goes through save_bot below

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(self._sealed(bot))

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        found = super().find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return self._opened(found)

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = super().find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )
        return self._opened(found)  # a bot token filled in from find_bot is already open
