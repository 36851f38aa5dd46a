"""COACH_CLOCK_SENDERS: how many nudges the running clock has in flight at once. An operator
on a small machine turns it down to spare the CPU; on a slow network, up. Real HTTP to a
fake Slack that takes a moment over each post and counts how many it is holding."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from aiohttp import web
from pydantic import ValidationError

from adapters.senders import build_senders
from bot.app import CoachApp, build_app
from bot.inbound import Platform
from bot.settings import Settings
from scheduler.cli import clock_policy
from scheduler.tick import run_tick
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.slack.fake_slack import FakeSlack
from tests.slack.wire import BOT_TOKEN

DUE = datetime(2026, 11, 17, 2, 0, tzinfo=UTC)  # Tue 07:30 in Kolkata
EDUCATORS = 12


@dataclass
class SlowSlack(FakeSlack):
    """Holds each chat.postMessage for 50 ms and remembers the most it held at once."""

    holding: int = 0
    most_at_once: int = 0

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] != "chat.postMessage":
            return await super()._api(request)
        self.holding += 1
        self.most_at_once = max(self.most_at_once, self.holding)
        try:
            await asyncio.sleep(0.05)
            return await super()._api(request)
        finally:
            self.holding -= 1


@pytest.fixture
async def slack() -> AsyncIterator[SlowSlack]:
    fake = SlowSlack()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def app_with_slack(
    settings: Settings, slack: SlowSlack, db_engine: object, clock: FakeClock
) -> Iterator[CoachApp]:
    update = {"slack_bot_token": BOT_TOKEN, "slack_api_url": slack.api_url}
    core = build_app(settings.model_copy(update=update), clock=clock, migrate=False)
    yield core
    core.engine.dispose()


def twelve_educators_turn_nudges_on(app: CoachApp) -> None:
    for n in range(EDUCATORS):
        Conversation(
            app.coach, f"U{n}", platform=Platform.SLACK, workspace="T1", timezone="Asia/Kolkata"
        ).says("nudges on")


async def clock_tick_with(app: CoachApp, senders: int) -> None:
    settings = app.settings.model_copy(update={"coach_clock_senders": senders})
    policy = clock_policy(settings)
    await asyncio.to_thread(run_tick, app, build_senders(app), DUE, policy)


async def test_one_sender_sends_one_nudge_at_a_time(
    app_with_slack: CoachApp, slack: SlowSlack
) -> None:
    twelve_educators_turn_nudges_on(app_with_slack)

    await clock_tick_with(app_with_slack, senders=1)

    assert len(slack.of("chat.postMessage")) == EDUCATORS
    assert slack.most_at_once == 1


async def test_four_senders_overlap_their_waits_on_slack(
    app_with_slack: CoachApp, slack: SlowSlack
) -> None:
    twelve_educators_turn_nudges_on(app_with_slack)

    await clock_tick_with(app_with_slack, senders=4)

    assert len(slack.of("chat.postMessage")) == EDUCATORS
    assert 1 < slack.most_at_once <= 4


def test_the_clock_sends_eight_at_once_unless_told_otherwise() -> None:
    assert clock_policy(Settings(_env_file=None)).senders == 8


@pytest.mark.parametrize("value", ["0", "65", "many"])
def test_a_number_of_senders_out_of_range_is_refused_by_name(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_CLOCK_SENDERS", value)
    with pytest.raises(ValidationError, match="coach_clock_senders"):
        Settings(_env_file=None)
