"""A day and a time said in a sentence about nudges ("can you remind me on thursdays", "can
i change my nudges to fridays at 3pm", "los viernes a las 4 de la tarde"), for the settings
the sentence asks for. Only whole day names and times that say which half of the day they
are ("3pm", "15:00", "7:30 am", "a las 4 de la tarde") count: "at 3" could be either. And
what the sentence wants them to be about ("can my nudges be about home visits").
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
# Short forms typed in a hurry ("can u make it like wed at 8pm"); not "sat" or "sun", which are
# as often a verb and the sky.
_DAY_NAMES |= {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
}  # fmt: skip
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\s*([ap])?\.?\s?m?\b")
_HOUR_WITH_HALF = re.compile(r"\b(\d{1,2})\s*([ap])\.?\s?m\b")
_SPANISH_HOUR = re.compile(r"\ba las (\d{1,2})(?::(\d{2}))? de la (manana|tarde|noche)\b")
# An hour alone after "at" or "a las" ("mandame recordatorios los lunes a las 7"): which 7
# is not said, so it is asked (it had been passed over in silence, 07:30 kept).
_BARE_HOUR = re.compile(r"\b(?:a las|at) (\d{1,2})\b(?![:.,]?\d|\s*(?:%|th|st|nd|rd|o'?clock))")
# An hour alone said as the choice: "make it sunday night like 8", "around 9".
_CHOSEN_HOUR = re.compile(
    r"\b(?:like|around|at|about|a las|como a las)\s+(\d{1,2})\b(?![:.,]?\d|\s*(?:%|th|st|nd|rd))"
)
# Midday by name: "can the tuesday reminders come at lunch instead" (it had kept 07:30).
_MIDDAY = re.compile(
    r"\b(?:at lunch|lunchtime|lunch time|during lunch|at noon|noon|midday|al mediodia|"
    r"a mediodia|mediodia|a la hora (?:del|de la) (?:almuerzo|comida))\b"
)
NOON = time(12, 0)
# Said with any of these, the sentence is about not getting nudges then, or about a pause
# ("pause my nudges until monday"): left to `nudges`, which shows the settings.
_NOT = frozenset(
    ["not", "don't", "dont", "no", "stop", "never", "off", "pause", "until", "till", "skip",
     "nunca", "sin", "pausa", "pausar", "hasta"]
)  # fmt: skip


# Said right after a day, it is the day not wanted: "fridays are bad, maybe sunday night?"
# (it had set Fridays).
_BAD_AFTER = re.compile(
    r"(?:(?:are|is|r|s)\s+)?(?:(?:really|just|always|kinda|too)\s+)?(?:bad|terrible|awful|hard|"
    r"rough|busy|crazy|impossible|no good|not good|a no|out|dont work|don't work|do not work|"
    r"wont work|won't work|no me sirven?|no puedo|son malos|no funcionan?)\b"
)
# A day refused, then the one wanted: "ya no los lunes, mejor los viernes", "not mondays,
# fridays instead" (it had shown the settings and changed nothing). The day after "instead
# of" is the refused one.
_PREFERRED = frozenset(["instead", "rather", "better", "prefer", "mejor", "prefiero"])
_INSTEAD_OF = r"\b(?:instead of|rather than|en vez de|en lugar de)\s+"
_REFUSED_DAY = re.compile(rf"{_INSTEAD_OF}(?:los\s+|el\s+|on\s+)?(\w+)")
# How often (`nudges every 2|4`): "monthly instead of weekly", "every other week", "cada
# dos semanas". The first named counts, unless it is the one refused ("instead of monthly").
# Weekly is the usual rhythm: "weekly is too much" asks for less, not for weekly.
_MONTHLY = (
    r"monthly|once a month|every month|every (?:four|4) weeks|mensual(?:es|mente)?|cada mes|"
    r"una vez al mes|cada (?:cuatro|4) semanas"
)
_FORTNIGHTLY = (
    r"every other week|every (?:two|2) weeks|biweekly|bi-weekly|twice a month|"
    r"cada (?:dos|2) semanas|quincenal(?:es|mente)?|cada quince d[ií]as"
)
_RHYTHM = re.compile(rf"\b(?:(?P<monthly>{_MONTHLY})|(?P<fortnightly>{_FORTNIGHTLY}))\b")
_REFUSED_RHYTHM = re.compile(rf"{_INSTEAD_OF}(?:being\s+)?(?:{_MONTHLY}|{_FORTNIGHTLY})\b")
# A part of the day refused beside an hour wanted: "at 6pm not in the morning" asks for 6pm
# (the "not" had made it a refusal, and the settings were shown unchanged).
# Why another time is asked, not a time refused: "los martes en la noche como a las 8 pm,
# en el dia no tengo tiempo" (it had read the "no" as no nudges wanted).
_NO_TIME = re.compile(r"\b(?:no (?:tengo|tiene|hay) tiempo|no time|i have no time)\b")
_REFUSED_PART_OF_DAY = re.compile(
    r"\b(?:not|instead of|rather than|ni|no)\s+(?:in\s+|en\s+)?(?:the\s+|la\s+|las\s+)?"
    r"(?:mornings?|afternoons?|evenings?|nights?|mananas?|tardes?|noches?)\b"
)
# A clock time typed with no am or pm, its hour up to this, is the afternoon: "can the friday
# ping come after 3:30, im on bus duty" is after dismissal (it had set 03:30 at night).
AFTERNOON_UNTIL = 6
# A part of the day with a day named and no hour: its usual hour.
# "not 7:30 i have wrestling practice mornings. sunday night": the time turned down opens the
# sentence, and what follows is the one wanted (it had been no schedule at all, for "not").
_REFUSED_CLOCK = re.compile(
    r"^\W*(?:not|no|nope)\s+(?:at\s+)?\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"
)
_PART_OF_DAY = {"evening": time(18, 0), "night": time(19, 0), "noche": time(19, 0)}


# "about home visits", "focused on families who speak spanish", "sobre las visitas": what
# follows is what the nudges should be about...
_ABOUT = re.compile(r"\b(?:about|focus(?:ed)? on|sobre|acerca de|enfocad[oa]s? en)\s+(.+)")
_SENDING_REFUSED = re.compile(
    r"\b(?:not|don'?t|never|stop|quit)\s+(?:to\s+)?(?:send|sending)\b|\bno more\b|\bno me mand"
)
# ...when the nudges come before it ("can my nudges be about trust", not "tell me about
# nudges" nor "i forgot about my nudges")...
_NUDGE_WORDS = frozenset(
    ["nudge", "nudges", "tip", "tips", "reminder", "reminders", "recordatorio",
     "recordatorios", "consejo", "consejos"]
)  # fmt: skip
# ...and what follows names more than the framework itself ("are they about the framework").
_ONLY_THE_FRAMEWORK = frozenset(
    ["the", "framework", "it", "that", "this", "them", "what", "el", "marco", "eso", "esto"]
)


@dataclass(frozen=True)
class NamedSchedule:
    weekday: int | None  # 0..6, Monday first
    at: time | None
    every: int | None = None  # weeks between nudges asked for: 2 or 4 (weekly is the usual)

    def settings(self) -> list[str]:
        """As `nudges` settings: ["day thu", "time 15:00", "every 2"]."""
        return [*self.when_settings(), *self.rhythm_settings()]

    def when_settings(self) -> list[str]:
        """The day and time: ["day thu", "time 15:00"]."""
        named = [] if self.weekday is None else [f"day {WEEKDAYS[self.weekday]}"]
        return named + ([] if self.at is None else [f"time {self.at:%H:%M}"])

    def rhythm_settings(self) -> list[str]:
        """How often: ["every 2"], or none."""
        return [] if self.every is None else [f"every {self.every}"]


def schedule_named(sentence: str) -> NamedSchedule | None:
    """The day and time the sentence names for nudges, or None when it names neither or
    says it does not want them ("don't remind me on fridays"). In a message of several
    sentences whose whole says no, the last sentence may still ask: "ugh 6:30 was a mistake,
    im not even caffeinated yet. can u make it like wed at 8pm" (it had been no schedule)."""
    found = _schedule_in(sentence)
    parts = re.split(r"(?<=[.!?])\s+", sentence.strip())
    if found is None and len(parts) > 1:
        return _schedule_in(parts[-1])
    return found


