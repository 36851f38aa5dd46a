"""Reading the schedule settings `nudges` and `channel` share: what was asked, as a typed value.

`day tue`, `time 07:30`, `tz America/Chicago`, `focus TOPIC|rotate`, `on`, `off`,
`pause WEEKS`, `pause until YYYY-MM-DD` and `every 1|2|4` (nudges only). Nothing here
touches storage: a command reads the setting, answers a mistake, and otherwise applies the
change to its own subscription.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.numbers import parse_small_int
from bot.weekly.schedule import parse_local_time, parse_weekday, zone_info
from bot.weekly.schedule_words import clock_with_half
from bot.weekly.zone_words import zone_named
from content.schema import NUDGE_TOPICS

SettingName = Literal["on", "off", "day", "time", "tz", "focus", "pause", "every"]
NeedsValue = Literal["day", "time", "tz", "focus", "pause", "every"]

EVERY_SETTING: frozenset[SettingName] = frozenset(
    ("on", "off", "day", "time", "tz", "focus", "pause", "every")
)
MAX_PAUSE_WEEKS = 52
RHYTHMS = (1, 2, 4)  # weeks between two sends: the lighter rhythms people ask for

_SHOW_WORDS = ("", "show", "settings", "status")
_ROTATE_WORDS = ("rotate", "all", "none", "off")
# Every word a setting may be called by, and the one name it goes by.
_NAMES: dict[str, SettingName] = {
    "on": "on",
    "off": "off",
    "day": "day",
    "time": "time",
    "tz": "tz",
    "timezone": "tz",
    "zone": "tz",
    "focus": "focus",
    # "nudges about home visits", "nudges sobre las familias nuevas"
    "about": "focus",
    "topic": "focus",
    "sobre": "focus",
    "tema": "focus",
    "pause": "pause",
    "every": "every",
    "rhythm": "every",
    # The settings' words in Spanish ("recordatorios apagar" had been an unknown setting).
    "activar": "on",
    "encender": "on",
    "prender": "on",
    "apagar": "off",
    "desactivar": "off",
    "día": "day",
    "dia": "day",
    "hora": "time",
    "zona": "tz",
    "enfoque": "focus",
    "pausa": "pause",
    "pausar": "pause",
    "cada": "every",
}


@dataclass(frozen=True)
class ShowSettings:
    pass


@dataclass(frozen=True)
class TurnOn:
    pass


@dataclass(frozen=True)
class TurnOff:
    pass


@dataclass(frozen=True)
class SetDay:
    weekday: int  # 0 = Monday


@dataclass(frozen=True)
class SetTime:
    local_time: str  # "HH:MM", 24-hour


@dataclass(frozen=True)
class SetZone:
    zone: str  # a checked IANA name


@dataclass(frozen=True)
class SetFocus:
    topic: str | None  # None: rotate through every topic
    # The words the topic was read from when they name none by its name ("home visits" is
    # relational): said back with the change, so a guess is never set unseen.
    read_from: str | None = None


@dataclass(frozen=True)
class Pause:
    weeks: int  # 1 to MAX_PAUSE_WEEKS


@dataclass(frozen=True)
class PauseUntil:
    """No sends before this local date; whether it lies ahead is checked against today."""

    day: date


@dataclass(frozen=True)
class SetRhythm:
    weeks: int  # one of RHYTHMS


@dataclass(frozen=True)
class UnknownSetting:
    word: str


@dataclass(frozen=True)
class MissingValue:
    setting: NeedsValue


@dataclass(frozen=True)
class BadValue:
    """A day, time, zone, pause or rhythm that could not be read; `value` as typed."""

    setting: NeedsValue
    value: str


@dataclass(frozen=True)
class UnknownTopic:
    typed: str


@dataclass(frozen=True)
class LearnOnlyTopic:
    """A topic for reading (`learn`), not for weekly messages."""

    slug: str


Change = TurnOn | TurnOff | SetDay | SetTime | SetZone | SetFocus | Pause | PauseUntil | SetRhythm
Mistake = UnknownSetting | MissingValue | BadValue | UnknownTopic | LearnOnlyTopic
ParsedSetting = ShowSettings | Change | Mistake
MISTAKES = (UnknownSetting, MissingValue, BadValue, UnknownTopic, LearnOnlyTopic)

TopicFinder = Callable[[str], str | None]


def parse_setting(
    args: str,
    accepted: frozenset[SettingName],
    find_topic: TopicFinder,
    read_topic: TopicFinder | None = None,
) -> ParsedSetting:
    """What `args` (the words after `nudges` or `channel`) asks for, or what is wrong with it.
    A focus is a topic `find_topic` knows by name, or else one `read_topic` reads in the
    words."""
    word, _, value = args.strip().partition(" ")
    word, value = word.casefold(), value.strip()
    if word in _SHOW_WORDS:
        return ShowSettings()
    name = _NAMES.get(word)
    if name is None or name not in accepted:
        return UnknownSetting(word)
    if name == "on":
        return TurnOn()
    if name == "off":
        return TurnOff()
    if not value:
        return MissingValue(name)
    if name == "focus":
        return _focus(value, find_topic, read_topic)
    return _READERS[name](value)


def _day(value: str) -> SetDay | BadValue:
    weekday = parse_weekday(value)
    return BadValue("day", value) if weekday is None else SetDay(weekday)


def _time(value: str) -> SetTime | BadValue:
    at = parse_local_time(value) or clock_with_half(value)
    return BadValue("time", value) if at is None else SetTime(f"{at:%H:%M}")


def _zone(value: str) -> SetZone | BadValue:
    try:
        return SetZone(zone_info(zone_named(value) or value).key)
    except ValueError:
        return BadValue("tz", value)


def _pause(value: str) -> Pause | PauseUntil | BadValue:
    word, _, rest = value.partition(" ")
    if word.casefold() == "until":
        day = _iso_date(rest.strip())
        return BadValue("pause", value) if day is None else PauseUntil(day)
    weeks = parse_small_int(value)
    if weeks is None or not 1 <= weeks <= MAX_PAUSE_WEEKS:
        return BadValue("pause", value)
    return Pause(weeks)


def _iso_date(text: str) -> date | None:
    """A date written YYYY-MM-DD in ASCII digits (the one unambiguous way), else None."""
    parts = text.split("-")
    if len(parts) != 3 or [len(part) for part in parts] != [4, 2, 2]:
        return None
    year, month, day = (parse_small_int(part, max_digits=4) for part in parts)
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _rhythm(value: str) -> SetRhythm | BadValue:
    weeks = parse_small_int(value.casefold().removesuffix("weeks").removesuffix("week").strip())
    return SetRhythm(weeks) if weeks in RHYTHMS else BadValue("every", value)


def _focus(
    value: str, find_topic: TopicFinder, read_topic: TopicFinder | None
) -> SetFocus | UnknownTopic | LearnOnlyTopic:
    if value.casefold() in _ROTATE_WORDS:
        return SetFocus(None)
    slug, read_from = find_topic(value), None
    if slug is None and read_topic is not None:
        slug, read_from = read_topic(value), value
    if slug is None:
        return UnknownTopic(value)
    if slug not in NUDGE_TOPICS:
        return LearnOnlyTopic(slug)
    return SetFocus(slug, read_from)


_READERS: dict[str, Callable[[str], Change | BadValue]] = {
    "day": _day,
    "time": _time,
    "tz": _zone,
    "pause": _pause,
    "every": _rhythm,
}
