"""Nothing an educator writes in Teams reaches a log, on any path, at DEBUG, in either format
(issue 13, finding 2; the Slack paths are in tests/slack/test_logs_private.py)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import event

from adapters.teams.mount import mount_teams
from bot.api import CoachAPI
from bot.app import CoachApp
from tests.log_capture import Captured, captured_logs
from tests.teams import activities
from tests.teams.conftest import TeamsChat

MARKER = "TEAMSLEAK-a41f07"


@pytest.fixture(params=[False, True], ids=["keyvalue", "json"])
def logs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Captured]:
    with captured_logs(monkeypatch, production=request.param) as captured:
        yield captured


def failing_storage(app: CoachApp) -> Any:
    dbapi_error = app.engine.dialect.loaded_dbapi.OperationalError

    def refuse(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        # Text reaches the database sealed, so the error quotes the marker itself: the worst
        # a driver's message could hold.
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise dbapi_error(f"Failing row contains ({MARKER}, {parameters!r})")

    return refuse


async def test_no_teams_path_logs_what_an_educator_wrote(
    teams: TeamsChat, app: CoachApp, logs: Captured
) -> None:
    url = teams.connector.url
    # A wrong token, on an endpoint with an app id.
    settings = app.settings.model_copy(
        update={
            "microsoft_app_id": "00000000-1111-2222-3333-444444444444",
            "microsoft_app_password": "not-a-real-secret",
            "microsoft_app_type": "MultiTenant",
        }
    )
    guarded = web.Application()
    mount_teams(guarded, CoachAPI(dataclasses.replace(app, settings=settings)))
    async with TestClient(TestServer(guarded, host="127.0.0.1")) as client:
        activity = activities.message(url, f"{MARKER} with a forged token")
        response = await client.post(
            "/api/messages", json=activity, headers={"Authorization": f"Bearer {MARKER}.x.y"}
        )
        assert response.status == 401
    # Malformed bodies and activities.
    for body in (
        "{" + MARKER,
        json.dumps({"type": "message", "text": MARKER}),
        json.dumps({**activities.message(url, MARKER), "entities": MARKER}),
        json.dumps({**activities.message(url, MARKER), "from": MARKER}),
        json.dumps({**activities.message(f"https://{MARKER}.ev.il/", MARKER)}),
    ):
        response = await teams.client.post(
            "/api/messages", data=body, headers={"Content-Type": "application/json"}
        )
        assert response.status < 500
    # The normal path, then a storage outage, then the connector failing mid-send.
    await teams.says("reflect relational")
    await teams.says(f"{MARKER} first answer about a family")
    refuse = failing_storage(app)
    event.listen(app.engine, "before_cursor_execute", refuse)
    try:
        assert "can't reach my storage" in await teams.says(f"{MARKER} second answer")
    finally:
        event.remove(app.engine, "before_cursor_execute", refuse)
    await teams.says(f"{MARKER} second answer")
    await teams.clicks("Write my own")
    teams.connector.fail_next(500, times=10)
    await teams.post(activities.message(url, f"{MARKER} my own action"))
    teams.connector.failures.clear()
    assert MARKER in await teams.says("journal")  # the marker really went through the coach

    assert logs.leaks(MARKER) == []
    names = {r.name for r in logs.records}
    assert "coach.engine" in names and "coach.teams" in names, names
