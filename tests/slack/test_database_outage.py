"""PostgreSQL gone silent under Slack traffic: each slash command and DM is acknowledged at
once and answered with the storage-down sentence within COACH_DB_TIMEOUT_S + 1 s; once the
database answers again, so does the coach, with no restart."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from adapters.slack.mount import SLACK_KEY
from adapters.web.server import build_web_app
from bot.app import build_app
from bot.messages import STORAGE_DOWN
from bot.settings import Settings
from tests.blackhole import BlackHoleProxy, black_hole_proxy, emptied
from tests.clock import FakeClock
from tests.slack.fake_slack import FakeSlack
from tests.slack.wire import BOT_TOKEN, SIGNING_SECRET, SlackWire

TIMEOUT_S = 2.0


@pytest.fixture
def proxy() -> Iterator[BlackHoleProxy]:
    with black_hole_proxy() as proxy:
        yield proxy


@pytest.fixture
async def proxied_wire(
    postgres_url: str, proxy: BlackHoleProxy, fake_slack: FakeSlack, clock: FakeClock
) -> AsyncIterator[SlackWire]:
    emptied(postgres_url)
    settings = Settings(
        database_url=proxy.url_for(postgres_url),
        coach_db_timeout_s=TIMEOUT_S,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        _env_file=None,  # type: ignore[call-arg]
    )
    core = build_app(settings, clock=clock, migrate=False)
    web_app = build_web_app(core)
    client: TestClient[Any, Any] = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield SlackWire(client, web_app[SLACK_KEY], fake_slack, core)
    finally:
        await client.close()
        core.engine.dispose()


async def test_a_silent_database_is_told_within_the_timeout_then_recovers(
    proxied_wire: SlackWire, proxy: BlackHoleProxy, fake_slack: FakeSlack
) -> None:
    await proxied_wire.command("journal")
    assert "journal is empty" in fake_slack.posted_text()
    proxy.cut()
    for send in (proxied_wire.command, proxied_wire.dm):
        fake_slack.clear()
        started = time.monotonic()
        response = await send("nudges on")  # acknowledged, then answered in the background
        assert response.status == 200
        assert time.monotonic() - started < TIMEOUT_S + 1.0
        assert str(STORAGE_DOWN) in fake_slack.posted_text()
    proxy.restore()
    fake_slack.clear()
    await proxied_wire.command("journal")
    assert "journal is empty" in fake_slack.posted_text()
