"""Accepted means kept, on Teams: Teams hears 200 only once the educator's message is written
down, so a process that dies between the 200 and the answer loses nothing. The next process
(here a second web app on the same database, once the first one's claim ran out) answers it,
once; Teams retrying the same activity is acknowledged and not answered again.

"Dying" is stopping the first app's turns where they stand (while Microsoft's login host or
the connector is still answering), which is all a SIGKILL leaves behind too: the database
rows. The SIGKILL drill (`python -m bench drill-inbox`) kills real `coach serve` processes.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.auth import MicrosoftAppCredentials
from sqlalchemy import func, select, text

from adapters.teams.mount import TEAMS_KEY, TeamsEndpoint
from adapters.web import server
from bot import messages
from bot.app import CoachApp, build_app
from bot.inbox.models import InboxMessage
from bot.inbox.store import LEASE
from bot.settings import Settings
from tests.clock import FakeClock
from tests.teams import activities
from tests.teams.conftest import FAST, TeamsChat
from tests.teams.connector import Connector
from tests.teams.login import HOLD_AT_MOST_S, Login, login_server
from tests.teams.signing import SigningKey
from tests.teams.test_gate import OUR_TENANT, in_tenant, single_tenant_settings

MARKER = "PRIVATE-7c2a"
ANSWER_WAIT_S = 20.0


@asynccontextmanager
async def running(core: CoachApp, connector: Connector) -> AsyncIterator[TeamsChat]:
    """One `coach serve` with Teams: its web app on 127.0.0.1, posting to the connector."""
    web_app = server.build_web_app(core, platforms=(server.mount_teams_api,))
    web_app[TEAMS_KEY].bot.policy = FAST
    client: TestClient[Any, Any] = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield TeamsChat(client, connector)
    finally:
        await client.close()


def endpoint(chat: TeamsChat) -> TeamsEndpoint:
    return chat.client.app[TEAMS_KEY]


def dies(chat: TeamsChat) -> None:
    """The process stops where it stands: nothing it had started runs any further."""
    for task in list(endpoint(chat).turns.tasks):
        task.cancel()


async def acknowledged(chat: TeamsChat, activity: dict[str, Any], **headers: str) -> None:
    """Teams posts the activity and hears 200; the turn is left running."""
    response = await chat.client.post("/api/messages", json=activity, headers=headers)
    await response.read()
    assert response.status == 200


def kept_rows(core: CoachApp) -> int:
    with core.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(InboxMessage)) or 0)


def kept_payload(core: CoachApp) -> str:
    with core.engine.connect() as connection:
        return str(connection.execute(text("SELECT payload FROM inbox_messages")).scalar_one())


async def posted(connector: Connector, count: int) -> None:
    """Wait (bounded) for `count` activities to have reached the connector."""
    async with asyncio.timeout(ANSWER_WAIT_S):
        while len(connector.posted) < count:
            await asyncio.sleep(0.05)


def restarted(settings: Settings, clock: FakeClock) -> CoachApp:
    """Another process on the same database, after the dead one's claim ran out."""
    clock.advance(seconds=LEASE.total_seconds() + 1)
    return build_app(settings, clock=clock, migrate=False)


@pytest.fixture
def signed_in(app: CoachApp, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Settings, Login]]:
    """A production-like coach (app id and secret) whose token comes from a local login host."""
    with login_server() as login:
        monkeypatch.setattr(
            MicrosoftAppCredentials,
            "get_access_token",
            lambda self, force_refresh=False: login.get_access_token(self),
        )
        settings = single_tenant_settings(app.settings)
        yield settings, login


