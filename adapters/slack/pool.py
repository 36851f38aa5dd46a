"""One HTTP connection pool for the clock's Slack calls, shared by its sender threads.

slack_sdk's synchronous `WebClient` opens a new connection for every call (urllib, no
keep-alive); its `AsyncWebClient` reuses the connections of the aiohttp session it is
given. The clock is synchronous, so the pool runs one event loop in a thread of its own,
with one aiohttp session on it, and each sender thread hands it a call and waits for the
answer. The loop starts with the first call; `close` (also run when the sender is dropped
and when the process exits) closes the session and stops the loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.clients import TIMEOUT_SECONDS, weekly_retry_handlers

T = TypeVar("T")
Call = Callable[[AsyncWebClient], Coroutine[Any, Any, T]]
CLOSE_WAIT_S = 10.0


class SlackPool:
    """`pool.run(token, call)`: `call(client)` on the pool's loop, with a client on the shared
    session; returns what it returns, raises what it raises."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._session: aiohttp.ClientSession | None = None

    def run(self, token: str, call: Call[T]) -> T:
        future = asyncio.run_coroutine_threadsafe(self._call(token, call), self._started())
        return future.result()

    async def _call(self, token: str, call: Call[T]) -> T:
        if self._session is None:  # made on the loop that uses it
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
            )
        client = AsyncWebClient(
            token=token,
            base_url=self.base_url,
            timeout=TIMEOUT_SECONDS,
            session=self._session,
            retry_handlers=weekly_retry_handlers(),
        )
        return await call(client)

    def _started(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(
                    target=self._loop.run_forever, name="coach-slack-pool", daemon=True
                )
                self._thread.start()
            return self._loop

    def close(self) -> None:
        """Close the session and stop the loop (a later call starts them again)."""
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is None or thread is None:
            return
        closing = asyncio.run_coroutine_threadsafe(self._close_session(), loop)
        if threading.current_thread() is not thread:
            closing.result(timeout=CLOSE_WAIT_S)
        loop.call_soon_threadsafe(loop.stop)
        if threading.current_thread() is not thread:
            thread.join(timeout=CLOSE_WAIT_S)
            loop.close()

    async def _close_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()
