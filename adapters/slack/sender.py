"""Proactive messages to Slack (weekly nudges): the scheduler's `Sender` for Slack.

Synchronous on purpose: the clock process is synchronous. Each send opens the educator's
DM (or uses the channel in the address) and posts the rendered messages. Failures are
reported, never raised (adapters/slack/errors.py says which are RETRY and which GONE).
For OAuth installs the bot token is rotated here when it is about to expire (Bolt only
rotates while handling a request, and the clock handles none).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import Engine

from adapters.slack.blocks import render_messages
from adapters.slack.clients import sync_web_client
from adapters.slack.config import SlackConfig, SlackMode, slack_config
from adapters.slack.errors import classify
from adapters.slack.grid import org_of
from adapters.slack.installs import installation_store
from bot.delivery import Address, DeliveryOutcome, DeliveryResult, Sender
from bot.inbound import Platform
from bot.replies import Reply
from bot.settings import Settings
from bot.storage.keyring import Keyring

log = logging.getLogger("coach.slack.sender")

ROTATE_MINUTES_BEFORE_EXPIRY = 120


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

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        if not replies:
            return DeliveryResult(DeliveryOutcome.SENT, "nothing_to_send")
        try:
            client = sync_web_client(self.config.api_url, self._token(address.workspace))
            channel = address.conversation or self._open_dm(client, address.user_id)
            for message in render_messages(replies):
                client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks)
        except NotInstalled:
            return DeliveryResult(DeliveryOutcome.GONE, "not_installed")
        except SlackApiError as exc:
            result = classify(exc)
            log.info(
                "slack_send_failed", extra={"outcome": result.outcome, "reason": result.reason}
            )
            return result
        except (SlackClientError, OSError) as exc:  # network: refused, reset, timed out
            log.info("slack_send_failed", extra={"outcome": "retry", "error": type(exc).__name__})
            return DeliveryResult(DeliveryOutcome.RETRY, "connection")
        return DeliveryResult(DeliveryOutcome.SENT)

    def _open_dm(self, client: WebClient, user_id: str) -> str:
        response = client.conversations_open(users=user_id)
        channel: dict[str, Any] = response.get("channel") or {}
        return str(channel["id"])

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
