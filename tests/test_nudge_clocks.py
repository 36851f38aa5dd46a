"""Whole-scheduler scenarios: two clocks at once, and 50 educators over 14 simulated weeks."""

from __future__ import annotations

import argparse
import io
import threading
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from adapters.cli import main as coach
from adapters.console.inbox import ConsoleSender, take_waiting
from adapters.senders import build_senders
from bot.api import CoachAPI
from bot.app import CoachApp, build_app
from bot.inbound import Platform
from bot.profiles import nudge_offer
from bot.settings import Settings
from bot.storage.models import Educator
from bot.weekly.models import LedgerStatus, NudgeLedger, Subscription
from bot.weekly.schedule import WEEKDAYS, week_key
from content.fit import NO_PROFILE
from content.schema import NUDGE_TOPICS
from scheduler import cli
from scheduler.tick import TickPolicy, run_tick
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, everyone_answers, ledger_rows, senders_for

ZONES = ("America/New_York", "America/Phoenix", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata")
# Local times that exist on every day of the window (gaps are covered in test_nudge_schedule).
TIMES = ("06:30", "07:30", "12:00", "15:45", "20:15")
START = datetime(2026, 2, 23, 0, 0, tzinfo=UTC)  # a Monday; the window spans three transitions
WEEKS = 14


def test_two_clocks_ticking_at_once_on_postgresql_send_each_nudge_once(
    app: CoachApp, settings: Settings, clock: FakeClock
) -> None:
    if not settings.database_url.startswith("postgresql"):
        pytest.skip("row locks (FOR UPDATE SKIP LOCKED) are a PostgreSQL feature")
    for n in range(60):
        educator = Conversation(
            app.coach, f"U{n}", platform=Platform.SLACK, workspace="T1", timezone="Asia/Kolkata"
        )
        educator.says("nudges on")
    due = datetime(2026, 11, 17, 2, 0, tzinfo=UTC)  # Tue 07:30 in Kolkata
    platform = FakePlatform(Platform.SLACK)
    second_app = build_app(settings, clock=clock, migrate=False)  # its own engine and pool
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def clock_process(core: CoachApp) -> None:
        try:
            start.wait()
            run_tick(core, senders_for(platform), due, TickPolicy(batch_size=7))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=clock_process, args=(core,)) for core in (app, second_app)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    second_app.engine.dispose()
    assert errors == []
    users = [d.address.user_id for d in platform.delivered]
    assert platform.calls == len(users) == len(set(users)) == 60
    rows = ledger_rows(app)
    assert len(rows) == 60 and {r.status for r in rows} == {LedgerStatus.SENT}


def _expected_sends(
    zone: str, weekday: int, at: time, after: datetime, end: datetime
) -> list[datetime]:
    """The oracle: every local date with that weekday, at that wall time (first occurrence)."""
    tz = ZoneInfo(zone)
    day = after.astimezone(tz).date() - timedelta(days=1)
    found = []
    while day <= end.astimezone(tz).date():
        if day.weekday() == weekday:
            moment = datetime.combine(day, at, tzinfo=tz).astimezone(UTC)
            if after < moment < end:
                found.append(moment)
        day += timedelta(days=1)
    return found


