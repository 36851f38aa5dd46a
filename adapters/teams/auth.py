"""Bot Framework credentials from the coach's settings, checked before anything starts."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationServiceClientCredentialFactory,
)

from adapters.teams import openid
from adapters.teams.connectors import KeptConnectorsAuthentication
from adapters.teams.credentials import KeptCredentialsFactory
from bot.errors import ConfigurationError
from bot.settings import Settings

log = logging.getLogger("coach.teams")


@dataclass(frozen=True)
class BotFrameworkConfig:
    """The attribute names ConfigurationBotFrameworkAuthentication reads."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str | None


def teams_configured(settings: Settings) -> bool:
    """Whether this coach serves Teams: a bot registration's app id is set."""
    return bool((settings.microsoft_app_id or "").strip())


def bot_framework_config(settings: Settings) -> BotFrameworkConfig:
    """Check the Teams settings and name the missing one in a sentence an operator can act on.

    With no app id the endpoint runs unauthenticated (local development only), which
    production refuses.
    """
    app_id = (settings.microsoft_app_id or "").strip()
    password = (settings.microsoft_app_password or "").strip()
    tenant = (settings.microsoft_app_tenant_id or "").strip() or None
    app_type = settings.microsoft_app_type
    if not app_id:
        if settings.is_production:
            raise ConfigurationError(
                "COACH_ENV is production but MICROSOFT_APP_ID is not set, so the Teams "
                "endpoint would accept unauthenticated activities: set MICROSOFT_APP_ID and "
                "MICROSOFT_APP_PASSWORD (or MICROSOFT_APP_TYPE=UserAssignedMSI)."
            )
        return BotFrameworkConfig(
            APP_ID="", APP_PASSWORD="", APP_TYPE="MultiTenant", APP_TENANTID=None
        )
    if app_type != "UserAssignedMSI" and not password:
        raise ConfigurationError(
            f"MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not; a {app_type} bot "
            "needs its client secret."
        )
    if app_type in ("SingleTenant", "UserAssignedMSI") and not tenant:
        raise ConfigurationError(
            f"MICROSOFT_APP_TYPE is {app_type} but MICROSOFT_APP_TENANT_ID is not set; "
            "set it to the bot's Microsoft Entra tenant id (the Azure bot's Configuration "
            "page shows it), or MICROSOFT_APP_TYPE=MultiTenant for an older multi-tenant bot."
        )
    return BotFrameworkConfig(
        APP_ID=app_id, APP_PASSWORD=password, APP_TYPE=app_type, APP_TENANTID=tenant
    )


def _fast_msrest_retry_policy() -> None:
    """msrest builds a retry policy for every connector client (two per Teams turn) by testing
    999 status codes against a 500-item list: about 5 ms of CPU each, 40% of a turn (measured
    in BENCHMARKS.md). The same codes as a frozenset give the same policy in microseconds."""
    from msrest.universal_http.requests import ClientRetryPolicy

    if not isinstance(ClientRetryPolicy.safe_codes, frozenset):
        ClientRetryPolicy.safe_codes = frozenset(ClientRetryPolicy.safe_codes)  # type: ignore[assignment]


def build_adapter(config: BotFrameworkConfig) -> CloudAdapter:
    _fast_msrest_retry_policy()
    openid.install()  # signing keys fetched off the event loop, with timeouts
    # One credential per bot, its token fetched off the event loop (credentials.py).
    credentials = KeptCredentialsFactory(ConfigurationServiceClientCredentialFactory(config))
    # One connector client per service URL, its connections kept alive (connectors.py).
    return CloudAdapter(KeptConnectorsAuthentication(config, credentials_factory=credentials))
