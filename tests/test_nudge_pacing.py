"""Sending at a platform's pace: several sender threads, several clocks, one pace per
workspace kept through the database, and a refusal for the rate (429) retried from the
ledger rather than waited out. Real HTTP to a fake Slack that allows so many posts a
second per workspace and refuses the rest, as Slack does."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web
from sqlalchemy import select

from adapters.senders import build_senders
from bot.app import CoachApp, build_app
from bot.inbound import Platform
from bot.settings import Settings
from bot.weekly.models import LedgerStatus
from bot.weekly.pace_models import SendPace
from scheduler.claim import Claim
from scheduler.pace import Pace
from scheduler.tick import TickPolicy, TickReport, run_tick
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import ledger_rows
from tests.slack.fake_slack import Failure, FakeSlack
from tests.slack.wire import BOT_TOKEN

DUE = datetime(2026, 11, 17, 2, 0, tzinfo=UTC)  # Tue 07:30 in Kolkata
ALLOWED = 10.0  # posts a second the fake Slack allows the workspace
BURST = 2 * ALLOWED  # posts it takes at once after a quiet moment


@dataclass
class PacedSlack(FakeSlack):
    """Slack's rate limit on chat.postMessage: a bucket of two seconds' posts, refilled at
    `allowed` a second; an empty bucket answers 429 with Retry-After. (This fake answers on
    the test's event loop, which the clocks' threads can keep from running for a moment; a
    one-second bucket then met a burst of posts that had left on time.)"""

    allowed: float = ALLOWED
    tokens: float = BURST
    filled_at: float = field(default_factory=time.monotonic)
    posted: Counter[str] = field(default_factory=Counter)  # per channel
    refused: int = 0

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] != "chat.postMessage" or self.failures.get(
            "chat.postMessage"
        ):
            return await super()._api(request)
        now = time.monotonic()
        self.tokens = min(BURST, self.tokens + (now - self.filled_at) * self.allowed)
        self.filled_at = now
        if self.tokens < 1:
            self.refused += 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        self.tokens -= 1
        response = await super()._api(request)
        self.posted[str(self.calls[-1].args.get("channel"))] += 1
        return response


@pytest.fixture
async def slack() -> AsyncIterator[PacedSlack]:
    fake = PacedSlack()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def slack_app(
    settings: Settings, slack: PacedSlack, db_engine: object, clock: FakeClock
) -> Iterator[CoachApp]:
    core = build_app(slack_settings(settings, slack), clock=clock, migrate=False)
    yield core
    core.engine.dispose()


def slack_settings(settings: Settings, slack: FakeSlack) -> Settings:
    return settings.model_copy(
        update={"slack_bot_token": BOT_TOKEN, "slack_api_url": slack.api_url}
    )


def policy(**changes: object) -> TickPolicy:
    return TickPolicy(allowed_per_second={"slack": ALLOWED}, **changes)  # type: ignore[arg-type]


def educators_turn_nudges_on(app: CoachApp, count: int) -> None:
    for n in range(count):
        Conversation(
            app.coach, f"U{n}", platform=Platform.SLACK, workspace="T1", timezone="Asia/Kolkata"
        ).says("nudges on")


async def tick(app: CoachApp, at: datetime, tick_policy: TickPolicy) -> TickReport:
    # The clock is synchronous; the fake Slack answers on this test's event loop.
    return await asyncio.to_thread(run_tick, app, build_senders(app), at, tick_policy)


async def test_two_clocks_keep_one_workspace_within_its_allowance_together(
    slack_app: CoachApp, slack: PacedSlack, settings: Settings, clock: FakeClock
) -> None:
    # Each clock alone sends at 95% of the allowance; if each kept its own count, the two
    # together would send nearly twice what the workspace allows and meet 429s (80 posts in
    # about 4 s against 20 + 4 x 10 allowed).
    educators_turn_nudges_on(slack_app, 80)
    second = build_app(slack_settings(settings, slack), clock=clock, migrate=False)
    start = threading.Barrier(2)

    def clock_process(core: CoachApp) -> TickReport:
        start.wait()
        return run_tick(core, build_senders(core), DUE, policy(batch_size=7))

    try:
        reports = await asyncio.gather(
            asyncio.to_thread(clock_process, slack_app), asyncio.to_thread(clock_process, second)
        )
    finally:
        second.engine.dispose()
    assert slack.refused == 0
    assert len(slack.posted) == 80 and set(slack.posted.values()) == {1}
    assert sum(report.counts()["sent"] for report in reports) == 80
    assert all(report.counts()["sent"] > 0 for report in reports)  # both clocks sent
    assert {row.status for row in ledger_rows(slack_app)} == {LedgerStatus.SENT}


async def test_a_refusal_for_the_rate_is_retried_later_from_the_ledger_once(
    slack_app: CoachApp, slack: PacedSlack
) -> None:
    educators_turn_nudges_on(slack_app, 12)
    slack.fail("chat.postMessage", *[Failure(429, retry_after=30)] * 3)

    first = await tick(slack_app, DUE, policy())

    # Answered at once: three refused calls, not slept out and repeated inside the tick.
    assert first.counts() == Counter({"sent": 9, "retry": 3})
    assert len(slack.of("chat.postMessage")) == 12
    retries = [row for row in ledger_rows(slack_app) if row.status == LedgerStatus.RETRY]
    assert [row.reason for row in retries] == ["rate_limited"] * 3
    # The refusal moved the workspace's pace on, for every clock.
    with slack_app.sessions() as session:
        (pace,) = session.scalars(select(SendPace)).all()
    assert (pace.platform, pace.workspace) == ("slack", "T1")

    assert (await tick(slack_app, DUE + timedelta(minutes=1), policy())).lines == []
    later = await tick(slack_app, DUE + timedelta(minutes=10), policy())

    assert later.counts() == Counter({"sent": 3})
    assert len(slack.posted) == 12 and set(slack.posted.values()) == {1}  # none lost, none twice
    assert {row.status for row in ledger_rows(slack_app)} == {LedgerStatus.SENT}


def test_clocks_reserve_send_moments_from_one_row_per_workspace(app: CoachApp) -> None:
    at = 1_000_000.0
    interval = 1 / (ALLOWED * 0.95)
    one_clock = Pace(app.engine, {"slack": ALLOWED}, 0.95, wall=lambda: at)
    other_clock = Pace(app.engine, {"slack": ALLOWED}, 0.95, wall=lambda: at)

    def claims(*workspaces: str, platform: str = "slack") -> list[Claim]:
        return [Claim(n, DUE, platform, workspace) for n, workspace in enumerate(workspaces)]

    first = one_clock.reserve(claims("T1", "T2", "T1", "T1"))
    assert [c.not_before for c in first] == pytest.approx(
        [at, at, at + interval, at + 2 * interval]
    )
    # The other clock's moments follow this clock's, workspace by workspace.
    second = other_clock.reserve(claims("T1", "T2"))
    assert [c.not_before for c in second] == pytest.approx([at + 3 * interval, at + interval])
    # A 429 moves the workspace on for everyone; an unpaced platform goes at once.
    other_clock.hold("slack", "T2", 5.0)
    assert [c.not_before for c in one_clock.reserve(claims("T2"))] == pytest.approx([at + 5.0])
    assert [c.not_before for c in one_clock.reserve(claims("U1", platform="console"))] == [0.0]