def test_fifty_educators_in_five_zones_over_fourteen_weeks(
    app: CoachApp,
    clock: FakeClock,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock.set(START)
    plans: dict[str, tuple[str, int, time, str | None]] = {}
    for n in range(50):
        user = f"teacher-{n:02d}"
        zone, weekday = ZONES[n % 5], (n // 5 + n) % 7
        local = TIMES[(n // 5) % len(TIMES)]
        focus = NUDGE_TOPICS[n % 13] if n % 10 == 9 else None
        educator = Conversation(app.coach, user)
        for said in (
            f"nudges tz {zone}",
            f"nudges day {WEEKDAYS[weekday]}",
            f"nudges time {local}",
        ):
            educator.says(said)
        if focus:
            educator.says(f"nudges focus {focus}")
        assert "Weekly nudges are on" in educator.says("nudges on")
        hours, minutes = map(int, local.split(":"))
        plans[user] = (zone, weekday, time(hours, minutes), focus)
    # One Sydney educator on Sunday 02:30: 5 April 2026 has that time twice (clocks go back).
    folded = Conversation(app.coach, "teacher-fold")
    for said in ("nudges tz Australia/Sydney", "nudges day sun", "nudges time 02:30", "nudges on"):
        folded.says(said)
    plans["teacher-fold"] = ("Australia/Sydney", 6, time(2, 30), None)

    end = START + timedelta(weeks=WEEKS)
    expected = {
        user: _expected_sends(zone, weekday, at, START, end)
        for user, (zone, weekday, at, _) in plans.items()
    }
    # Tick as `coach nudge tick --at` would: at every expected instant, a minute before each
    # (nothing may go early), and every six hours between (nothing may go at another time).
    moments = {m for sends in expected.values() for m in sends}
    moments |= {m - timedelta(minutes=1) for m in moments}
    moments |= {START + timedelta(hours=h) for h in range(0, WEEKS * 7 * 24, 6)}
    console = ConsoleSender(CoachAPI(app))
    printed = 0
    for moment in sorted(moments):
        clock.set(moment)
        out = io.StringIO()
        args = argparse.Namespace(at=moment.isoformat())
        assert (
            cli.tick(
                args, build_senders=build_senders, core=app, senders=senders_for(console), out=out
            )
            == 0
        )
        printed += len(out.getvalue().splitlines()) - 1
        everyone_answers(app, moment + timedelta(seconds=1))

    with app.sessions() as session:
        rows = session.execute(
            select(Educator.user_id, NudgeLedger)
            .join(Subscription, Subscription.educator_id == Educator.id)
            .join(NudgeLedger, NudgeLedger.subscription_id == Subscription.id)
            .order_by(NudgeLedger.due_at)
        ).all()
    by_user: dict[str, list[NudgeLedger]] = defaultdict(list)
    for user, row in rows:
        by_user[user].append(row)

    assert printed == len(rows) == sum(len(sends) for sends in expected.values())
    for user, (zone, weekday, at, focus) in plans.items():
        sent = by_user[user]
        assert len(expected[user]) == WEEKS, user
        # Exactly one a week, at their local time, at the moment it was due.
        assert [r.status for r in sent] == [LedgerStatus.SENT] * WEEKS, user
        assert [r.due_at for r in sent] == expected[user], user
        assert [r.finished_at for r in sent] == expected[user], user
        assert len({r.week for r in sent}) == WEEKS
        assert all(r.week == week_key(r.due_at, zone) for r in sent)
        for row in sent:
            local = row.due_at.astimezone(ZoneInfo(zone))
            assert (local.weekday(), local.time()) == (weekday, at), user
        topics = [r.topic for r in sent]
        # In the order an educator with no profile is offered them (content/fit.py).
        offered = nudge_offer(app.library, NO_PROFILE).items
        if focus:
            assert set(topics) == {focus}
            order = offered[focus]
            assert [r.nudge_index for r in sent] == [order[i % len(order)] for i in range(WEEKS)]
        else:
            assert sorted(topics[:13]) == sorted(NUDGE_TOPICS), user  # 13 before a repeat
            assert topics[13] == topics[0] and sent[13].nudge_index == offered[topics[13]][1]
        waiting = take_waiting(CoachAPI(app), "local", user)
        assert len(waiting) == WEEKS, user

    fold_day = [r.due_at for r in by_user["teacher-fold"] if r.due_at.date() == date(2026, 4, 4)]
    assert fold_day == [datetime(2026, 4, 4, 15, 30, tzinfo=UTC)]  # 02:30 AEDT, once

    # And the real command line, for the next nudge due after the window.
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    with app.sessions() as session:
        soonest = session.scalar(select(func.min(Subscription.next_send_at)))
    assert soonest is not None and soonest >= end
    capsys.readouterr()
    assert coach(["nudge", "tick", "--at", soonest.isoformat()]) == 0
    printed_lines = capsys.readouterr().out.splitlines()
    assert printed_lines[0].startswith("sent") and "handled (" in printed_lines[-1]
    assert len(ledger_rows(app)) == len(rows) + len(printed_lines) - 1
