"""Which chat platforms this coach serves: each is switched on by its own settings.

Production checks each configured platform's secrets where it is mounted; here only that at
least one platform is configured, so a coach with neither never starts looking healthy.
"""

from __future__ import annotations

from adapters.slack.config import SlackMode, slack_config
from adapters.teams.auth import teams_configured
from bot.errors import ConfigurationError
from bot.settings import Settings

NO_PLATFORM = (
    "COACH_ENV is production but neither Slack nor Teams is set up: set SLACK_BOT_TOKEN and "
    "SLACK_SIGNING_SECRET (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) for Slack, or "
    "MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD for Teams (docs/INSTALL.md)."
)


def configured_platforms(settings: Settings) -> list[str]:
    platforms = []
    if slack_config(settings).mode is not SlackMode.OFF:
        platforms.append("slack")
    if teams_configured(settings):
        platforms.append("teams")
    return platforms


def require_a_platform(settings: Settings) -> None:
    if settings.is_production and not configured_platforms(settings):
        raise ConfigurationError(NO_PLATFORM)
