"""Sending one activity to the Bot Framework connector, with backoff and jitter.

botbuilder does not retry. Teams asks for exponential backoff with jitter on 429 and
allows retries on 412, 502, 503 and 504; a 403 means the coach was removed from the
conversation or blocked, and retrying cannot help.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from botbuilder.schema import ErrorResponseException
from msrest.exceptions import ClientRequestError

RETRY_STATUSES = frozenset({412, 429, 502, 503, 504})
# The longest one connector call may take (msrest's default is 100 s): a stuck connector
# becomes a retry, then a failure the log and the scheduler can see, within seconds.
CONNECTOR_TIMEOUT_S = 10
GONE_STATUSES = frozenset({403, 404})
Sleep = Callable[[float], Awaitable[Any]]


class SendFailed(Exception):
    """A send the connector refused; `status` is its HTTP status (0: no answer)."""

    def __init__(self, status: int, code: str, retryable: bool) -> None:
        super().__init__(f"connector answered {status} {code}".strip())
        self.status = status
        self.code = code
        self.retryable = retryable


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 1.0
    max_delay: float = 10.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with equal jitter; never sooner than the server's Retry-After."""
        ceiling = min(self.max_delay, self.base_delay * 2**attempt)
        jittered = random.uniform(ceiling / 2, ceiling)
        if retry_after is not None:
            jittered = max(jittered, min(retry_after, self.max_delay))
        return jittered


def single_attempt_transport(connector: Any) -> None:
    """Turn off msrest's own urllib3 retries (3 tries, 0.8 s backoff, no jitter, no 429), and
    bound each call by CONNECTOR_TIMEOUT_S.

    Retries happen in one place, `send_with_retry`, where they follow Teams' guidance;
    stacked under ours they would multiply the wait on a dead connection.
    """
    config = getattr(connector, "config", None)
    policy = getattr(config, "retry_policy", None)
    if policy is not None:
        policy.retries = 0
    connection = getattr(config, "connection", None)
    if connection is not None:
        connection.timeout = CONNECTOR_TIMEOUT_S


def _status(exc: ErrorResponseException) -> int:
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", 0)
    return status if isinstance(status, int) else 0


def _error_code(exc: ErrorResponseException) -> str:
    error = getattr(getattr(exc, "error", None), "error", None)
    code = getattr(error, "code", None)
    return str(code)[:64] if code else ""


def _retry_after(exc: ErrorResponseException) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    try:
        value = headers.get("Retry-After")
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


async def send_with_retry(
    send: Callable[[], Awaitable[Any]],
    policy: RetryPolicy,
    sleep: Sleep = asyncio.sleep,
) -> None:
    """Make one connector call; retry what Teams says to retry; raise SendFailed otherwise."""
    for attempt in range(policy.attempts):
        last_try = attempt == policy.attempts - 1
        try:
            await send()
            return
        except ErrorResponseException as exc:
            status = _status(exc)
            if status in RETRY_STATUSES and not last_try:
                await sleep(policy.delay(attempt, _retry_after(exc)))
                continue
            raise SendFailed(status, _error_code(exc), status in RETRY_STATUSES) from exc
        except (ClientRequestError, OSError) as exc:
            if not last_try:
                await sleep(policy.delay(attempt, None))
                continue
            raise SendFailed(0, type(exc).__name__, True) from exc
