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


def _status_and_error(exc: SlackApiError) -> tuple[int, str]:
    """The HTTP status and Slack's error word, whatever the body was.

    `exc.response` is usually a SlackResponse whose data is Slack's JSON, but a proxy's HTML
    or plain-text page gives a str (or bytes) there, and a body that claims JSON and is not
    leaves aiohttp's own response object in its place: read all of them without raising.
    """
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    if not isinstance(status, int):
        status = getattr(response, "status", 0)
    data = getattr(response, "data", None)
    error = data.get("error") if isinstance(data, dict) else None
    return (status if isinstance(status, int) else 0), (str(error)[:64] if error else "")


def error_code(exc: Exception) -> str:
    """Slack's own error word (`channel_not_found`), else the HTTP status or the exception's
    class: safe to log, never the request, never raises."""
    if isinstance(exc, SlackApiError):
        status, error = _status_and_error(exc)
        return error or (f"http_{status}" if status else "unreadable_response")
    return type(exc).__name__


def classify(exc: SlackApiError) -> DeliveryResult:
    """What the scheduler should do after Slack refused a proactive send."""
    status, error = _status_and_error(exc)
    if status == 429 or error == "ratelimited":
        return DeliveryResult(DeliveryOutcome.RETRY, "rate_limited")
    if status >= 500 or error in RETRY_ERRORS:
        return DeliveryResult(DeliveryOutcome.RETRY, "slack_unavailable")
    if error in GONE_ERRORS:
        return DeliveryResult(DeliveryOutcome.GONE, error)
    return DeliveryResult(DeliveryOutcome.RETRY, error or f"http_{status}")
