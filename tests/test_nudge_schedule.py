"""Weekly schedule math across daylight-saving transitions and unusual zones (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.weekly.schedule import (
    WeeklyRule,
    end_of_local_week,
    next_send_after,
    parse_local_time,
    parse_weekday,
    week_key,
)

MON, TUE, SUN = 0, 1, 6


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def sends(rule: WeeklyRule, start: datetime, count: int) -> list[datetime]:
    moments, moment = [], start
    for _ in range(count):
        moment = next_send_after(rule, moment)
        moments.append(moment)
    return moments


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # Tuesday 07:30 local; the UTC instant moves with the clocks, the local time never.
        ("America/New_York", utc(2026, 3, 3, 12, 30), utc(2026, 3, 10, 11, 30)),
        ("America/New_York", utc(2026, 10, 27, 11, 30), utc(2026, 11, 3, 12, 30)),
        ("America/Phoenix", utc(2026, 3, 3, 14, 30), utc(2026, 3, 10, 14, 30)),
        ("Europe/Berlin", utc(2026, 3, 24, 6, 30), utc(2026, 3, 31, 5, 30)),
        ("Europe/Berlin", utc(2026, 10, 20, 5, 30), utc(2026, 10, 27, 6, 30)),
        ("Australia/Sydney", utc(2026, 3, 30, 20, 30), utc(2026, 4, 6, 21, 30)),
        ("Australia/Sydney", utc(2026, 9, 28, 21, 30), utc(2026, 10, 5, 20, 30)),
        ("Asia/Kolkata", utc(2026, 3, 3, 2, 0), utc(2026, 3, 10, 2, 0)),
    ],
)
def test_a_weekly_local_time_keeps_its_local_time_across_transitions(
    zone: str, before: datetime, after: datetime
) -> None:
    rule = WeeklyRule(TUE, time(7, 30), zone)
    assert next_send_after(rule, before - timedelta(minutes=1)) == before
    assert next_send_after(rule, before) == after
    for moment in (before, after):
        local = moment.astimezone(ZoneInfo(zone))
        assert (local.weekday(), local.hour, local.minute) == (TUE, 7, 30)


@pytest.mark.parametrize(
    ("zone", "gap_day", "expected_utc", "expected_local"),
    [
        # Sunday 02:30 does not exist on these days: send at the next valid minute, 03:00.
        ("America/New_York", date(2026, 3, 8), utc(2026, 3, 8, 7, 0), time(3, 0)),
        ("Europe/Berlin", date(2026, 3, 29), utc(2026, 3, 29, 1, 0), time(3, 0)),
        ("Australia/Sydney", date(2026, 10, 4), utc(2026, 10, 3, 16, 0), time(3, 0)),
    ],
)
def test_a_time_inside_a_spring_forward_gap_sends_at_the_next_valid_minute_once(
    zone: str, gap_day: date, expected_utc: datetime, expected_local: time
) -> None:
    rule = WeeklyRule(SUN, time(2, 30), zone)
    week_before = datetime.combine(gap_day - timedelta(days=7), time(12), ZoneInfo(zone))
    first, second = sends(rule, week_before.astimezone(UTC), 2)
    assert first == expected_utc
    assert first.astimezone(ZoneInfo(zone)).time() == expected_local
    # Once: the following send is the next Sunday at the usual 02:30.
    following = second.astimezone(ZoneInfo(zone))
    assert following.date() == gap_day + timedelta(days=7)
    assert following.time() == time(2, 30)


@pytest.mark.parametrize(
    ("zone", "fold_day", "first_utc"),
    [
        ("America/New_York", date(2026, 11, 1), utc(2026, 11, 1, 5, 30)),  # 01:30 EDT
        ("Europe/Berlin", date(2026, 10, 25), utc(2026, 10, 25, 0, 30)),  # 02:30 CEST
        ("Australia/Sydney", date(2026, 4, 5), utc(2026, 4, 4, 15, 30)),  # 02:30 AEDT
    ],
)
def test_a_time_that_happens_twice_in_a_fold_sends_once_at_the_first(
    zone: str, fold_day: date, first_utc: datetime
) -> None:
    hour = 1 if zone.startswith("America") else 2
    rule = WeeklyRule(SUN, time(hour, 30), zone)
    first = next_send_after(rule, first_utc - timedelta(days=1))
    assert first == first_utc
    # Neither from the first occurrence nor from between the two is the second one chosen.
    for after in (first, first + timedelta(minutes=30), first + timedelta(minutes=59)):
        assert next_send_after(rule, after).astimezone(ZoneInfo(zone)).date() == (
            fold_day + timedelta(days=7)
        )


@pytest.mark.parametrize(
    "zone",
    ["America/New_York", "America/Phoenix", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata"],
)
@pytest.mark.parametrize("at", [time(0, 0), time(1, 30), time(2, 30), time(7, 30), time(23, 59)])
def test_two_years_of_sends_are_one_per_local_week_on_the_right_day(zone: str, at: time) -> None:
    rule = WeeklyRule(SUN, at, zone)
    moments = sends(rule, utc(2026, 1, 1), 104)
    weeks = [week_key(m, zone) for m in moments]
    assert len(set(weeks)) == len(weeks) == 104
    assert moments == sorted(moments)
    for moment in moments:
        local = moment.astimezone(ZoneInfo(zone))
        assert local.weekday() == SUN
        # The chosen time, or the first valid minute after it inside a gap (under an hour).
        chosen = datetime.combine(local.date(), at)
        assert timedelta(0) <= local.replace(tzinfo=None) - chosen <= timedelta(hours=1)
        assert (local.replace(tzinfo=None) == chosen) or local.time() == time(3, 0)


def test_phoenix_and_kolkata_never_shift_in_utc() -> None:
    for zone, expected in (("America/Phoenix", time(14, 30)), ("Asia/Kolkata", time(2, 0))):
        rule = WeeklyRule(TUE, time(7, 30), zone)
        assert {m.time() for m in sends(rule, utc(2026, 1, 1), 60)} == {expected}


def test_a_naive_time_is_refused() -> None:
    rule = WeeklyRule(MON, time(7, 0), "UTC")
    with pytest.raises(ValueError):
        next_send_after(rule, datetime(2026, 1, 1))


def test_unknown_zones_are_refused() -> None:
    for name in ("Mars/Olympus", "", "../etc/passwd", "/usr/share/zoneinfo/UTC"):
        with pytest.raises(ValueError):
            WeeklyRule(MON, time(7, 0), name)


def test_the_local_week_ends_at_local_midnight_before_monday() -> None:
    moment = utc(2026, 11, 17, 12, 30)  # Tuesday morning in New York
    assert end_of_local_week(moment, "America/New_York") == utc(2026, 11, 23, 5, 0)
    assert week_key(moment, "America/New_York") == "2026-W47"
    # Sunday evening in New York is already Monday in Kolkata: a different local week.
    sunday_evening = utc(2026, 11, 23, 0, 30)
    assert week_key(sunday_evening, "America/New_York") == "2026-W47"
    assert week_key(sunday_evening, "Asia/Kolkata") == "2026-W48"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mon", 0),
        ("Tue", 1),
        ("tuesday", 1),
        ("THURS", 3),
        ("sun", 6),
        ("funday", None),
        ("", None),
    ],
)
def test_weekday_words(typed: str, expected: int | None) -> None:
    assert parse_weekday(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("07:30", time(7, 30)),
        ("7:05", time(7, 5)),
        ("1545", time(15, 45)),
        ("23:59", time(23, 59)),
        ("25:00", None),
        ("12:60", None),
        ("7:5", None),
        ("noon", None),
        ("-1:00", None),
    ],
)
def test_time_words(typed: str, expected: time | None) -> None:
    assert parse_local_time(typed) == expected
