"""Nothing an educator writes in Slack reaches a log, on any path, at DEBUG, in either format.

Issue 13, finding 2: a correctly signed DM whose timestamp is six minutes old (a rotated
signing secret, a drifting clock) was refused, and Bolt logged its whole body at INFO.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import event

from tests.log_capture import Captured, captured_logs
from tests.slack.fake_slack import Failure
from tests.slack.wire import TEAM, SlackWire, sign

MARKER = "WIRELEAK-7c31d2"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(params=[False, True], ids=["keyvalue", "json"])
def logs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Captured]:
    with captured_logs(monkeypatch, production=request.param) as captured:
        yield captured


def dm_body(text: str) -> str:
    return json.dumps(
        {
            "team_id": TEAM,
            "api_app_id": "A0001",
            "type": "event_callback",
            "event_id": f"Ev{time.time_ns()}",
            "event_time": int(time.time()),
            "event": {
                "type": "message",
                "channel": "DU1",
                "channel_type": "im",
                "user": "U1",
                "text": text,
                "ts": "1700000100.000001",
            },
        }
    )


async def post(wire: SlackWire, body: str, headers: dict[str, str]) -> int:
    response = await wire.client.post("/slack/events", data=body, headers=headers)
    await response.read()
    await wire.slack.drain()
    return response.status


MALFORMED: list[tuple[str, str]] = [
    ("{" + MARKER, "application/json"),
    (
        json.dumps({"type": "event_callback", "event": {"type": "message", "text": MARKER}}),
        "application/json",
    ),
    (json.dumps({"type": MARKER, "text": MARKER}), "application/json"),
    ("payload=%7B" + MARKER, FORM),
    (
        urlencode(
            {
                "payload": json.dumps(
                    {
                        "type": "view_submission",
                        "team": {"id": TEAM},
                        "user": {"id": "U1"},
                        "view": {
                            "id": "V1",
                            "callback_id": MARKER,
                            "state": {"values": {"b": {"a": {"value": MARKER}}}},
                        },
                    }
                )
            }
        ),
        FORM,
    ),
    (urlencode({"command": "/coach", "text": MARKER}), FORM),
]


def failing_storage(wire: SlackWire) -> Any:
    """The database refuses every write, quoting the row, as PostgreSQL's check-constraint
    errors do ("Failing row contains ..."). What an educator wrote reaches the database
    sealed, so the error quotes the marker itself: the worst a driver's message could hold."""
    dbapi_error = wire.core.engine.dialect.loaded_dbapi.OperationalError

    def refuse(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise dbapi_error(f"Failing row contains ({MARKER}, {parameters!r})")

    return refuse


async def test_no_path_logs_what_an_educator_wrote(wire: SlackWire, logs: Captured) -> None:
    # A stale timestamp, correctly signed: refused, as before; the body never logged.
    stale = dm_body(f"{MARKER} my note about a family")
    headers = {"Content-Type": "application/json", **sign(stale, int(time.time()) - 360)}
    assert await post(wire, stale, headers) == 401
    # A wrong signature.
    wrong = dm_body(f"{MARKER} wrongly signed")
    headers = {"Content-Type": "application/json", **sign(wrong, secret="rotated-away")}
    assert await post(wire, wrong, headers) == 401
    # Malformed bodies, signed and not.
    for body, content_type in MALFORMED:
        assert await post(wire, body, {"Content-Type": content_type, **sign(body)}) < 500
        assert await post(wire, body, {"Content-Type": content_type}) == 401
    # The normal path: the marker in a slash command and a reflection; the coach repeats it
    # to Slack (slack_sdk logs what it sends at DEBUG).
    await wire.command(f"reframe These families never {MARKER} care", channel="C1")
    await wire.dm("reflect relational")
    await wire.dm(f"{MARKER} first answer about a family")
    # A storage outage while saving the marker.
    refuse = failing_storage(wire)
    event.listen(wire.core.engine, "before_cursor_execute", refuse)
    try:
        await wire.dm(f"{MARKER} second answer")
    finally:
        event.remove(wire.core.engine, "before_cursor_execute", refuse)
    await wire.dm(f"{MARKER} second answer")
    # Slack failing while the coach sends the marker back.
    wire.fake.fail("chat.postMessage", Failure(status=500), Failure(error="channel_not_found"))
    await wire.dm("Write my own")
    await wire.dm(f"{MARKER} my own action")
    await wire.dm("journal")
    assert "can't reach my storage" in wire.fake.posted_text()
    assert MARKER in wire.fake.posted_text()  # the marker really went through the coach

    assert logs.leaks(MARKER) == []
    names = {r.name for r in logs.records}
    # The paths did log (the libraries' text withheld), so the check above means something.
    assert "slack_bolt.coach" in names and "slack_sdk.web.async_base_client" in names, names
    assert "coach.engine" in names


async def test_a_library_record_keeps_where_it_came_from(wire: SlackWire, logs: Captured) -> None:
    stale = dm_body(MARKER)
    headers = {"Content-Type": "application/json", **sign(stale, int(time.time()) - 360)}
    assert await post(wire, stale, headers) == 401
    lines = [line for line in logs.written.splitlines() if "RequestVerification" in line]
    assert lines, logs.written
    for line in lines:
        fields = json.loads(line) if line.startswith("{") else None
        if fields is None:
            assert " library_log source=request_verification:" in line, line
        else:
            assert fields["event"] == "library_log", fields
            assert str(fields["source"]).startswith("request_verification:"), fields
