"""The day a planned action is for, when its words name one ("Call Mrs. Popal on Wednesday",
"el jueves le mando la nota"): how it went is not asked before that day has come."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.text import without_accents
from bot.understanding.normalise import for_matching, words
from bot.weekly.schedule import SPANISH_WEEKDAY_NAMES, WEEKDAY_NAMES

# Days an action may be planned for, by name ("call Mrs. Popal on Wednesday", "el jueves"):
# full names only ("sat down with dad" names no Saturday).
_DAYS_BY_NAME = {
    name: index
    for index, names in enumerate(zip(WEEKDAY_NAMES, SPANISH_WEEKDAY_NAMES, strict=True))
    for name in (names[0].casefold(), names[1])
}
# ...and short forms typed in a hurry ("ask mom at jaylen's 504 followup thurs"), none a word
# of its own ("sat", "sun" are left out).
_SHORT_DAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3,
               "thurs": 3, "fri": 4}  # fmt: skip
_TOMORROW = frozenset(["tomorrow", "tmrw", "tmr"])
_ENGLISH_DAYS = frozenset(name.casefold() for name in WEEKDAY_NAMES)


def day_still_ahead(action: str, chosen_at: datetime, now: datetime, zone: ZoneInfo) -> str | None:
    """The day the action is planned for ("Call Mrs. Popal on Wednesday") when it has not
    come yet in the educator's zone, by its name; None when it names none or it has come.
    Asked how it went before it (a Tuesday night's nudge about Wednesday's call), an educator
    can only say "not yet", and it counts as a miss."""
    chosen = _in_zone(chosen_at, zone).date()
    for word in words(for_matching(action)):
        plain = without_accents(word.strip(".,;:!?"))
        if plain in _TOMORROW:
            due = chosen + timedelta(days=1)
        elif plain in _DAYS_BY_NAME or plain in _SHORT_DAYS:
            weekday = _DAYS_BY_NAME.get(plain, _SHORT_DAYS.get(plain, 0))
            due = chosen + timedelta(days=(weekday - chosen.weekday()) % 7)
            if plain in _SHORT_DAYS:
                plain = WEEKDAY_NAMES[weekday].casefold()
        else:
            continue
        # As a day is written: "Thursday" in English, "jueves" in Spanish, "tomorrow".
        named = plain.capitalize() if plain in _ENGLISH_DAYS else plain
        return named if _in_zone(now, zone).date() <= due else None
    return None


def _in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """A stored moment in the educator's zone (SQLite gives UTC back without its zone)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)
