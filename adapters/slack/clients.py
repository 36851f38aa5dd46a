"""Slack Web API clients that retry: 429 after Retry-After, 5xx, and dropped connections."""

from __future__ import annotations

import aiohttp
from slack_sdk import WebClient
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

# Replies to an educator who is waiting: a couple of tries each. The weekly sender (the
# clock's) tries a 5xx or a dropped connection once more and otherwise reports RETRY so the
# scheduler comes back later in the week; a 429 it reports at once, never sleeping out the
# Retry-After in a sender thread (the clock paces its sends: scheduler/pace.py).
RATE_LIMIT_RETRIES = 2
SERVER_ERROR_RETRIES = 2
CONNECTION_RETRIES = 2
TIMEOUT_SECONDS = 10


def async_retry_handlers() -> list[AsyncRetryHandler]:
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        AsyncServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES),
    ]


def weekly_retry_handlers() -> list[AsyncRetryHandler]:
    """The weekly sender's (adapters/slack/pool.py): no 429 retry, one more try on a 5xx."""
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
        AsyncServerErrorRetryHandler(max_retry_count=1),
    ]


def sync_retry_handlers() -> list[RetryHandler]:
    return [
        ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
        ServerErrorRetryHandler(max_retry_count=1),
    ]


def async_web_client(
    base_url: str, token: str | None = None, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    """`session`: the server's shared pool (adapters/slack/http.py), when it is open."""
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=async_retry_handlers(),
        session=session,
    )


def sync_web_client(base_url: str, token: str | None = None) -> WebClient:
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=sync_retry_handlers(),
    )


def response_url_client(
    url: str, session: aiohttp.ClientSession | None = None
) -> AsyncWebhookClient:
    return AsyncWebhookClient(
        url=url, timeout=TIMEOUT_SECONDS, retry_handlers=async_retry_handlers(), session=session
    )
