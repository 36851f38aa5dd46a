"""A pause of the weekly nudge said in a sentence: "pause nudges til jan 5", "no nudges next
week pls", "pausa los recordatorios hasta el 5 de enero", "no more nudges over winter break,
we're out dec 21 thru jan 4" (session 36: these had shown the settings, or turned the nudges
off for good). Dates are read as a US educator writes them in English (month first: "1/5")
and as a Spanish speaker does in Spanish (day first); month names come from Babel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from babel.dates import get_month_names

from bot.text import without_accents
from bot.weekly.schedule import parse_weekday
from bot.weekly.schedule_words import DAY_REFUSED

# The words that ask for a pause, beside a day it ends or a stretch of weeks.
_PAUSE = re.compile(
    r"\b(?:pause|pausa|pausar|pausalos|pausalas|hold|skip|salta|saltar|no (?:more )?(?:nudges?|"
    r"reminders?|tips?|messages|pings?)|sin (?:recordatorios|mensajes)|no me (?:mandes|mande|"
    r"envies|envie)|no (?:recordatorios|mensajes)|stop (?:them|these|the nudges|the reminders|"
    r"nudges|reminders)?\s*(?:until|til|till|through|thru)|stop (?:the |these |my |your |all )?"
    r"(?:\w+ )?(?:messages|nudges|reminders|texts|pings|tips) (?:until|til|till|through|thru)"
    r"|off (?:until|til|till)|(?:turn|switch|shut) off (?:the |my |these |your |all )?(?:\w+ )?"
    r"(?:nudges|reminders|messages|tips|pings|texts) (?:until|til|till|through|thru)"
    r"|over (?:the |"
    r"winter |spring |fall |thanksgiving |holiday )?break|durante (?:las )?vacaciones|"
    r"(?:don'?t|dont|do not|not) send (?:me )?(?:anything|any more|anymore|nothing|stuff)|no me "
    r"(?:mandes|mande|envies|envie) nada)\b"
)
_UNTIL = r"(?:until|til|till|hasta(?: el)?|before)"
# Said before the day school starts again: "go back january 5th", "we're back the 4th",
# "regresamos el 5 de enero". That day is the day back, whatever else the sentence names
# ("we get out friday the 18th and go back january 5th. nothing over christmas": it had
# paused until Christmas).
_BACK = (
    r"(?:back|return|returning|regresamos|volvemos|regreso|vuelvo)"
    r"(?:\s+(?:on|to school on|el))?"
)
_THROUGH = r"(?:through|thru|after|despues de(?:l)?|tras)"
# "can you skip this week's nudge?", "salta el de esta semana": back next Monday.
_THIS_WEEK = re.compile(r"\bthis week'?s?\b|\besta semana\b")
_NEXT_WEEK = re.compile(
    r"\b(?:next week'?s?|la (?:proxima|siguiente) semana|la semana que viene)\b"
)
_WEEKS = re.compile(
    r"\b(?<!once )(?<!twice )(?:for )?(\d{1,2}|a|one|two|three|four|una|dos|tres|cuatro) "
    r"(?:weeks?|semanas?)\b"
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "una": 1, "dos": 2, "tres": 3,
           "cuatro": 4}  # fmt: skip
# Days off by name: Thanksgiving (the fourth Thursday of November), and the year's end.
_THANKSGIVING = r"thanksgiving|accion de gracias"
_CHRISTMAS = r"christmas|xmas|navidad"
_NEW_YEAR = r"new year'?s?(?: day)?|ano nuevo"
# A break named without its dates: when the educator is back is asked.
# A day named in words is taken as a pause's end up to this far ahead; a later one asks.
FARTHEST_NAMED = timedelta(weeks=16)
_BREAK_ONLY = re.compile(r"\b(?:winter|spring|fall|holiday|christmas|the) break\b|vacaciones")


@dataclass(frozen=True)
class PauseAsked:
    """What a sentence asks: a pause until a day (nudges start again that day), a number of
    weeks, a break that starts later than the next nudge, or a break with no day back."""

    until: date | None = None
    weeks: int | None = None
    later: tuple[date, date] | None = None  # (the first day off, the day back)
    when_back_asked: bool = False


# "can you not send me anything next week": nothing from the coach, which is the nudges.
SENDS_NOTHING = re.compile(
    r"\b(?:don'?t|dont|do not|not) send (?:me )?(?:anything|any more|anymore|nothing|stuff)|no me "
    r"(?:mandes|mande|envies|envie) nada\b"
)


def asks_for_a_pause(sentence: str) -> bool:
    """Whether the sentence has the words of a pause ("no nudges next week", "pausa")."""
    return _PAUSE.search(_without_a_day_refused(sentence)) is not None


def _without_a_day_refused(sentence: str) -> str:
    """A weekday refused is no pause: "fridays are a mess dont send anything friday" (it had
    paused the nudges for "once a week" and turned them off)."""
    return DAY_REFUSED.sub(" ", without_accents(sentence.casefold()))


def pause_named(sentence: str, today: date, *, day_first: bool) -> PauseAsked | None:
    """The pause the sentence asks for, or None when it asks none."""
    said = _without_a_day_refused(sentence)
    if _PAUSE.search(said) is None:
        return None
    weeks = _WEEKS.search(said)
    if weeks is not None and not _days_named(said, today, day_first=day_first):
        # "out about 3 weeks... till I'm back, probably feb 22": the day back, when one is
        # named, says it better than the count.
        count = weeks[1]
        return PauseAsked(weeks=int(count) if count.isdigit() else _COUNTS[count])
    this_monday = today - timedelta(days=today.weekday())
    if _NEXT_WEEK.search(said):
        # "can you skip next weeks reminder? funeral is thursday": that week only; this
        # week's nudge still comes.
        next_monday = this_monday + timedelta(weeks=1)
        return PauseAsked(later=(next_monday, next_monday + timedelta(weeks=1)))
    if _THIS_WEEK.search(said):
        # "we're off thursday and friday for thanksgiving. can you skip this week's nudge?":
        # the whole week (it had paused until the Thursday, and the nudge came on it).
        return PauseAsked(until=this_monday + timedelta(weeks=1))
    days = _days_named(said, today, day_first=day_first)
    backs = [day for how, day in days if how == "back"]
    if backs:
        # The day back said as such; the break starts at the first day named before it.
        before = sorted(day for how, day in days if how != "back" and day < backs[-1])
        days = [("until", day) for day in before[:1]]
        days.append(("until", backs[-1]))
    if len(days) >= 2 and days[0][1] < days[-1][1]:
        (_, first), (how, last) = days[0], days[-1]
        back = last if how == "until" else last + timedelta(days=1)
        if first > today + timedelta(days=7):
            return PauseAsked(later=(first, back))
        return PauseAsked(until=back)
    if days:
        how, day = days[-1]
        back = day if how == "until" else day + timedelta(days=1)
        if back > today + FARTHEST_NAMED:
            # "til after thanksgiving" said on December 5th named next year's: a day just
            # past, most likely (it had paused the nudges for a year). When back is asked.
            return PauseAsked(when_back_asked=True)
        return PauseAsked(until=back)
    if _BREAK_ONLY.search(said) or _month_alone().search(said):
        # "pause nudges til january": which day in it is asked (it had shown the settings).
        return PauseAsked(when_back_asked=True)
    return None


def _days_named(said: str, today: date, *, day_first: bool) -> list[tuple[str, date]]:
    """Each day the sentence names, in order, with how it is said: "until" (the day back) or
    "through" (the last day off, "thru jan 4", "after thanksgiving")."""
    found: list[tuple[int, str, date]] = []
    for match in _date_pattern().finditer(said):
        day = _day_of(match, today, day_first=day_first)
        if day is None:
            continue
        before = said[max(0, match.start() - 12) : match.start()]
        through = re.search(rf"{_THROUGH}\s*(?:el\s+)?$", before) is not None
        until = re.search(rf"{_UNTIL}\s*(?:el\s+)?$", before) is not None
        if re.search(rf"\b{_BACK}\s*$", said[max(0, match.start() - 20) : match.start()]):
            found.append((match.start(), "back", day))
            continue
        if match["weekday"] is not None and not (through or until):
            continue  # "ya no los lunes, mejor los viernes": when they come, not a pause
        holiday = match["holiday"] is not None
        if holiday and through and re.search(_THANKSGIVING, match["holiday"]):
            # "til after thanksgiving": the Monday after it, when school is back.
            day += timedelta(days=(7 - day.weekday()) % 7 or 7)
            found.append((match.start(), "until", day))
            continue
        if holiday and not until and any(how != "named holiday" for _, how, _ in found):
            continue  # "hasta el 10 de enero, estamos de vacaciones de navidad": the break
        how = "through" if through else "until" if until or not holiday else "named holiday"
        found.append((match.start(), how, day))
    marked = [item for item in found if item[1] != "named holiday"]
    if marked and len(marked) < len(found):
        found = marked  # a holiday named before the day said ("for christmas ... until jan 5")
    ordered = sorted(found, key=lambda item: item[0])
    return [("until" if how == "named holiday" else how, day) for _, how, day in ordered]


@cache
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(_month_numbers(), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<month>{months})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:de |of )?(?P<month2>{months})"
        r"|(?P<year>\d{4})-(?P<month3>\d{1,2})-(?P<day3>\d{1,2})"
        r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/\d{2,4})?"
        rf"|(?P<holiday>{_THANKSGIVING}|{_CHRISTMAS}|{_NEW_YEAR})(?! break| vacation| holidays)"
        # "starting the 21st": a day of this month, or the next when it has passed.
        r"|the (?P<ordinal>\d{1,2})(?:st|nd|rd|th)(?! (?:grade|graders?|period|place|floor|time))"
        r"|(?P<weekday>monday|tuesday|wednesday|thursday|friday|lunes|martes|miercoles|jueves"
        r"|viernes))\b"
    )


def names_a_month(sentence: str) -> bool:
    """ "can u remind me in jan?", "me lo recuerdas en febrero?": a month named."""
    return _any_month().search(without_accents(sentence.casefold())) is not None


@cache
def _any_month() -> re.Pattern[str]:
    # "may" and "mar" are everyday words more often than months ("remind me, may be late").
    named = [name for name in _month_numbers() if name not in ("may", "mar")]
    months = "|".join(sorted(named, key=len, reverse=True))
    return re.compile(rf"\b(?:{months})\b")


@cache
def _month_alone() -> re.Pattern[str]:
    """A month named after "until" with no day: "til january", "hasta enero"."""
    months = "|".join(sorted(_month_numbers(), key=len, reverse=True))
    return re.compile(rf"\b{_UNTIL}\s+(?:{months})\b")


@cache
def _month_numbers() -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in ("en", "es"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[without_accents(name.casefold().rstrip("."))] = number
    names["sep"] = 9
    return names


def _day_of(match: re.Match[str], today: date, *, day_first: bool) -> date | None:
    if match["holiday"] is not None:
        return _holiday(match["holiday"], today)
    if match["weekday"] is not None:
        weekday = parse_weekday(match["weekday"])
        return (
            None
            if weekday is None
            else today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        )
    if match["year"] is not None:  # "nudges pause until 2027-01-04" inside a sentence
        try:
            return date(int(match["year"]), int(match["month3"]), int(match["day3"]))
        except ValueError:
            return None
    if match["ordinal"] is not None:
        day = int(match["ordinal"])
        named = _WEEKDAY_BEFORE.search(match.string, 0, match.start())
        if named is not None:  # "friday the 18th": the next 18th that is a Friday
            return _next_on_weekday(day, parse_weekday(named[1]), today)
        month = today.month if day >= today.day else today.month % 12 + 1
        return _next_date(month, day, today)
    if match["a"] is not None:
        first, second = int(match["a"]), int(match["b"])
        month, day = (second, first) if day_first else (first, second)
    else:
        month = _month_numbers()[match["month"] or match["month2"]]
        day = int(match["day"] or match["day2"])
    return _next_date(month, day, today)


_WEEKDAY_BEFORE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*(?:the\s+)?$"
)


def _next_on_weekday(day: int, weekday: int | None, today: date) -> date | None:
    """The next date (today on) with this day of the month on this weekday, within a year."""
    year, month = today.year, today.month
    for _ in range(12):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= today and candidate.weekday() == weekday:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _next_date(month: int, day: int, today: date) -> date | None:
    """That month and day this year, or next year once it has passed."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= today:
            return candidate
    return None


def _holiday(name: str, today: date) -> date | None:
    if re.fullmatch(_THANKSGIVING, name):
        for year in (today.year, today.year + 1):
            first = date(year, 11, 1)
            thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
            if thursday >= today:
                return thursday
        return None
    if re.fullmatch(_CHRISTMAS, name):
        return _next_date(12, 25, today)
    return _next_date(1, 1, today)
