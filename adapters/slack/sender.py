"""Proactive messages to Slack (weekly nudges): the scheduler's `Sender` for Slack.

Synchronous on purpose: the clock process is synchronous. Its calls go through one HTTP
connection pool (adapters/slack/pool.py), kept alive between sends. Each send opens the
educator's DM once per process (its channel is remembered: conversations.open answers the
same channel every time) or uses the channel in the address, and posts the rendered
messages. Failures are reported, never raised (adapters/slack/errors.py says which are
RETRY and which GONE).
For OAuth installs the bot token is rotated here when it is about to expire (Bolt only
rotates while handling a request, and the clock handles none).
"""

from __future__ import annotations

import logging
import weakref

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.token_rotation import TokenRotator
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Engine

from adapters.slack.blocks import SlackMessage, render_messages
from adapters.slack.clients import sync_web_client
from adapters.slack.config import SlackConfig, SlackMode, slack_config
from adapters.slack.errors import classify
from adapters.slack.grid import org_of
from adapters.slack.installs import installation_store
from adapters.slack.pool import SlackPool
from bot.delivery import Address, DeliveryOutcome, DeliveryResult, Sender
from bot.inbound import Platform
from bot.replies import Reply
from bot.settings import Settings
from bot.storage.keyring import Keyring

log = logging.getLogger("coach.slack.sender")

ROTATE_MINUTES_BEFORE_EXPIRY = 120
MAX_DM_CHANNELS = 50_000  # remembered per process; forgotten all at once past this


class NotInstalled(Exception):
    """No installation (or no bot token) for the workspace."""


class SlackSender:
    platform: Platform = Platform.SLACK

    def __init__(
        self,
        config: SlackConfig,
        *,
        store: SQLAlchemyInstallationStore | None = None,
        rotator: TokenRotator | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.rotator = rotator
        self.pool = SlackPool(config.api_url)
        weakref.finalize(self, self.pool.close)  # dropped, or the process ends
        # (workspace, user) -> their DM channel with the coach; used on the pool's loop only.
        self._dm_channels: dict[tuple[str, str], str] = {}

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        if not replies:
            return DeliveryResult(DeliveryOutcome.SENT, "nothing_to_send")
        try:
            token = self._token(address.workspace)
            messages = render_messages(replies)

            async def post(client: AsyncWebClient) -> None:
                await self._post(client, address, messages)

            self.pool.run(token, post)
        except NotInstalled:
            return DeliveryResult(DeliveryOutcome.GONE, "not_installed")
        except SlackApiError as exc:
            result = classify(exc)
            log.info(
                "slack_send_failed", extra={"outcome": result.outcome, "reason": result.reason}
            )
            return result
        except (SlackClientError, aiohttp.ClientError, OSError) as exc:  # refused, reset, timeout
            log.info("slack_send_failed", extra={"outcome": "retry", "error": type(exc).__name__})
            return DeliveryResult(DeliveryOutcome.RETRY, "connection")
        return DeliveryResult(DeliveryOutcome.SENT)

    async def _post(
        self, client: AsyncWebClient, address: Address, messages: list[SlackMessage]
    ) -> None:
        dm = (address.workspace, address.user_id)
        channel = address.conversation or self._dm_channels.get(dm)
        if channel is None:
            response = await client.conversations_open(users=address.user_id)
            channel = str((response.get("channel") or {})["id"])
            if len(self._dm_channels) >= MAX_DM_CHANNELS:
                self._dm_channels.clear()
            self._dm_channels[dm] = channel
        try:
            for message in messages:
                await client.chat_postMessage(
                    channel=channel, text=message.text, blocks=message.blocks
                )
        except SlackApiError as exc:
            if classify(exc).outcome is DeliveryOutcome.GONE:  # opened again if turned back on
                self._dm_channels.pop(dm, None)
            raise

    def _token(self, workspace: str) -> str:
        if self.config.mode is SlackMode.SINGLE:
            assert self.config.bot_token is not None
            return self.config.bot_token
        assert self.store is not None
        org = org_of(self.store, workspace)
        installation = self.store.find_installation(
            enterprise_id=org.enterprise_id,
            team_id=workspace,
            is_enterprise_install=org.org_wide,
        )
        if installation is None or not installation.bot_token:
            raise NotInstalled(workspace)
        if installation.bot_refresh_token and self.rotator is not None:
            rotated = self.rotator.perform_token_rotation(
                installation=installation, minutes_before_expiration=ROTATE_MINUTES_BEFORE_EXPIRY
            )
            if rotated is not None:
                self.store.save(rotated)
                installation = rotated
        if not installation.bot_token:
            raise NotInstalled(workspace)
        return installation.bot_token


def build_slack_sender(settings: Settings, engine: Engine, keyring: Keyring) -> Sender | None:
    """The Slack sender for these settings, or None when Slack is not configured.

    `engine` is the coach's database, where slack_sdk's store keeps OAuth installations
    (their tokens sealed under `keyring`'s master key).
    """
    config = slack_config(settings, serving=False)
    if config.mode is SlackMode.OFF:
        return None
    if config.mode is SlackMode.SINGLE:
        return SlackSender(config)
    assert config.client_id is not None and config.client_secret is not None
    rotator = TokenRotator(
        client_id=config.client_id,
        client_secret=config.client_secret,
        client=sync_web_client(config.api_url),
    )
    return SlackSender(
        config, store=installation_store(engine, config.client_id, keyring), rotator=rotator
    )
