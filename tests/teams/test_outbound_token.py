"""The coach's own Microsoft token, which every answer it posts to Teams carries: asked for
once for many turns, and never on the event loop, so a slow login host holds up nothing
but the answers that need the token."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.auth import MicrosoftAppCredentials

from adapters.teams import credentials
from adapters.teams.mount import TEAMS_KEY
from adapters.web import server
from bot.app import CoachApp
from tests.teams import activities
from tests.teams.connector import Connector
from tests.teams.login import HOLD_AT_MOST_S, Login, login_server
from tests.teams.signing import APP_ID, SigningKey
from tests.teams.test_gate import OUR_TENANT, in_tenant, single_tenant_settings


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> Iterator[Login]:
    with login_server() as running:
        monkeypatch.setattr(
            MicrosoftAppCredentials,
            "get_access_token",
            lambda self, force_refresh=False: running.get_access_token(self),
        )
        yield running


@pytest.fixture
async def coach(app: CoachApp, login: Login) -> AsyncIterator[TestClient[Any, Any]]:
    """A production-like coach: an app id and secret, so every post carries a token."""
    settings = single_tenant_settings(app.settings)
    core = dataclasses.replace(app, settings=settings)
    web_app = server.build_web_app(core, platforms=(server.mount_teams_api,))
    async with TestClient(TestServer(web_app, host="127.0.0.1")) as client:
        yield client


async def says(
    coach: TestClient[Any, Any], signing_key: SigningKey, connector: Connector, text: str
) -> int:
    activity = in_tenant(activities.message(connector.url, text), OUR_TENANT, OUR_TENANT)
    headers = {"Authorization": f"Bearer {signing_key.token(connector.url)}"}
    response = await coach.post("/api/messages", json=activity, headers=headers)
    await response.read()
    return response.status


async def drain(coach: TestClient[Any, Any]) -> None:
    await coach.app[TEAMS_KEY].drain()


async def test_while_the_login_host_is_slow_the_server_keeps_answering(
    coach: TestClient[Any, Any], signing_key: SigningKey, connector: Connector, login: Login
) -> None:
    login.hold()
    statuses = await asyncio.gather(
        *[says(coach, signing_key, connector, text) for text in ("help", "nudges", "help")]
    )
    assert statuses == [200, 200, 200]  # Teams has its answers; the turns need the token
    assert await asyncio.to_thread(login.asked.wait, HOLD_AT_MOST_S)

    health = await coach.get("/healthz")  # a blocked event loop could not answer this
    login.events.append("healthz")
    assert health.status == 200
    login.release.set()
    await drain(coach)

    assert login.events == ["asked", "healthz", "answered"]
    assert login.clients == [APP_ID]  # three turns in flight, one token request
    assert len(connector.posted) >= 3
    assert {sent.authorization for sent in connector.posted} == {"Bearer coach-token"}


async def test_the_token_is_asked_for_once_for_many_turns(
    coach: TestClient[Any, Any], signing_key: SigningKey, connector: Connector, login: Login
) -> None:
    for text in ("help", "nudges", "journal", "help", "nudges"):
        assert await says(coach, signing_key, connector, text) == 200
        await drain(coach)
    assert login.clients == [APP_ID]
    assert len(connector.posted) >= 5


async def test_a_login_host_that_never_answers_costs_the_answer_not_the_server(
    coach: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
    login: Login,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(credentials, "TOKEN_TIMEOUT_S", 0.2)
    login.hold()
    assert await says(coach, signing_key, connector, "help") == 200
    await drain(coach)  # ends: the turn stopped waiting for the token
    assert login.events == ["asked"] and connector.posted == []

    # Right after, the next turn does not queue up behind the stuck request: no new one.
    assert await says(coach, signing_key, connector, "help") == 200
    await drain(coach)
    assert login.clients == [APP_ID] and connector.posted == []
    assert (await coach.get("/healthz")).status == 200
