"""Accepted means kept: Slack hears 200 only once the message is written down, so a process
that dies between the 200 and the answer loses nothing. The next process (here a second
web app on the same database, once the first one's claim ran out) answers it, once.

"Dying" is stopping the first app's work where it stands: its background tasks are
cancelled while Slack (users.info) is still answering, which is all a SIGKILL leaves
behind too: the database rows. The SIGKILL drill (`python -m bench drill-inbox`) kills
real `coach serve` processes.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select, text

from adapters.slack.mount import SLACK_KEY
from adapters.web.server import build_web_app
from bot.app import CoachApp, build_app
from bot.inbox.models import InboxMessage
from bot.inbox.store import LEASE
from bot.settings import Settings
from tests.clock import FakeClock
from tests.slack.fake_slack import Failure, FakeSlack
from tests.slack.wire import SlackWire, find_button

MARKER = "PRIVATE-5e1d"
ANSWER_WAIT_S = 20.0


@asynccontextmanager
async def running(core: CoachApp, fake: FakeSlack) -> AsyncIterator[SlackWire]:
    """One `coach serve`: its web app on 127.0.0.1, talking to the fake Slack."""
    web_app = build_web_app(core)
    client: TestClient[Any, Any] = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield SlackWire(client, web_app[SLACK_KEY], fake, core)
    finally:
        await client.close()


def dies(wire: SlackWire) -> None:
    """The process stops where it stands: nothing it had started runs any further."""
    for task in list(wire.slack.tasks):
        task.cancel()


def kept_rows(core: CoachApp) -> int:
    with core.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(InboxMessage)) or 0)


async def answered(fake: FakeSlack, count: int) -> None:
    """Wait (bounded) for `count` answers to have reached Slack."""
    async with asyncio.timeout(ANSWER_WAIT_S):
        while len(fake.responses) + len(fake.of("chat.postMessage")) < count:
            await asyncio.sleep(0.05)


@asynccontextmanager
async def taken_over(
    slack_settings: Settings, clock: FakeClock, fake: FakeSlack
) -> AsyncIterator[SlackWire]:
    """Another process on the same database, serving once the dead one's claim ran out."""
    clock.advance(seconds=LEASE.total_seconds() + 1)
    core = build_app(slack_settings, clock=clock, migrate=False)
    try:
        async with running(core, fake) as wire:
            yield wire
    finally:
        core.engine.dispose()


async def test_a_command_acknowledged_before_a_crash_is_answered_once_after_it(
    slack_core: CoachApp, slack_settings: Settings, fake_slack: FakeSlack, clock: FakeClock
) -> None:
    fake_slack.hold("users.info")  # Slack slow to say who the educator is: the turn waits
    async with running(slack_core, fake_slack) as first:
        acked = await first.command("journal", user="U7", channel="DU7", wait=False)
        assert acked.status == 200
        assert kept_rows(slack_core) == 1
        with slack_core.engine.connect() as connection:
            stored = connection.execute(text("SELECT payload FROM inbox_messages")).scalar_one()
        assert "journal" not in stored  # sealed under the educator's data key
        assert "response_url" not in stored
        dies(first)
    fake_slack.release("users.info")
    assert not fake_slack.responses, "nothing was answered before the crash"

    async with taken_over(slack_settings, clock, fake_slack) as second:
        await answered(fake_slack, 1)
        await second.slack.drain()

    assert len(fake_slack.responses) == 1
    assert "journal is empty" in fake_slack.posted_text()
    assert kept_rows(slack_core) == 0


async def dies_while_posting(
    core: CoachApp, fake: FakeSlack, slack_has_it: bool, **where: str
) -> None:
    """A DM's turn is saved and its answer is on its way to Slack when the process dies;
    Slack then takes the post (`slack_has_it`) or never does. `where`: a thread_ts."""
    async with running(core, fake) as first:
        fake.hold("chat.postMessage")  # the turn is saved; sending it hangs
        await first.dm("journal", user="U8", event_id="EvKEPT1", wait=False, **where)
        async with asyncio.timeout(ANSWER_WAIT_S):
            while not fake.of("chat.postMessage"):
                await asyncio.sleep(0.05)
        dies(first)
        if not slack_has_it:
            fake.fail("chat.postMessage", Failure(status=503, error="service_unavailable"))
        fake.release("chat.postMessage")


