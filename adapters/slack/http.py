"""One HTTP connection pool for the Slack calls `coach serve` makes (users.info, replies,
response URLs, DMs): connections kept alive between calls. Without a session slack_sdk makes
a new aiohttp session, and a new connection, for every call, on the event loop that also
acknowledges Slack (the clock has its own pool: adapters/slack/pool.py)."""

from __future__ import annotations

import aiohttp


class SharedHttp:
    """Opened when the server starts, closed after the last background reply."""

    def __init__(self) -> None:
        self.session: aiohttp.ClientSession | None = None

    async def open(self) -> aiohttp.ClientSession:
        # Each slack_sdk call sets its own timeout (adapters/slack/clients.py).
        self.session = aiohttp.ClientSession()
        return self.session

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None