# A weekday nothing should come on: "fridays are a mess dont send anything friday".
DAY_REFUSED = re.compile(
    r"\b(?:don'?t|dont|do not|never) send (?:me )?(?:anything|nothing|stuff|them|it)"
    r"(?: on)? (?:a |the )?(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b"
)


def _schedule_in(sentence: str) -> NamedSchedule | None:
    said = without_accents(sentence.casefold())
    refused_days = {found["day"] for found in DAY_REFUSED.finditer(said)}
    said = DAY_REFUSED.sub(" ", said)
    for day in refused_days:  # "fridays are a mess": the day refused, wherever it is named
        said = re.sub(rf"\b{day}s?\b", " ", said)
    said = _NO_TIME.sub(" ", said)
    said = _REFUSED_PART_OF_DAY.sub(" ", said)
    said = _REFUSED_CLOCK.sub(" ", said)
    words = re.findall(r"[\w']+", said)
    refused = {found[1] for found in _REFUSED_DAY.finditer(said)}
    days = [
        _DAY_NAMES[word]
        for index, word in enumerate(words)
        if word in _DAY_NAMES
        and word not in refused
        and not _BAD_AFTER.match(" ".join(words[index + 1 :]))
    ]
    if _NOT.intersection(words):
        if _PREFERRED.isdisjoint(words) or len(days) < 2:
            return None
        days = days[-1:]  # "ya no los lunes, mejor los viernes"
    weekday = days[0] if days else None
    at = _time_in(said)
    if at is None and weekday is not None:  # "maybe sunday night?": the evening, not 7:30
        at = next((_PART_OF_DAY[word] for word in words if word in _PART_OF_DAY), None)
    every = _rhythm_in(said)
    if weekday is None and at is None and every is None:
        return None
    return NamedSchedule(weekday, at, every)


