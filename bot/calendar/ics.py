"""Reading a district's iCalendar file into closed days, with icalendar and
recurring-ical-events (nothing parsed by hand, nothing downloaded).

All-day events close every date they cover (a multi-day break closes each of its days; a
recurring all-day event closes each occurrence). Timed events (a board meeting at 7 pm)
close nothing, but are still checked: a file with an event without a date, or a time
zone that does not exist, is refused whole, so a bad file never half-replaces a good one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar
import recurring_ical_events

MAX_BYTES = 5 * 1024 * 1024  # a whole district year is a few hundred kilobytes
MAX_CLOSED_DAYS = 2000
# Recurrences are expanded over this window around the import: a school year and then some.
LOOK_BACK = timedelta(days=366)
LOOK_AHEAD = timedelta(days=2 * 366)
_NAME_LENGTH = 200


class CalendarError(ValueError):
    """A file that cannot be used; the message says why, for the operator."""


@dataclass(frozen=True)
class Closed:
    day: date
    name: str


def read_closed_days(data: bytes, today: date) -> list[Closed]:
    """Every closed date in the file within the window around `today`, one per date."""
    check_size(len(data))
    calendar = _parse(data)
    for index, event in enumerate(calendar.walk("VEVENT"), start=1):
        _check(event, index)
    try:
        occurrences = recurring_ical_events.of(calendar).between(
            today - LOOK_BACK, today + LOOK_AHEAD
        )
    except Exception as exc:  # the library's own errors name no common base
        raise CalendarError(f"its repeating events cannot be read ({type(exc).__name__})") from exc
    closed: dict[date, str] = {}
    for occurrence in occurrences:
        for day in _days_of(occurrence):
            closed.setdefault(day, _name(occurrence))
    if len(closed) > MAX_CLOSED_DAYS:
        raise CalendarError(
            f"it closes more than {MAX_CLOSED_DAYS} days, which no school year does"
        )
    return [Closed(day, name) for day, name in sorted(closed.items())]


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise CalendarError(
            f"the file is {size / (1024 * 1024):.0f} MB; a school calendar is well under "
            f"{MAX_BYTES // (1024 * 1024)} MB, so this is probably not the right file"
        )


def _parse(data: bytes) -> icalendar.Calendar:
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError, UnicodeDecodeError) as exc:
        raise CalendarError("it is not an iCalendar (.ics) file") from exc
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise CalendarError("it is not an iCalendar (.ics) file: no VCALENDAR in it")
    return calendar


def _check(event: icalendar.Component, index: int) -> None:
    label = f"event {index} ({_name(event)})"
    start = event.get("DTSTART")
    if start is None or not isinstance(start.dt, date):
        raise CalendarError(f"{label} has no start date")
    for key in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = event.get(key)
        if prop is None:
            continue
        zone = prop.params.get("TZID")
        # icalendar resolves every zone it knows (IANA, the file's own VTIMEZONE, Windows
        # names); a time left without a zone means the name matched nothing real.
        if zone and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
            raise CalendarError(
                f"{label} uses the time zone {str(zone)[:64]!r}, which does not exist"
            )


def _days_of(occurrence: icalendar.Component) -> list[date]:
    start = occurrence.get("DTSTART").dt
    if isinstance(start, datetime):
        return []  # a timed event closes no day
    end_prop = occurrence.get("DTEND")
    end = end_prop.dt if end_prop is not None else start + timedelta(days=1)
    if isinstance(end, datetime):
        end = end.date()
    count = max(1, (end - start).days)
    return [start + timedelta(days=offset) for offset in range(count)]


def _name(event: icalendar.Component) -> str:
    summary = str(event.get("SUMMARY", "") or "").strip()
    return " ".join(summary.split())[:_NAME_LENGTH] or "Closed"
