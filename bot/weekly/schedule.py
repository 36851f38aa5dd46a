"""Weekly schedule math: a local weekday and time in an IANA zone, turned into UTC instants.

Rules are kept in local terms (weekday, HH:MM, zone) and the next instant is worked out
with zoneinfo each time, so daylight-saving changes move the UTC instant, never the
local time the educator chose.

- A local time that does not exist (inside a spring-forward gap) sends at the first valid
  local minute after it, once.
- A local time that happens twice (inside a fall-back fold) sends at its first occurrence,
  once; the second occurrence is never returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.numbers import parse_small_int
from bot.text import without_accents

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# As typed, without accents ("miércoles" is read as "miercoles").
SPANISH_WEEKDAY_NAMES = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
# The longest gap any zone has jumped over is a whole day (Samoa, December 2011).
_MAX_GAP_MINUTES = 26 * 60


@dataclass(frozen=True)
class WeeklyRule:
    """Once a week: weekday (0 = Monday) at local HH:MM in an IANA zone."""

    weekday: int
    local_time: time
    zone: str

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError("weekday must be 0 (Monday) to 6 (Sunday)")
        if self.local_time.tzinfo is not None:
            raise ValueError("local_time must be a naive wall-clock time")
        zone_info(self.zone)  # raises for an unknown zone

    @property
    def tz(self) -> ZoneInfo:
        return zone_info(self.zone)


def zone_info(name: str) -> ZoneInfo:
    """The zone for an IANA name; ValueError for anything else (including paths)."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        raise ValueError(f"not an IANA time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"not an IANA time zone: {name!r}") from exc


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime is ambiguous here; pass an aware UTC time")


def _exists(wall: datetime, tz: ZoneInfo) -> bool:
    """Whether a naive wall-clock time happens at all in tz (False inside a gap)."""
    aware = wall.replace(tzinfo=tz, fold=0)
    back = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return back == wall


def local_to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of a local date and time: first occurrence of a fold, and the next
    valid minute for a time inside a gap."""
    wall = datetime.combine(day, at)
    for _ in range(_MAX_GAP_MINUTES):
        if _exists(wall, tz):
            return wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
        wall = (wall + timedelta(minutes=1)).replace(second=0, microsecond=0)
    raise ValueError(f"no valid local time near {day} {at} in {tz.key}")  # pragma: no cover


def next_send_after(rule: WeeklyRule, after_utc: datetime) -> datetime:
    """The first send instant strictly after `after_utc`, in UTC."""
    _require_aware(after_utc)
    tz = rule.tz
    start = after_utc.astimezone(tz).date() - timedelta(days=1)
    for offset in range(16):
        day = start + timedelta(days=offset)
        if day.weekday() != rule.weekday:
            continue
        candidate = local_to_utc(day, rule.local_time, tz)
        if candidate > after_utc:
            return candidate
    raise AssertionError("a weekly rule always has a next instant")  # pragma: no cover


def week_key(moment_utc: datetime, zone: str) -> str:
    """The ISO week of an instant in the educator's zone, e.g. "2026-W47"."""
    _require_aware(moment_utc)
    year, week, _ = moment_utc.astimezone(zone_info(zone)).isocalendar()
    return f"{year}-W{week:02d}"


def end_of_local_week(moment_utc: datetime, zone: str) -> datetime:
    """The UTC instant the educator's local ISO week (Monday to Sunday) ends."""
    _require_aware(moment_utc)
    tz = zone_info(zone)
    local_day = moment_utc.astimezone(tz).date()
    next_monday = local_day + timedelta(days=7 - local_day.weekday())
    return local_to_utc(next_monday, time(0, 0), tz)


def parse_weekday(text: str) -> int | None:
    """0..6 for mon..sun, full names and common short forms, in English or Spanish ("viernes",
    "miercoles", "sáb"); None otherwise."""
    word = without_accents(text.strip().casefold().rstrip("."))
    if len(word) < 2:
        return None
    for index, (short, name, spanish) in enumerate(
        zip(WEEKDAYS, WEEKDAY_NAMES, SPANISH_WEEKDAY_NAMES, strict=True)
    ):
        for full in (name.casefold(), spanish):
            if word in (short, full) or (len(word) >= 3 and full.startswith(word)):
                return index
    aliases = {"tu": 1, "tues": 1, "th": 3, "thur": 3, "thurs": 3}
    return aliases.get(word)


def parse_local_time(text: str) -> time | None:
    """A 24-hour HH:MM (or H:MM, or HHMM); None for anything that is not a real time."""
    word = text.strip()
    if ":" in word:
        hours, _, minutes = word.partition(":")
    elif len(word) in (3, 4):
        hours, minutes = word[:-2], word[-2:]
    else:
        return None
    h, m = parse_small_int(hours, max_digits=2), parse_small_int(minutes, max_digits=2)
    if h is None or m is None or len(minutes) != 2 or not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return time(h, m)