async def test_a_dm_slack_took_before_a_crash_is_not_posted_again(
    slack_core: CoachApp, slack_settings: Settings, fake_slack: FakeSlack, clock: FakeClock
) -> None:
    await dies_while_posting(slack_core, fake_slack, slack_has_it=True)
    async with taken_over(slack_settings, clock, fake_slack) as second:
        async with asyncio.timeout(ANSWER_WAIT_S):  # the takeover read the DM back
            while not fake_slack.of("conversations.history"):
                await asyncio.sleep(0.05)
        await second.slack.drain()
        # Slack retries an event it thinks was not taken: acknowledged, not answered again.
        retry = await second.dm("journal", user="U8", event_id="EvKEPT1")
        assert retry.status == 200

    [dm] = fake_slack.history.values()
    assert len(dm) == 1, "answered exactly once"
    assert dm[0]["metadata"]["event_payload"] == {"delivery": "EvKEPT1", "part": 0}
    assert "journal is empty" in str(dm[0]["text"])
    assert kept_rows(slack_core) == 0


async def test_a_thread_reply_slack_took_before_a_crash_is_read_back_in_its_thread(
    slack_core: CoachApp, slack_settings: Settings, fake_slack: FakeSlack, clock: FakeClock
) -> None:
    nudge_ts = "1700000050.000001"
    await dies_while_posting(slack_core, fake_slack, slack_has_it=True, thread_ts=nudge_ts)
    async with taken_over(slack_settings, clock, fake_slack) as second:
        async with asyncio.timeout(ANSWER_WAIT_S):  # the takeover read the thread back
            while not fake_slack.of("conversations.replies"):
                await asyncio.sleep(0.05)
        await second.slack.drain()

    assert not any(fake_slack.history.values()), "nothing in the DM outside the thread"
    [thread] = fake_slack.threads.values()
    assert len(thread) == 1, "answered exactly once, under the nudge"
    assert "journal is empty" in str(thread[0]["text"])
    assert kept_rows(slack_core) == 0


async def test_a_dm_slack_never_took_before_a_crash_is_posted_once_after_it(
    slack_core: CoachApp, slack_settings: Settings, fake_slack: FakeSlack, clock: FakeClock
) -> None:
    await dies_while_posting(slack_core, fake_slack, slack_has_it=False)
    fake_slack.clear()
    async with taken_over(slack_settings, clock, fake_slack) as second:
        await answered(fake_slack, 1)
        await second.slack.drain()

    [dm] = fake_slack.history.values()
    assert len(dm) == 1
    assert "journal is empty" in fake_slack.posted_text()
    assert kept_rows(slack_core) == 0


async def test_forget_takes_the_educators_kept_messages_with_them(
    slack_core: CoachApp, slack_settings: Settings, fake_slack: FakeSlack
) -> None:
    fake_slack.hold("users.info")
    async with running(slack_core, fake_slack) as first:
        await first.command(f"reframe They never {MARKER} come", user="U9", wait=False)
        dies(first)
    fake_slack.release("users.info")
    assert kept_rows(slack_core) == 1

    async with running(slack_core, fake_slack) as wire:
        await wire.dm("forget", user="U9")
        confirm = fake_slack.of("chat.postMessage")[-1].args
        await wire.click(find_button(confirm["blocks"], "Yes"), user="U9")

    assert "destroyed the key" in fake_slack.posted_text()
    assert kept_rows(slack_core) == 0


async def test_slack_retrying_a_known_educators_dm_while_it_is_answered_gets_one_answer(
    wire: SlackWire, fake_slack: FakeSlack
) -> None:
    await wire.dm("help", user="U10")  # met: their data key is kept for their next message
    fake_slack.clear()
    fake_slack.hold("chat.postMessage")
    await wire.dm("journal", user="U10", event_id="EvTWICE", wait=False)
    async with asyncio.timeout(ANSWER_WAIT_S):
        while not fake_slack.of("chat.postMessage"):
            await asyncio.sleep(0.05)

    # Slack did not see the 200 in time and sends the event again (a new signature).
    retry = await wire.dm("journal", user="U10", event_id="EvTWICE", wait=False)
    assert retry.status == 200
    fake_slack.release("chat.postMessage")
    await wire.slack.drain()

    assert len(fake_slack.of("chat.postMessage")) == 1
    assert "journal is empty" in fake_slack.posted_text()
    assert kept_rows(wire.core) == 0
