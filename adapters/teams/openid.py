"""Microsoft's token-signing keys, fetched off the event loop, with timeouts, and kept.

botbuilder 4.17 checks each Teams request's JWT against keys from Microsoft's OpenID
metadata, which it fetches with a blocking `requests.get` with no timeout, on the event
loop: while login.botframework.com is slow, every request on the server waits, `/healthz`
included (issue 14, finding 2). It also refetches on every request while a fetch keeps
failing. `OpenIdKeys` replaces its per-URL metadata object (`install` swaps the factory
botbuilder's `JwtTokenExtractor` calls): the fetch runs in a worker thread under
FETCH_TIMEOUT_S, one fetch at a time per URL, keys are kept for a day and kept past a failed
refresh, and after a failure it waits RETRY_AFTER_S before asking again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import requests
from botframework.connector.auth.jwt_token_extractor import (
    JwtTokenExtractor,
    _OpenIdConfig,
)
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger("coach.teams")

FETCH_TIMEOUT_S = 5.0  # the whole refresh: metadata document, then the keys it points at
KEEP_S = 24 * 3600  # botbuilder's own refresh period
UNKNOWN_KEY_REFRESH_S = 3600  # a key id we do not know: ask again at most hourly (as botbuilder)
RETRY_AFTER_S = 30.0  # after a failed fetch, no new one for this long


class KeysUnavailable(Exception):
    """Microsoft's keys could not be fetched in time: no request can be authenticated now
    (503, so the sender tries again), as opposed to a token no key signed (401)."""


class OpenIdKeys:
    """The signing keys behind one OpenID metadata URL (what botbuilder calls `get` on)."""

    def __init__(self, url: str, timeout_s: float = FETCH_TIMEOUT_S) -> None:
        self.url = url
        self.timeout_s = timeout_s
        self.keys: list[dict[str, Any]] = []
        self.fetched_at: float | None = None
        self.failed_at: float | None = None
        self.fetches = 0
        self._inflight: asyncio.Task[None] | None = None

    async def get(self, key_id: str) -> _OpenIdConfig:
        """The key `key_id`; without it raises (401 or 503 at the endpoint, never a stall)."""
        if self._older_than(KEEP_S):
            await self._refresh()
        found = self._find(key_id)
        if found is None and self._older_than(UNKNOWN_KEY_REFRESH_S):
            await self._refresh()
            found = self._find(key_id)
        if found is None and not self.keys:
            raise KeysUnavailable("Microsoft's signing keys could not be fetched")
        if found is None:
            raise PermissionError("no signing key for this token")
        return found

    def _older_than(self, seconds: float) -> bool:
        return self.fetched_at is None or time.monotonic() - self.fetched_at > seconds

    async def _refresh(self) -> None:
        if self.failed_at is not None and time.monotonic() - self.failed_at < RETRY_AFTER_S:
            return  # a fetch just failed: answer from what is kept rather than queue up again
        loop = asyncio.get_running_loop()
        task = self._inflight
        if task is None or task.done() or task.get_loop() is not loop:
            task = self._inflight = loop.create_task(self._fetch_in_thread())
        await asyncio.shield(task)

    async def _fetch_in_thread(self) -> None:
        self.fetches += 1
        try:
            keys = await asyncio.wait_for(asyncio.to_thread(self._fetch), self.timeout_s)
        except Exception as exc:  # timeout, network, HTTP status, a body that is not JSON
            self.failed_at = time.monotonic()
            log.warning("teams_signing_keys_unavailable", extra={"error": type(exc).__name__})
            return
        self.keys, self.fetched_at, self.failed_at = keys, time.monotonic(), None

    def _fetch(self) -> list[dict[str, Any]]:
        # (connect, read) timeouts end the thread itself; wait_for above ends our wait sooner.
        timeouts = (self.timeout_s, self.timeout_s)
        metadata = requests.get(self.url, timeout=timeouts)
        metadata.raise_for_status()
        keys = requests.get(str(metadata.json()["jwks_uri"]), timeout=timeouts)
        keys.raise_for_status()
        found = keys.json()["keys"]
        if not isinstance(found, list):
            raise ValueError("keys is not a list")
        return [key for key in found if isinstance(key, dict)]

    def _find(self, key_id: str) -> _OpenIdConfig | None:
        for key in self.keys:
            if key.get("kid") == key_id:
                public_key = RSAAlgorithm.from_jwk(json.dumps(key))
                return _OpenIdConfig(public_key, key.get("endorsements", []))
        return None


def _keys_for(metadata_url: str) -> OpenIdKeys:
    cache: dict[str, Any] = JwtTokenExtractor.metadataCache
    found = cache.get(metadata_url)
    if not isinstance(found, OpenIdKeys):
        found = cache[metadata_url] = OpenIdKeys(metadata_url)
    return found


def install() -> None:
    """Make every JwtTokenExtractor botbuilder builds use OpenIdKeys (idempotent)."""
    JwtTokenExtractor.get_open_id_metadata = staticmethod(_keys_for)
