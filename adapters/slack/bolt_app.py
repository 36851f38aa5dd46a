"""The Bolt app for a Slack setup: one workspace's token, or OAuth installs for many.

Bolt runs with `process_before_response=True`, so the HTTP answer leaves as soon as a
listener returns: listeners only acknowledge (adapters/slack/listeners.py).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from adapters.slack.clients import async_web_client
from adapters.slack.config import BOT_SCOPES, SlackConfig, SlackMode
from adapters.slack.installs import AsyncInstallations, AsyncStates

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


class _TokenGivenThroughClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself even when it is given a
    client, then warns at every start that the token is unused. The coach hands the same
    token over in its own client (with its session and SLACK_API_URL), so exactly that
    warning says nothing; every other Bolt warning is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


BOLT_LOGGER = logging.getLogger("slack_bolt.coach")
BOLT_LOGGER.addFilter(_TokenGivenThroughClient())


def build_bolt(
    config: SlackConfig,
    installations: AsyncInstallations | None = None,
    states: AsyncStates | None = None,
) -> AsyncApp:
    client = async_web_client(config.api_url)
    common: dict[str, Any] = {
        "name": "partnership-coach",
        # A library's logger, not one of ours: Bolt logs whole request bodies (a stale
        # timestamp, an unhandled request), so its text is withheld (bot/log_privacy.py).
        "logger": BOLT_LOGGER,
        "signing_secret": config.signing_secret or "",
        # Without a secret only Socket Mode runs (its frames are not signed), and
        # /slack/events refuses every HTTP request before Bolt sees it.
        "request_verification_enabled": bool(config.signing_secret),
        "client": client,
        "process_before_response": True,
    }
    if config.mode is SlackMode.OAUTH:
        assert installations is not None and states is not None
        oauth = AsyncOAuthSettings(
            client_id=config.client_id,
            client_secret=config.client_secret,
            scopes=list(BOT_SCOPES),
            installation_store=installations,
            state_store=states,
            authorization_url=config.authorization_url,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
        )
        return AsyncApp(oauth_settings=oauth, installation_store=installations, **common)
    # Bolt takes the single workspace's token from the client it is given.
    client.token = config.bot_token
    return AsyncApp(**common)
