"""Fuzzing both endpoints with malformed and random bodies and headers (hypothesis).

For /slack/events and /api/messages: never a 5xx, the server keeps answering, and a
request that is refused (4xx) leaves every table exactly as it was. Any URL a body could
make the coach call (Slack's response_url, Teams' serviceUrl) points at the local fakes.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from adapters.teams.mount import TEAMS_KEY
from bot.app import CoachApp
from bot.storage.all_models import Base
from tests.slack.conftest import fake_slack, slack_core, slack_settings, wire  # noqa: F401
from tests.slack.wire import TEAM, SlackWire, sign
from tests.teams import activities
from tests.teams.conftest import connector, teams_client  # noqa: F401
from tests.teams.connector import Connector

FUZZ = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CONTENT_TYPES = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "application/json",
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin-1",
        "",
    ]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
HEADER_VALUE = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40)


def all_rows(core: CoachApp) -> int:
    with core.sessions() as session:
        return sum(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        )


# ---- Slack ---------------------------------------------------------------------------

SLACK_FIELDS = [
    "team_id",
    "user_id",
    "channel_id",
    "command",
    "text",
    "trigger_id",
    "type",
    "token",
    "api_app_id",
    "enterprise_id",
    "is_enterprise_install",
]


@st.composite
def slack_bodies(draw: st.DrawFn, response_url: str) -> str:
    kind = draw(st.sampled_from(["form", "payload", "event", "json", "text"]))
    if kind == "form":
        form = draw(st.dictionaries(st.sampled_from(SLACK_FIELDS), st.text(max_size=30)))
        if draw(st.booleans()):
            form["team_id"] = TEAM  # the workspace the coach already knows: its front door
        if draw(st.booleans()):
            form["response_url"] = response_url
        return urlencode(form)
    if kind == "payload":
        payload = draw(JSON)
        if isinstance(payload, dict) and draw(st.booleans()):
            payload.update(
                type=draw(st.sampled_from(["block_actions", "view_submission", "shortcut", "x"])),
                response_url=response_url,
                actions=draw(st.lists(JSON, max_size=2)),
                user=draw(JSON),
                team=draw(st.one_of(JSON, st.just({"id": TEAM}))),
                container=draw(JSON),
            )
        return urlencode({"payload": json.dumps(payload)})
    if kind == "event":
        return json.dumps(
            {
                "type": draw(st.sampled_from(["event_callback", "url_verification", "other"])),
                "team_id": draw(st.one_of(st.just(TEAM), st.text(max_size=8))),
                "event_id": draw(st.text(max_size=12)),
                "event": draw(JSON),
                "challenge": draw(st.text(max_size=8)),
                "authorizations": draw(JSON),
            }
        )
    if kind == "json":
        return json.dumps(draw(JSON))
    return draw(st.text(max_size=200))


@given(data=st.data())
@FUZZ
async def test_slack_events_survive_random_requests(
    wire: SlackWire,  # noqa: F811
    data: st.DataObject,
) -> None:
    core = wire.core
    if not wire.slack.admitted.recently({"team_id": TEAM}):
        await wire.command("journal")  # so bodies from TEAM meet the front door too
    body = data.draw(slack_bodies(wire.fake.response_url("fuzz")), label="body")
    headers = {"Content-Type": data.draw(CONTENT_TYPES, label="content type")}
    signing = data.draw(st.sampled_from(["signed", "unsigned", "bad", "stale", "garbage"]))
    if signing == "signed":
        headers.update(sign(body))
    elif signing == "bad":
        headers.update(sign(body, secret="wrong"))
    elif signing == "stale":
        headers.update(sign(body, timestamp=int(time.time()) - 3600))
    elif signing == "garbage":
        headers["X-Slack-Request-Timestamp"] = data.draw(HEADER_VALUE)
        headers["X-Slack-Signature"] = data.draw(HEADER_VALUE)
    if data.draw(st.booleans(), label="retry header"):
        headers["X-Slack-Retry-Num"] = data.draw(HEADER_VALUE)
    raw: bytes = body.encode()
    if data.draw(st.booleans(), label="raw bytes"):
        raw = data.draw(st.binary(max_size=200))

    before = all_rows(core)
    response = await wire.client.post("/slack/events", data=raw, headers=headers)
    await response.read()
    await wire.slack.drain()
    assert response.status < 500, (response.status, signing, body[:200])
    if response.status >= 400 or signing != "signed":
        assert response.status >= 400 or signing == "signed"
        assert all_rows(core) == before
    health = await wire.client.get("/healthz")
    assert health.status == 200


# ---- Teams ---------------------------------------------------------------------------


@st.composite
def teams_bodies(draw: st.DrawFn, service_url: str) -> Any:
    kind = draw(st.sampled_from(["activity", "mangled", "json"]))
    if kind == "json":
        return draw(JSON)
    activity = draw(
        st.sampled_from(
            [
                activities.message(service_url, "help"),
                activities.submit(service_url, {"value": "help"}),
                activities.members_added(service_url),
                activities.installation_update(service_url, "add"),
                activities.channel_mention(service_url, "help"),
            ]
        )
    )
    if kind == "mangled":
        for key in draw(st.lists(st.sampled_from(sorted(activity)), max_size=4)):
            if key == "serviceUrl":
                activity[key] = draw(st.sampled_from(["", "ftp://x", None, 7]))
            else:
                activity[key] = draw(JSON)
        activity.update(draw(st.dictionaries(st.text(max_size=8), JSON, max_size=3)))
    activity["serviceUrl"] = activity.get("serviceUrl", service_url)
    if isinstance(activity["serviceUrl"], str) and activity["serviceUrl"].startswith("http"):
        activity["serviceUrl"] = service_url  # nothing leaves 127.0.0.1
    return activity


@given(data=st.data())
@FUZZ
async def test_teams_messages_survive_random_requests(
    app: CoachApp,
    teams_client: TestClient[Any, Any],  # noqa: F811
    connector: Connector,  # noqa: F811
    data: st.DataObject,
) -> None:
    body = data.draw(teams_bodies(connector.url), label="body")
    headers = {"Content-Type": data.draw(CONTENT_TYPES, label="content type")}
    if data.draw(st.booleans(), label="authorization"):
        headers["Authorization"] = data.draw(HEADER_VALUE)
    raw = json.dumps(body).encode()
    if data.draw(st.booleans(), label="raw bytes"):
        raw = data.draw(st.binary(max_size=200))

    before = all_rows(app)
    response = await teams_client.post("/api/messages", data=raw, headers=headers)
    await response.read()
    await teams_client.app[TEAMS_KEY].drain()  # the turn runs after the HTTP answer
    assert response.status < 500, (response.status, str(body)[:200])
    if response.status >= 400:
        assert all_rows(app) == before
    health = await teams_client.get("/healthz")
    assert health.status == 200
    connector.posted.clear()