def turns_down_a_time(sentence: str) -> bool:
    """ "not 7:30 ...": the sentence opens by turning down a clock time (the nudge's, just
    said), so the day and time it goes on to name are the nudge's."""
    return _REFUSED_CLOCK.match(without_accents(sentence.casefold())) is not None


def _rhythm_in(said: str) -> int | None:
    """Weeks between nudges the sentence asks for: "monthly instead of weekly" -> 4."""
    found = _RHYTHM.search(_REFUSED_RHYTHM.sub(" ", said))
    if found is None:
        return None
    return 4 if found["monthly"] else 2


def _time_in(said: str) -> time | None:
    part = _part_of_day_said(said)
    chosen_hour = _CHOSEN_HOUR.search(said)
    clock = _clock_asked_for(said)
    if (
        chosen_hour is not None
        and part is not None
        and clock is not None
        and clock.end() <= chosen_hour.start()
        and not _CHOSEN_BEFORE.search(said[: clock.start()])
    ):
        # "7:30 im on the field. make it sunday night like 8": the hour chosen after the
        # clock turned down (it had set 19:30).
        return _clock(int(chosen_hour[1]), 0, part) if 1 <= int(chosen_hour[1]) <= 12 else None
    with_half = _HOUR_WITH_HALF.search(said)
    if (
        clock is not None
        and with_half is not None
        and with_half.start() > clock.end()
        and _CHOSEN_BEFORE.search(said[: with_half.start()])
        and not _CHOSEN_BEFORE.search(said[: clock.start()])
    ):
        # "6:30 was a mistake. can u make it like wed at 8pm": the hour chosen after the clock
        # said (it had set 18:30).
        return _clock(int(with_half[1]), 0, with_half[2])
    if found := clock:
        hours, minutes, half = int(found[1]), int(found[2]), found[3]
        if half is None and found[1].startswith("0"):
            # "05:30", "00:30": a 24-hour clock, as typed
            return time(hours, minutes) if minutes <= 59 else None
        if half is None and 1 <= hours <= 12 and part is not None:
            half = part  # "tuesday nights? like 8:30" (it had set 08:30 in the morning)
        if half is None and 1 <= hours <= AFTERNOON_UNTIL:
            half = "p"  # "after 3:30, im on bus duty"
        return _clock(hours, minutes, half)
    if found := _HOUR_WITH_HALF.search(said):
        return _clock(int(found[1]), 0, found[2])
    if found := _SPANISH_HOUR.search(said):
        half = "a" if found[3] == "manana" else "p"
        return _clock(int(found[1]), int(found[2] or 0), half)
    if part is not None and (found := _BARE_HOUR.search(said)) and 1 <= int(found[1]) <= 12:
        return _clock(int(found[1]), 0, part)  # "los martes en la noche como a las 8"
    if (found := _SCHOOL_DAY_HOUR.search(said)) and 1 <= int(found[1]) <= AFTERNOON_UNTIL:
        return _clock(int(found[1]), 0, "p")  # "tuesdays around 1 after lunch duty"
    return NOON if _MIDDAY.search(said) else None


