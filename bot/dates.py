"""Days and dates in the language being spoken, in Babel's (CLDR) locale data.

English keeps the short forms the coach has always shown ("Tue Dec 1"); Spanish reads as a
Spanish speaker writes a date ("martes 1 de diciembre"), lower-case as the language has it.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime, get_day_names

from bot.i18n import current_language

# CLDR patterns per language: a day, a day with its year, a day with the time.
DAY = {"en": "EEE MMM d", "es": "EEEE d 'de' MMMM"}
DAY_WITH_YEAR = {"en": "EEE MMM d, y", "es": "EEEE d 'de' MMMM 'de' y"}
DAY_AND_TIME = {"en": "EEE MMM d, HH:mm", "es": "EEEE d 'de' MMMM, HH:mm"}


def _pattern(patterns: dict[str, str]) -> tuple[str, str]:
    language = current_language()
    return patterns.get(language, patterns["en"]), language


def day_label(day: date) -> str:
    """'Tue Dec 1' / 'martes 1 de diciembre'."""
    pattern, language = _pattern(DAY)
    return format_date(day, pattern, locale=language)


def day_with_year_label(day: date) -> str:
    """'Tue Dec 1, 2026' / 'martes 1 de diciembre de 2026'."""
    pattern, language = _pattern(DAY_WITH_YEAR)
    return format_date(day, pattern, locale=language)


def day_and_time_label(moment: datetime) -> str:
    """'Tue Dec 1, 07:30' / 'martes 1 de diciembre, 07:30' (moment already local)."""
    pattern, language = _pattern(DAY_AND_TIME)
    return format_datetime(moment, pattern, tzinfo=moment.tzinfo, locale=language)


def weekday_name(index: int) -> str:
    """0 = Monday: 'Tuesday' / 'martes'."""
    return str(get_day_names("wide", locale=current_language())[index])


def weekday_short(index: int) -> str:
    """0 = Monday: 'Tue' / 'mar'."""
    return str(get_day_names("abbreviated", locale=current_language())[index])
