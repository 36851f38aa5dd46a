"""Slack's error codes, read once: for the log, and for what the clock does after a failed send.

RETRY for rate limits, Slack outages and network trouble (the scheduler comes back later in
the week); GONE when the educator, the channel or the installation is gone (it stops
nudging that address).
"""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from bot.delivery import DeliveryOutcome, DeliveryResult

GONE_ERRORS = frozenset(
    {
        "account_inactive",
        "user_not_found",
        "user_disabled",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "token_expired",
        "invalid_refresh_token",
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "cannot_dm_bot",
        "team_access_not_granted",
        "team_not_found",
        "app_uninstalled",
        "missing_scope",
        "ekm_access_denied",
    }
)
RETRY_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


def error_code(exc: Exception) -> str:
    """Slack's own error word (`channel_not_found`), else the HTTP status or the exception's
    class: safe to log, never the request."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or exc.response.status_code)
    return type(exc).__name__


def classify(exc: SlackApiError) -> DeliveryResult:
    """What the scheduler should do after Slack refused a proactive send."""
    status = exc.response.status_code
    error = str(exc.response.get("error") or "")
    if status == 429 or error == "ratelimited":
        return DeliveryResult(DeliveryOutcome.RETRY, "rate_limited")
    if status >= 500 or error in RETRY_ERRORS:
        return DeliveryResult(DeliveryOutcome.RETRY, "slack_unavailable")
    if error in GONE_ERRORS:
        return DeliveryResult(DeliveryOutcome.GONE, error)
    return DeliveryResult(DeliveryOutcome.RETRY, error or f"http_{status}")
