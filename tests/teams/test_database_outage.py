"""PostgreSQL refused or silent under a Teams chat: the storage-down sentence Slack and the
terminal give, within COACH_DB_TIMEOUT_S + 1 s, and a normal answer once it is back."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from adapters.teams.mount import TEAMS_KEY
from adapters.web import server
from bot.app import CoachApp, build_app
from bot.messages import STORAGE_DOWN
from bot.settings import Settings
from tests.blackhole import BlackHoleProxy, black_hole_proxy, emptied
from tests.clock import FakeClock
from tests.teams.conftest import FAST, TeamsChat
from tests.teams.connector import Connector

TIMEOUT_S = 2.0
REFUSED = "postgresql+psycopg://postgres@127.0.0.1:9/nowhere"


@pytest.fixture
def proxy() -> Iterator[BlackHoleProxy]:
    with black_hole_proxy() as proxy:
        yield proxy


async def chat_on(url: str, clock: FakeClock, connector: Connector) -> AsyncIterator[TeamsChat]:
    settings = Settings(
        database_url=url,
        coach_db_timeout_s=TIMEOUT_S,
        _env_file=None,  # type: ignore[call-arg]
    )
    core: CoachApp = build_app(settings, clock=clock, migrate=False)
    web_app = server.build_web_app(core, platforms=(server.mount_teams_api,))
    web_app[TEAMS_KEY].bot.policy = FAST
    client: TestClient[Any, Any] = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield TeamsChat(client, connector)
    finally:
        await client.close()
        core.engine.dispose()


@pytest.fixture
async def refused_chat(clock: FakeClock, connector: Connector) -> AsyncIterator[TeamsChat]:
    async for chat in chat_on(REFUSED, clock, connector):
        yield chat


@pytest.fixture
async def proxied_chat(
    postgres_url: str, proxy: BlackHoleProxy, clock: FakeClock, connector: Connector
) -> AsyncIterator[TeamsChat]:
    emptied(postgres_url)
    async for chat in chat_on(proxy.url_for(postgres_url), clock, connector):
        yield chat


@pytest.mark.parametrize("said", ["help", "journal", "nudges on", "reflect relational"])
async def test_a_refused_database_gets_the_storage_down_sentence(
    refused_chat: TeamsChat, said: str
) -> None:
    assert await refused_chat.says(said) == str(STORAGE_DOWN)


async def test_a_silent_database_is_told_within_the_timeout_and_then_recovers(
    proxied_chat: TeamsChat, proxy: BlackHoleProxy
) -> None:
    assert "journal is empty" in await proxied_chat.says("journal")
    proxy.cut()
    for said in ("journal", "nudges on"):
        started = time.monotonic()
        answer = await proxied_chat.says(said)
        assert time.monotonic() - started < TIMEOUT_S + 1.0, said
        assert answer == str(STORAGE_DOWN)
    proxy.restore()
    assert "journal is empty" in await proxied_chat.says("journal")
