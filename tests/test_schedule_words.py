"""A day and a time said in a sentence about nudges, read as the settings it asks for, and
what the sentence wants them to be about."""

from __future__ import annotations

import pytest

from bot.weekly.schedule_words import focus_named, schedule_named


@pytest.mark.parametrize(
    ("sentence", "settings"),
    [
        ("can you remind me on thursdays", ["day thu"]),
        ("can i change my nudges to fridays at 3pm", ["day fri", "time 15:00"]),
        ("nudges at 7:30 am please", ["time 07:30"]),
        ("move my nudges to 15:00", ["time 15:00"]),
        ("los viernes a las 4 de la tarde", ["day fri", "time 16:00"]),
        ("quiero cambiar el día de los recordatorios al miércoles", ["day wed"]),
        ("remind me mondays 12am", ["day mon", "time 00:00"]),
        # The day said to be bad is not the day (had: Fridays at 07:30).
        ("fridays are bad, maybe sunday night?", ["day sun", "time 19:00"]),
        ("mondays are crazy, wednesday at 3pm", ["day wed", "time 15:00"]),
        # A day refused and another wanted (had: nothing set, the settings shown).
        ("ya no me mandes los recordatorios los lunes, mejor los viernes porfa", ["day fri"]),
        ("not mondays, fridays instead", ["day fri"]),
        ("fridays instead of mondays", ["day fri"]),
        # How often (had: nothing set).
        ("how do i make the reminders monthly instead of weekly", ["every 4"]),
        ("instead of weekly can it be every other week", ["every 2"]),
        ("mándamelos cada dos semanas los jueves", ["day thu", "every 2"]),
        # An hour of the afternoon typed without pm (had: 03:30 at night).
        ("can the friday ping come after 3:30, im on bus duty", ["day fri", "time 15:30"]),
        ("nudges at 8:15 before the kids come in", ["time 08:15"]),
        ("nudges at 05:30 please, before the gym", ["time 05:30"]),
        # A part of the day refused beside the hour wanted (had: nothing set).
        ("can you make the tips come at 6pm not in the morning", ["time 18:00"]),
        # Midday by name (had: the day alone, still at 07:30).
        ("can the tuesday reminders come at lunch instead", ["day tue", "time 12:00"]),
        ("mándamelos los jueves al mediodía", ["day thu", "time 12:00"]),
        # A clock time is read before the word for midday.
        ("nudges at 12:30 during lunch", ["time 12:30"]),
    ],
)
def test_a_day_and_a_time_in_a_sentence_are_the_settings_it_asks_for(
    sentence: str, settings: list[str]
) -> None:
    named = schedule_named(sentence)
    assert named is not None and named.settings() == settings


@pytest.mark.parametrize(
    "sentence",
    [
        "don't remind me on fridays",  # not wanted then
        "pause my nudges until monday",  # a pause, not a day
        "how many nudges do i have left",  # no day, no time
        "nudges at 3",  # which 3?
        "at 13pm",  # no such time
        "we sat in the sun at 3",  # "sat" and "sun" are no days, and "3" no time
        "fridays are bad",  # the only day named is not wanted
        "weekly is too much",  # less often, but how often is not said
        "stop the monday reminders, mondays are film day",  # refused, none wanted instead
    ],
)
def test_what_names_no_clear_day_or_time_sets_nothing(sentence: str) -> None:
    assert schedule_named(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "focus"),
    [
        ("can my nudges be about home visits?", "home visits"),
        (
            "i want the weekly tips focused on families who dont speak english",
            "families who dont speak english",
        ),  # "dont" is what they are about, not a no
        ("quiero que mis recordatorios sean sobre las familias nuevas", "las familias nuevas"),
        ("stop sending me nudges about attendance", None),  # not wanted
        ("turn my nudges on", None),  # nothing they should be about
        ("tell me about nudges", None),  # about the nudges themselves
        ("i forgot about my nudges", None),
        ("how do the nudges work, are they about the framework", None),
        ("i care about families, what are nudges", None),  # "about" before the nudges
    ],
)
def test_what_a_sentence_wants_the_nudges_to_be_about(sentence: str, focus: str | None) -> None:
    assert focus_named(sentence) == focus
