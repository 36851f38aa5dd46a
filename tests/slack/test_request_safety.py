"""Unsigned, wrongly signed, stale and malformed requests: 401 or 400, never 5xx, nothing stored."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.storage.models import Educator, SeenDelivery
from tests.slack.wire import SlackWire, sign

COMMAND = urlencode(
    {
        "team_id": "T0001",
        "user_id": "U1",
        "channel_id": "C1",
        "command": "/coach",
        "text": "journal",
        "response_url": "http://127.0.0.1:9/nowhere",
        "trigger_id": "t.1",
    }
)
FORM = "application/x-www-form-urlencoded"


def stored_rows(wire: SlackWire) -> int:
    with wire.core.sessions() as session:
        educators = session.scalar(select(func.count()).select_from(Educator)) or 0
        seen = session.scalar(select(func.count()).select_from(SeenDelivery)) or 0
    return educators + seen


async def raw_post(wire: SlackWire, body: str | bytes, headers: dict[str, str]) -> int:
    response = await wire.client.post("/slack/events", data=body, headers=headers)
    await response.read()
    await wire.slack.drain()
    return response.status


async def test_a_bad_signature_is_refused_and_touches_nothing(wire: SlackWire) -> None:
    headers = {"Content-Type": FORM, **sign(COMMAND, secret="not-the-secret")}
    assert await raw_post(wire, COMMAND, headers) == 401
    assert stored_rows(wire) == 0
    assert [c.method for c in wire.fake.calls] == []


async def test_a_stale_request_is_refused(wire: SlackWire) -> None:
    stale = {"Content-Type": FORM, **sign(COMMAND, timestamp=int(time.time()) - 301)}
    assert await raw_post(wire, COMMAND, stale) == 401
    assert stored_rows(wire) == 0


async def test_a_request_just_inside_five_minutes_is_taken(wire: SlackWire) -> None:
    fresh = {"Content-Type": FORM, **sign(COMMAND, timestamp=int(time.time()) - 290)}
    assert await raw_post(wire, COMMAND, fresh) == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Slack-Request-Timestamp": str(int(time.time()))},
        {"X-Slack-Signature": "v0=abc"},
        {"X-Slack-Request-Timestamp": "yesterday", "X-Slack-Signature": "v0=abc"},
    ],
)
async def test_missing_or_garbled_headers_are_refused(
    wire: SlackWire, headers: dict[str, str]
) -> None:
    assert await raw_post(wire, COMMAND, {"Content-Type": FORM, **headers}) == 401
    assert stored_rows(wire) == 0


async def test_a_body_changed_after_signing_is_refused(wire: SlackWire) -> None:
    headers = {"Content-Type": FORM, **sign(COMMAND)}
    assert await raw_post(wire, COMMAND.replace("journal", "forget"), headers) == 401


MALFORMED = [
    ("{not json", "application/json"),
    ("[1, 2, 3]", "application/json"),
    ('"just a string"', "application/json"),
    ("{}", "application/json"),
    ('{"type": "event_callback"}', "application/json"),
    ('{"type": "event_callback", "event": "nope"}', "application/json"),
    ('{"type": "event_callback", "event": {"type": "message"}}', "application/json"),
    ("payload=%7Bnot-json", FORM),
    ("payload=" + json.dumps({"type": "block_actions"}), FORM),
    ("payload=" + json.dumps({"type": "block_actions", "actions": [{}]}), FORM),
    ("command=%2Fcoach", FORM),
    ("", FORM),
    ("\x00\xff\xfe", "application/octet-stream"),
]


@pytest.mark.parametrize(("body", "content_type"), MALFORMED)
async def test_malformed_bodies_never_cause_a_server_error(
    wire: SlackWire, body: str, content_type: str
) -> None:
    signed = await raw_post(wire, body, {"Content-Type": content_type, **sign(body)})
    assert signed < 500
    unsigned = await raw_post(wire, body, {"Content-Type": content_type})
    # A Content-Type Slack never sends is refused before the signature is needed.
    assert unsigned == (401 if content_type in (FORM, "application/json") else 400)


async def test_invalid_utf8_is_refused(wire: SlackWire) -> None:
    body = b"text=\xff\xfe&command=%2Fcoach"
    headers = {"Content-Type": FORM, **sign(body.decode("latin-1"))}
    assert await raw_post(wire, body, headers) < 500


async def test_url_verification_answers_the_challenge(wire: SlackWire) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})
    response = await wire.post(body, "application/json")
    assert response.status == 200
    assert "abc123" in await response.text()


async def test_healthz_answers(wire: SlackWire) -> None:
    response = await wire.client.get("/healthz")
    assert response.status == 200
