"""The school calendar, pauses, rhythms and backing off cost the tick no query per row: the
due query does the filtering. Counted as SQL statements, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event

from bot.app import CoachApp
from bot.calendar.ics import Closed
from bot.calendar.store import replace_calendar
from bot.inbound import Platform
from scheduler.tick import TickPolicy
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, outcomes, senders_for, tick

TUESDAY = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # 07:30 in New York
WEDNESDAY = datetime(2026, 11, 18, 12, 30, tzinfo=UTC)
THURSDAY = datetime(2026, 11, 19, 12, 30, tzinfo=UTC)
EDUCATORS = 8
# Each answer recorded in a transaction of its own: how the recording threads group answers
# depends on timing, and so would the count; row by row it says what each row costs.
ONE_BY_ONE = TickPolicy(record_together=1)


@contextmanager
def counting(app: CoachApp) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        word = str(args[2]).split(None, 1)[0]
        # SQLite's transactions start with our own BEGIN IMMEDIATE (bot/storage/db.py), where
        # the driver used to send one unseen: not a statement of the tick's.
        if word != "BEGIN":
            statements.append(word)

    event.listen(app.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(app.engine, "before_cursor_execute", count)


def educators(app: CoachApp, workspace: str, day: str, *settings: str) -> None:
    for index in range(EDUCATORS):
        educator = Conversation(
            app.coach,
            f"U{index}",
            platform=Platform.SLACK,
            workspace=workspace,
            timezone="America/New_York",
        )
        educator.says("nudges on")
        educator.says(f"nudges day {day}")
        if settings:
            educator.says(settings[index % len(settings)])


def closed_days(app: CoachApp, workspace: str, *days: date) -> None:
    with app.sessions.begin() as session:
        closed = [Closed(day, "Closed") for day in days]
        replace_calendar(session, ("slack", workspace), "test.ics", closed, datetime.now(UTC))


def test_pause_rhythm_back_off_and_calendar_add_no_statement_per_row(
    app: CoachApp, clock: FakeClock
) -> None:
    platform = FakePlatform(Platform.SLACK)
    senders = senders_for(platform)
    # Plain weekly nudges on Tuesday, with no calendar.
    educators(app, "PLAIN", "tue")
    # Wednesday's have a calendar (closed other days), rhythms, a pause ending and a count.
    educators(
        app,
        "BUSY",
        "wed",
        "nudges every 2",
        "nudges every 4",
        "nudges pause until 2026-11-18",
        "nudges",
    )
    closed_days(app, "BUSY", date(2026, 11, 26), date(2026, 11, 27), date(2026, 12, 24))
    # Thursday's fall on a closed day: all move to Friday.
    educators(app, "SHUT", "thu")
    closed_days(app, "SHUT", date(2026, 11, 19))

    clock.set(TUESDAY)
    with counting(app) as plain:
        assert outcomes(tick(app, senders, TUESDAY, ONE_BY_ONE)) == ["sent"] * EDUCATORS
    clock.set(WEDNESDAY)
    with counting(app) as busy:
        assert outcomes(tick(app, senders, WEDNESDAY, ONE_BY_ONE)) == ["sent"] * EDUCATORS
    clock.set(THURSDAY)
    with counting(app) as shut:
        assert outcomes(tick(app, senders, THURSDAY, ONE_BY_ONE)) == ["moved"] * EDUCATORS

    print(f"statements: plain {len(plain)}, busy {len(busy)}, closed day {len(shut)}")
    assert len(busy) == len(plain)
    # Moving every row costs the due query, the batch's look-ups (one of them the closed
    # days) and one UPDATE for all of them: nothing grows with the rows.
    assert len(shut) <= 8, shut
