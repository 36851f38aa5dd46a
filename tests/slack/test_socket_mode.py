"""Socket Mode: no public URL; `coach serve` connects out to Slack and gets the same requests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Engine

from adapters.slack.mount import SLACK_KEY
from adapters.web.server import build_web_app
from bot.app import CoachApp, build_app
from bot.settings import Settings
from tests.clock import FakeClock
from tests.slack.fake_slack import FakeSlack
from tests.slack.wire import BOT_TOKEN, TEAM, SlackWire


@pytest.fixture
def socket_core(
    settings: Settings, fake_slack: FakeSlack, db_engine: Engine, clock: FakeClock
) -> Iterator[CoachApp]:
    socket = settings.model_copy(
        update={
            "slack_bot_token": BOT_TOKEN,
            "slack_app_token": "xapp-1-test",
            "slack_api_url": fake_slack.api_url,
        }
    )
    core = build_app(socket, clock=clock, migrate=False)
    yield core
    core.engine.dispose()


@pytest.fixture
async def socket_wire(socket_core: CoachApp, fake_slack: FakeSlack) -> AsyncIterator[SlackWire]:
    web_app = build_web_app(socket_core)
    client = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()  # runs the startup hooks: Socket Mode connects here
    try:
        for _ in range(200):
            if fake_slack.socket_connected:
                break
            await asyncio.sleep(0.01)
        yield SlackWire(client, web_app[SLACK_KEY], fake_slack, socket_core)
    finally:
        await client.close()


async def wait_for_ack(fake: FakeSlack, envelope_id: str) -> dict[str, Any]:
    for _ in range(300):
        for ack in fake.socket_acks:
            if ack.get("envelope_id") == envelope_id:
                return ack
        await asyncio.sleep(0.01)
    raise AssertionError(f"no ack for {envelope_id}")


async def test_socket_mode_answers_help_in_the_ack(socket_wire: SlackWire) -> None:
    fake = socket_wire.fake
    assert fake.of("apps.connections.open")[0].token == "xapp-1-test"
    await fake.push(
        {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": {
                "team_id": TEAM,
                "user_id": "U1",
                "channel_id": "C1",
                "command": "/coach",
                "text": "help",
                "response_url": fake.response_url("s1"),
                "trigger_id": "t.1",
            },
        }
    )
    ack = await wait_for_ack(fake, "env-1")
    assert ack["payload"]["response_type"] == "ephemeral"
    assert ack["payload"]["blocks"][0]["type"] == "header"


async def test_socket_mode_dms_reach_the_coach(socket_wire: SlackWire) -> None:
    fake = socket_wire.fake
    await fake.push(
        {
            "envelope_id": "env-2",
            "type": "events_api",
            "accepts_response_payload": False,
            "payload": {
                "team_id": TEAM,
                "api_app_id": "A0001",
                "type": "event_callback",
                "event_id": "EvSOCKET1",
                "event": {
                    "type": "message",
                    "channel": "DU1",
                    "channel_type": "im",
                    "user": "U1",
                    "text": "journal",
                    "ts": "1700000300.000001",
                },
            },
        }
    )
    await wait_for_ack(fake, "env-2")
    for _ in range(300):
        if fake.of("chat.postMessage"):
            break
        await asyncio.sleep(0.01)
    await socket_wire.slack.drain()
    assert "journal is empty" in str(fake.of("chat.postMessage")[0].args["blocks"])


async def test_http_events_are_refused_in_socket_mode(socket_wire: SlackWire) -> None:
    response = await socket_wire.client.post("/slack/events", data="{}")
    assert response.status == 404
    assert "Socket Mode" in await response.text()
