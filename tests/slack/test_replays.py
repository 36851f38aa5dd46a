"""A signed slash command posted again within Slack's 300 s is answered once (by one
process or by two sharing the database), and a request whose Content-Type is not one Slack
sends is refused with 400 before its signature is even looked at."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from aiohttp.test_utils import TestClient, TestServer

from adapters.slack.mount import SLACK_KEY
from adapters.web.server import build_web_app
from tests.slack.wire import SlackWire, sign

FORM = "application/x-www-form-urlencoded"


def command_body(wire: SlackWire, text: str) -> str:
    return urlencode(
        {
            "team_id": "T0001",
            "user_id": "U1",
            "channel_id": "C1",
            "command": "/coach",
            "text": text,
            "response_url": wire.fake.response_url("replayed"),
            "trigger_id": "trigger.replayed",
        }
    )


async def post(client: TestClient[Any, Any], body: str, headers: dict[str, str]) -> str:
    response = await client.post("/slack/events", data=body, headers=headers)
    assert response.status == 200
    return await response.text()


async def test_the_same_signed_command_twice_is_answered_once(wire: SlackWire) -> None:
    body = command_body(wire, "nudges on")
    headers = {"Content-Type": FORM, **sign(body)}
    for _ in range(3):
        await post(wire.client, body, headers)
        await wire.slack.drain()
    assert len(wire.fake.responses) == 1
    assert "nudges" in wire.fake.posted_text().casefold()


async def test_a_replayed_quick_answer_is_not_answered_again(wire: SlackWire) -> None:
    body = command_body(wire, "help")
    headers = {"Content-Type": FORM, **sign(body)}
    first = await post(wire.client, body, headers)
    again = await post(wire.client, body, headers)
    assert "blocks" in first and again == ""


async def test_two_processes_on_one_database_answer_a_replay_once(wire: SlackWire) -> None:
    other_app = build_web_app(wire.core)  # a second `coach serve` behind the same balancer
    async with TestClient(TestServer(other_app, host="127.0.0.1")) as other:
        body = command_body(wire, "journal")
        headers = {"Content-Type": FORM, **sign(body)}
        await post(wire.client, body, headers)
        await post(other, body, headers)
        await wire.slack.drain()
        await other_app[SLACK_KEY].drain()
    assert len(wire.fake.responses) == 1


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/octet-stream", "multipart/form-data; boundary=x", "text/html"],
)
@pytest.mark.parametrize("signed", [True, False])
async def test_a_content_type_slack_never_sends_is_refused_with_400(
    wire: SlackWire, content_type: str, signed: bool
) -> None:
    body = command_body(wire, "nudges on")
    headers = {"Content-Type": content_type, **(sign(body) if signed else {})}
    response = await wire.client.post("/slack/events", data=body, headers=headers)
    assert response.status == 400
    await wire.slack.drain()
    assert wire.fake.calls == []


async def test_json_sent_as_a_form_is_refused_with_400(wire: SlackWire) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc"})
    response = await wire.client.post(
        "/slack/events", data=body, headers={"Content-Type": FORM, **sign(body)}
    )
    assert response.status == 400