async def test_a_message_acknowledged_before_a_crash_is_answered_once_after_it(
    app: CoachApp,
    signed_in: tuple[Settings, Login],
    signing_key: SigningKey,
    connector: Connector,
    clock: FakeClock,
) -> None:
    settings, login = signed_in
    first_core = build_app(settings, clock=clock, migrate=False)
    activity = in_tenant(activities.message(connector.url, "journal"), OUR_TENANT, OUR_TENANT)
    token = {"Authorization": f"Bearer {signing_key.token(connector.url)}"}
    login.hold()  # Microsoft slow to give the coach its token: the turn waits for it
    try:
        async with running(first_core, connector) as first:
            await acknowledged(first, activity, **token)
            assert await asyncio.to_thread(login.asked.wait, HOLD_AT_MOST_S)
            assert kept_rows(app) == 1
            assert "journal" not in kept_payload(app)  # sealed under the data key
            dies(first)
    finally:
        login.release.set()
        first_core.engine.dispose()
    assert connector.posted == [], "nothing was answered before the crash"

    second_core = restarted(settings, clock)
    try:
        async with running(second_core, connector) as second:
            await posted(connector, 1)  # the sweep at start-up found it
            await second.drain()
            # Teams retries the activity it thinks was not taken: acknowledged, not run again.
            await acknowledged(second, activity, **token)
            await second.drain()
    finally:
        second_core.engine.dispose()

    answers = [p for p in connector.posted if str(messages.JOURNAL_EMPTY) in str(p.activity)]
    assert len(answers) == 1 and len(connector.posted) == 1
    assert answers[0].authorization == "Bearer coach-token"
    assert kept_rows(app) == 0


async def test_an_answer_made_but_not_sent_before_a_crash_is_sent_once(
    app: CoachApp, settings: Settings, connector: Connector, clock: FakeClock
) -> None:
    activity = activities.message(connector.url, "journal")
    connector.hold()  # the turn is saved; sending it hangs
    async with running(app, connector) as first:
        await acknowledged(first, activity)
        await posted(connector, 1)
        dies(first)
        connector.release()
    connector.take()  # what reached Teams from the dead process, unconfirmed
    assert kept_rows(app) == 1

    second_core = restarted(settings, clock)
    try:
        async with running(second_core, connector) as second:
            await posted(connector, 1)
            await second.drain()
            retry = await second.post(activity)  # the same activity id, again
            assert retry == 200
    finally:
        second_core.engine.dispose()

    assert len(connector.posted) == 1
    assert str(messages.JOURNAL_EMPTY) in str(connector.posted[0].activity)
    assert kept_rows(app) == 0


async def test_two_servers_sweeping_together_answer_a_kept_message_once(
    app: CoachApp, settings: Settings, connector: Connector, clock: FakeClock
) -> None:
    if app.engine.dialect.name != "postgresql":
        pytest.skip("row locks (FOR UPDATE SKIP LOCKED) are a PostgreSQL feature")
    connector.hold()
    async with running(app, connector) as first:
        await acknowledged(first, activities.message(connector.url, "journal"))
        await posted(connector, 1)
        dies(first)
        connector.release()
    connector.take()

    cores = [build_app(settings, clock=clock, migrate=False) for _ in range(2)]
    try:
        async with running(cores[0], connector) as one, running(cores[1], connector) as two:
            clock.advance(seconds=LEASE.total_seconds() + 1)  # both up; now the claim runs out
            swept = await asyncio.gather(
                endpoint(one).recovery.sweep(), endpoint(two).recovery.sweep()
            )
            await one.drain()
            await two.drain()
    finally:
        for core in cores:
            core.engine.dispose()

    assert sorted(swept) == [0, 1]
    assert len(connector.posted) == 1 and kept_rows(app) == 0


async def test_forget_takes_the_educators_kept_messages_with_them(
    app: CoachApp, connector: Connector
) -> None:
    connector.hold()
    async with running(app, connector) as first:
        await acknowledged(first, activities.message(connector.url, f"reframe {MARKER} never"))
        await posted(connector, 1)
        dies(first)
        connector.release()
    connector.take()
    assert kept_rows(app) == 1

    async with running(app, connector) as chat:  # within the claim: the row is not swept
        assert "This deletes everything" in await chat.says("forget")
        assert "destroyed the key" in await chat.clicks("Yes")

    assert kept_rows(app) == 0
