"""Fixtures for the Teams adapter: the coach's web app, and a connector on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from adapters.teams.mount import TEAMS_KEY
from adapters.teams.retry import RetryPolicy
from adapters.web import server
from bot.app import CoachApp
from tests.teams import activities, reading
from tests.teams.connector import Connector
from tests.teams.signing import signing_key as signing_key  # a fixture, for every Teams test

FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)


@pytest.fixture
async def connector() -> AsyncIterator[Connector]:
    connector = Connector()
    await connector.start()
    yield connector
    await connector.close()


def card_text(activity: dict[str, Any]) -> str:
    """What an educator would read in one posted activity: text, card text, button titles."""
    lines = [activity.get("text") or ""]
    for attachment in activity.get("attachments") or []:
        lines += reading.words(attachment.get("content") or {})
    return "\n".join(line for line in lines if line)


class TeamsChat:
    """An educator in a personal chat with the coach, over real HTTP both ways."""

    def __init__(self, client: TestClient[Any, Any], connector: Connector) -> None:
        self.client = client
        self.connector = connector
        self.last: list[dict[str, Any]] = []
        self.user = activities.USER_AAD
        self.locale = "en-US"  # the language of their Teams client (activity.locale)

    async def post(self, activity: dict[str, Any], **headers: str) -> int:
        response = await self.client.post("/api/messages", json=activity, headers=headers)
        await response.read()
        await self.drain()  # the turn runs after Teams has its answer
        return response.status

    async def drain(self) -> None:
        await self.client.app[TEAMS_KEY].drain()

    async def send(self, activity: dict[str, Any]) -> str:
        activity["locale"] = self.locale
        status = await self.post(activity)
        assert status == 200, status
        self.last = self.connector.take()
        return self.transcript

    async def says(self, text: str) -> str:
        return await self.send(activities.message(self.connector.url, text, user=self.user))

    def actions(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for activity in self.last:
            for attachment in activity.get("attachments") or []:
                found += reading.options(attachment["content"])
        return found

    def action(self, label: str) -> dict[str, Any]:
        for action in self.actions():
            if action["title"].casefold().startswith(label.casefold()):
                return action
        raise AssertionError(f"no button {label!r} in:\n{self.transcript}")

    async def clicks(self, label: str) -> str:
        return await self.clicks_data(self.action(label)["data"])

    async def clicks_data(self, data: dict[str, Any]) -> str:
        return await self.send(activities.submit(self.connector.url, data, user=self.user))

    @property
    def transcript(self) -> str:
        return "\n".join(card_text(activity) for activity in self.last)


@pytest.fixture
async def teams_client(
    app: CoachApp, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TestClient[Any, Any]]:
    # The real server builder, with only the Teams platform mounted: these tests do not
    # depend on Slack's settings.
    web_app = server.build_web_app(app, platforms=(server.mount_teams_api,))
    web_app[TEAMS_KEY].bot.policy = FAST
    client: TestClient[Any, Any] = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


@pytest.fixture
def teams(teams_client: TestClient[Any, Any], connector: Connector) -> TeamsChat:
    return TeamsChat(teams_client, connector)
