"""The coach's own Microsoft token (to post to Teams): one credential per bot, its token
fetched off the event loop, with a timeout, and kept.

botbuilder 4.17 builds a new MicrosoftAppCredentials for every connector client (every
Teams turn, every proactive send), each with its own msal client and token cache: a
request to login.microsoftonline.com per turn, made by msrest with a blocking call on the
event loop, without a timeout, when the turn sends its first message. While that host is
slow, every request on the server waits (issue 14).

`KeptCredentialsFactory` hands out one credential per (app id, audience, login endpoint),
so msal's cache serves every turn; `create_credentials`, which botbuilder awaits before it
builds a connector client, makes sure that credential holds a token: fetched in a thread,
waited for at most TOKEN_TIMEOUT_S, one fetch at a time for all turns in flight. msal never hands
out a token with under five minutes left, so one it gave us is used for USABLE_S and asked
for again after KEEP_S.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import requests
from botframework.connector.auth import (
    AppCredentials,
    ServiceClientCredentialsFactory,
)
from msrest.authentication import Authentication

log = logging.getLogger("coach.teams")

TOKEN_TIMEOUT_S = 5.0
USABLE_S = 5 * 60  # msal's own margin: a token it returns is valid at least this long
KEEP_S = 4 * 60  # ask msal again (from its cache, or Microsoft near expiry) after this
RETRY_AFTER_S = 10.0  # after a failed fetch, turns fail at once for this long


class TokenUnavailable(Exception):
    """No token for the coach's own messages within TOKEN_TIMEOUT_S (login host slow or down)."""


class KeptToken(Authentication):
    """One bot's credential, as botbuilder uses it, answering from a kept token.

    The fetch runs on a thread of this credential's own: one that hangs (msal sets no
    timeout) holds that thread only, no second fetch starts meanwhile, and no event loop
    waits for it when it closes (the clock runs each proactive send on a fresh loop)."""

    def __init__(self, inner: AppCredentials, timeout_s: float | None = None) -> None:
        self.inner = inner
        self.timeout_s = timeout_s
        self.token: str | None = None
        self.fetched_at = 0.0  # time.monotonic()
        self.failed_at: float | None = None
        self.fetches = 0
        self._fetching: Future[str] | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="teams-token")

    def __getattr__(self, name: str) -> Any:
        # microsoft_app_id, oauth_scope...: what botbuilder reads from the credential.
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    async def ready(self) -> None:
        """A usable token is kept (raises TokenUnavailable otherwise); never blocks the loop."""
        if self._younger_than(KEEP_S):
            return
        if self.failed_at is not None and time.monotonic() - self.failed_at < RETRY_AFTER_S:
            if self._younger_than(USABLE_S):
                return
            raise TokenUnavailable("Microsoft's login host failed a moment ago")
        fetching = self._fetching
        if fetching is None or fetching.done():
            fetching = self._fetching = self._thread.submit(self._fetch)
        timeout_s = TOKEN_TIMEOUT_S if self.timeout_s is None else self.timeout_s
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(fetching)), timeout_s)
        except Exception as exc:  # timeout, network, refused credentials (PermissionError)
            self.failed_at = time.monotonic()
            log.warning("teams_token_unavailable", extra={"error": type(exc).__name__})
        if not self._younger_than(USABLE_S):
            raise TokenUnavailable("no token from Microsoft's login host in time")

    def _younger_than(self, seconds: float) -> bool:
        return self.token is not None and time.monotonic() - self.fetched_at < seconds

    def _fetch(self) -> str:
        self.fetches += 1
        token = str(self.inner.get_access_token())
        self.token, self.fetched_at, self.failed_at = token, time.monotonic(), None
        return token

    def get_access_token(self, force_refresh: bool = False) -> str:
        if self.token is not None and self._younger_than(USABLE_S) and not force_refresh:
            return self.token
        return str(self.inner.get_access_token(force_refresh))  # only if `ready` was skipped

    def signed_session(self, session: requests.Session | None = None) -> requests.Session:
        session = session if session is not None else requests.Session()
        session.headers["Authorization"] = f"Bearer {self.get_access_token()}"
        return session


class KeptCredentialsFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """botbuilder's factory for the configured app type, handing out one KeptToken per bot."""

    def __init__(
        self, inner: ServiceClientCredentialsFactory, timeout_s: float | None = None
    ) -> None:
        self.inner = inner
        self.timeout_s = timeout_s
        self.kept: dict[tuple[str, str, str, bool], KeptToken] = {}
        self.disabled: dict[tuple[str, str, str, bool], Authentication] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return bool(await self.inner.is_valid_app_id(app_id))

    async def is_authentication_disabled(self) -> bool:
        return bool(await self.inner.is_authentication_disabled())

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        key = (app_id, oauth_scope or "", login_endpoint or "", validate_authority)
        if await self.is_authentication_disabled():  # local development: no token at all
            # Kept too, so the connector client around it is kept (connectors.py).
            if key not in self.disabled:
                self.disabled[key] = await self.inner.create_credentials(
                    app_id, oauth_scope, login_endpoint, validate_authority
                )
            return self.disabled[key]
        kept = self.kept.get(key)
        if kept is None:
            inner = await self.inner.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
            kept = self.kept.setdefault(key, KeptToken(inner, self.timeout_s))
        await kept.ready()
        return kept