# An afternoon hour said alone in the school day, with nothing after it that makes it a count
# ("around 1 after lunch duty", "like 3ish"; not "about 3 families").
_SCHOOL_DAY_HOUR = re.compile(
    r"\b(?:like|around|about|by)\s+(\d)(?:ish)?(?=\s*(?:$|[,.!?;)]|(?:after|before|or|"
    r"o'?clock|then|on|please|pls|if|when|since|cuz|bc|because)\b))"
)


# A part of the day said beside an hour with no am or pm: which half of the clock it is.
_EVENING_WORDS = re.compile(
    r"\b(?:nights?|evenings?|tonight|after dinner|en la noche|por la noche|de la noche|"
    r"noches|en la tarde|por la tarde)\b"
)
_MORNING_WORDS = re.compile(
    r"\b(?:mornings?|before school|en la manana|por la manana|de la manana|temprano)\b"
)


def _clock_asked_for(said: str) -> re.Match[str] | None:
    """The clock time asked for: the first, or of several the one said as the choice ("7:30
    im on bus duty. make it fridays at 3:30": 3:30; it had set 7:30)."""
    clocks = list(_CLOCK.finditer(said))
    chosen = [c for c in clocks if _CHOSEN_BEFORE.search(said[: c.start()])]
    if chosen:
        return chosen[-1]
    return clocks[0] if clocks else None


# Said just before the clock time wanted.
_CHOSEN_BEFORE = re.compile(r"\b(?:make it|at|to|around|like|instead|a las|mejor)\s+(?:\w+\s+)?$")


def _part_of_day_said(said: str) -> str | None:
    """ "p" when the sentence says evening or night, "a" when it says morning, else None."""
    evening, morning = _EVENING_WORDS.search(said), _MORNING_WORDS.search(said)
    if evening and not morning:
        return "p"
    if morning and not evening:
        return "a"
    return None


def clock_with_half(value: str) -> time | None:
    """ "8pm", "7:15 pm", "6:30a.m.": a time typed with its am or pm and nothing else, as
    `nudges time 8pm` takes it (it had asked for HH:MM, and nobody says 20:00)."""
    said = without_accents(value.strip().casefold())
    found = _TIME_WITH_HALF_ALONE.fullmatch(said)
    if found is None:
        return None
    return _clock(int(found[1]), int(found[2] or 0), found[3])


_TIME_WITH_HALF_ALONE = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?")


def hour_without_half(sentence: str) -> int | None:
    """The hour said with no am, pm or part of the day ("a las 7", "at 8"), when the
    sentence names no time otherwise; None when there is none."""
    said = without_accents(sentence.casefold())
    if _time_in(said) is not None:
        return None
    found = _BARE_HOUR.search(said)
    return int(found[1]) if found is not None and 1 <= int(found[1]) <= 12 else None


def _clock(hours: int, minutes: int, half: str | None) -> time | None:
    """24-hour time from what was typed; None for what is no time ("25:00", "13pm")."""
    if half is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half == "p" else 0)
    return time(hours, minutes) if hours <= 23 and minutes <= 59 else None


def kind_refused(sentence: str) -> bool:
    """ "can you not send me stuff thats for principals": a kind of nudge not wanted, not all
    of them (a stop, or a pause, names none)."""
    said = sentence.casefold()
    return _SENDING_REFUSED.search(said) is not None and _NOT_FOR_ME.search(said) is not None


_NOT_FOR_ME = re.compile(
    r"\b(?:that'?s|thats|that are|that is|meant|made|written)\s+for\b"
    r"|\b(?:stuff|things|ones|tips|nudges)\s+(?:for|about)\b"
)


def focus_named(sentence: str) -> str | None:
    """The words a sentence about nudges says they should be about ("can my nudges be about
    home visits": "home visits"), or None when it names nothing so or does not want them."""
    said = sentence.casefold().strip().rstrip("?!.")
    found = _ABOUT.search(said)
    if found is None or _SENDING_REFUSED.search(said):
        # "...the nudge about the school improvement plan... can you not send me stuff thats
        # for principals": what they should not be about (it had become their focus).
        return None
    # Only the words before "about" say whether they are wanted: "about families that dont
    # speak english" is what they should be about.
    asked = re.findall(r"[\w']+", without_accents(said[: found.start()]))
    about = re.findall(r"[\w']+", without_accents(found[1]))
    if _NOT.intersection(asked) or _NUDGE_WORDS.isdisjoint(asked):
        return None
    if not _NUDGE_WORDS.isdisjoint(about) or _ONLY_THE_FRAMEWORK.issuperset(about):
        return None
    return found[1].strip()
