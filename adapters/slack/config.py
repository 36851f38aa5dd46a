"""Which Slack setup the settings describe, checked once at startup."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from adapters.slack import messages
from bot.errors import ConfigurationError
from bot.settings import Settings

DEFAULT_API_URL = "https://slack.com/api/"
# Least privilege: each scope is justified in docs/INSTALL.md. channels:read and groups:read
# are not asked for: with them `channel on` could warn at once that the coach is not in the
# channel (people.can_post); without them the first weekly post finds out and says so.
BOT_SCOPES = (
    "commands",
    "chat:write",
    "im:history",
    "im:write",
    "users:read",
)


class SlackMode(StrEnum):
    OFF = "off"  # no Slack settings: the routes say so
    SINGLE = "single"  # one workspace: SLACK_BOT_TOKEN
    OAUTH = "oauth"  # many workspaces: SLACK_CLIENT_ID + SLACK_CLIENT_SECRET


@dataclass(frozen=True)
class SlackConfig:
    mode: SlackMode
    api_url: str
    signing_secret: str | None = None
    bot_token: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    app_token: str | None = None

    @property
    def socket_mode(self) -> bool:
        return self.mode is not SlackMode.OFF and self.app_token is not None

    @property
    def http_events(self) -> bool:
        """Requests to /slack/events are taken only when they can be verified."""
        return self.mode is not SlackMode.OFF and bool(self.signing_secret)

    @property
    def oauth_base(self) -> str:
        """Slack's web base beside the API (slack.com, slack-gov.com, a local test)."""
        base = self.api_url.rstrip("/")
        return base.removesuffix("/api") + "/"

    @property
    def authorization_url(self) -> str:
        return self.oauth_base + "oauth/v2/authorize"


def api_base(url: str) -> str:
    """slack_sdk appends method names to the base, so it must end with a slash."""
    return url if url.endswith("/") else url + "/"


def slack_config(settings: Settings, *, serving: bool = True) -> SlackConfig:
    """The Slack setup, or ConfigurationError naming the setting to fix.

    `serving` is True for the web server, which production refuses to run without a signing
    secret; the clock only sends, so it needs none.
    """
    client_id, client_secret = settings.slack_client_id, settings.slack_client_secret
    if bool(client_id) != bool(client_secret):
        raise ConfigurationError(messages.OAUTH_NEEDS_BOTH)
    if client_id and client_secret:
        mode = SlackMode.OAUTH
    elif settings.slack_bot_token:
        mode = SlackMode.SINGLE
    else:
        mode = SlackMode.OFF
    if mode is SlackMode.OFF and settings.slack_app_token:
        raise ConfigurationError(messages.SOCKET_MODE_NEEDS_TOKEN)
    config = SlackConfig(
        mode=mode,
        api_url=api_base(settings.slack_api_url or DEFAULT_API_URL),
        signing_secret=settings.slack_signing_secret,
        bot_token=settings.slack_bot_token,
        client_id=client_id,
        client_secret=client_secret,
        app_token=settings.slack_app_token,
    )
    # HTTP without a signing secret would trust anyone; Socket Mode does not use HTTP.
    needs_secret = mode is not SlackMode.OFF and not config.socket_mode
    if serving and settings.is_production and needs_secret and not config.signing_secret:
        raise ConfigurationError(messages.PRODUCTION_NEEDS_SIGNING_SECRET)
    return config
