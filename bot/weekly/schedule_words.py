"""A day and a time said in a sentence about nudges ("can you remind me on thursdays", "can
i change my nudges to fridays at 3pm", "los viernes a las 4 de la tarde"), for the settings
the sentence asks for. Only whole day names and times that say which half of the day they
are ("3pm", "15:00", "7:30 am", "a las 4 de la tarde") count: "at 3" could be either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from bot.text import without_accents
from bot.weekly.schedule import SPANISH_WEEKDAY_NAMES, WEEKDAY_NAMES, WEEKDAYS

_DAY_NAMES = {
    name: index
    for index, (english, spanish) in enumerate(
        zip(WEEKDAY_NAMES, SPANISH_WEEKDAY_NAMES, strict=True)
    )
    for name in (english.casefold(), f"{english.casefold()}s", spanish, f"{spanish}s")
}
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\s*([ap])?\.?\s?m?\b")
_HOUR_WITH_HALF = re.compile(r"\b(\d{1,2})\s*([ap])\.?\s?m\b")
_SPANISH_HOUR = re.compile(r"\ba las (\d{1,2})(?::(\d{2}))? de la (manana|tarde|noche)\b")
# Said with any of these, the sentence is about not getting nudges then, or about a pause
# ("pause my nudges until monday"): left to `nudges`, which shows the settings.
_NOT = frozenset(
    ["not", "don't", "dont", "no", "stop", "never", "off", "pause", "until", "till", "skip",
     "nunca", "sin", "pausa", "pausar", "hasta"]
)  # fmt: skip


@dataclass(frozen=True)
class NamedSchedule:
    weekday: int | None  # 0..6, Monday first
    at: time | None

    def settings(self) -> list[str]:
        """As `nudges` settings: ["day thu", "time 15:00"]."""
        named = [] if self.weekday is None else [f"day {WEEKDAYS[self.weekday]}"]
        return named + ([] if self.at is None else [f"time {self.at:%H:%M}"])


def schedule_named(sentence: str) -> NamedSchedule | None:
    """The day and time the sentence names for nudges, or None when it names neither or
    says it does not want them ("don't remind me on fridays")."""
    said = without_accents(sentence.casefold())
    words = re.findall(r"[\w']+", said)
    if _NOT.intersection(words):
        return None
    weekday = next((_DAY_NAMES[word] for word in words if word in _DAY_NAMES), None)
    at = _time_in(said)
    return None if weekday is None and at is None else NamedSchedule(weekday, at)


def _time_in(said: str) -> time | None:
    if found := _CLOCK.search(said):
        hours, minutes, half = int(found[1]), int(found[2]), found[3]
        return _clock(hours, minutes, half)
    if found := _HOUR_WITH_HALF.search(said):
        return _clock(int(found[1]), 0, found[2])
    if found := _SPANISH_HOUR.search(said):
        half = "a" if found[3] == "manana" else "p"
        return _clock(int(found[1]), int(found[2] or 0), half)
    return None


def _clock(hours: int, minutes: int, half: str | None) -> time | None:
    """24-hour time from what was typed; None for what is no time ("25:00", "13pm")."""
    if half is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half == "p" else 0)
    return time(hours, minutes) if hours <= 23 and minutes <= 59 else None
