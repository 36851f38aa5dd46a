"""The weekly nudge switched off and timed in plain words: "stop sending me these" while it
is on turns it off, and "friday at 3pm" right after `nudges on` is when it should come."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from bot.weekly.schedule_words import schedule_named
from tests.clock import FakeClock
from tests.dialog import Conversation


@pytest.mark.parametrize(
    "said",
    [
        "stop sending me these",
        "turn off nudges",
        "please stop sending me the weekly messages",
        "no more nudges please",
        "turn these off",  # had: how to use `reframe`
    ],
)
def test_asking_to_stop_while_nudges_are_on_turns_them_off(app: CoachApp, said: str) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    # Had: the settings card, still on.
    assert "Weekly nudges are off" in educator.says(said)
    assert "Weekly nudges: off" in educator.says("nudges")


def test_stopping_a_student_translating_is_no_stop_of_the_nudges(app: CoachApp) -> None:
    # Session 37: a case manager's question about a student turned the nudges off.
    educator = Conversation(app.coach)
    educator.says("nudges on")
    asked = educator.says(
        "this nudge is actually relevant for once. mom only speaks spanish and Danny still "
        "jumps in and translates bc the interpreter is slow. how do i stop that without "
        "embarrassing him"
    )
    assert "Weekly nudges are off" not in asked
    assert "Weekly nudges: on" in educator.says("nudges")


def test_a_part_not_wanted_leaves_the_nudges_on(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    educator.says("stop sending me nudges about home visits")
    assert "Weekly nudges: on" in educator.says("nudges")


def test_a_day_and_time_right_after_nudges_on_set_when_they_come(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    # Had: "Schedules are doing a lot of the talking here..." (a week short of time).
    reply = educator.says("friday at 3pm")
    assert "Nudges will come on Fridays" in reply and "15:00" in reply
    settings = educator.says("nudges")
    assert "Friday" in settings and "15:00" in settings


def test_a_day_and_time_a_week_later_are_not_taken_for_the_settings(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    clock.advance(days=7)
    educator.says("friday at 3pm")
    assert "Tuesday" in educator.says("nudges")


def test_a_sentence_after_the_command_word_is_read_as_a_sentence(app: CoachApp) -> None:
    # Session 35: "recordatorios los lunes a las 7am" had been "I don't know the option `los`".
    educator = Conversation(app.coach)
    educator.says("language es")
    reply = educator.says("recordatorios los lunes a las 7am")
    assert "07:00" in reply and "lunes" in reply and "`los`" not in reply


def test_an_hour_with_no_morning_or_evening_is_asked_not_passed_over(app: CoachApp) -> None:
    # Session 35: "a las 7" had kept 07:30 without a word.
    educator = Conversation(app.coach)
    educator.says("language es")
    reply = educator.says("mandame recordatorios los lunes a las 7 porfa")
    assert "recordatorios time 07:00" in reply and "recordatorios time 19:00" in reply
    assert "Hora: 07:30" in educator.says("recordatorios")


def test_a_focus_said_beside_the_day_and_time_is_set_too(app: CoachApp) -> None:
    # Session 35: the day and time were set and "focused on ..." dropped without a word.
    educator = Conversation(app.coach)
    reply = educator.says(
        "send me a nudge every Monday at 7:15am, focused on getting my staff to make positive calls"
    )
    assert "Mon Nov 23, 07:15" in reply and "Nudges will stay on" in reply
    assert "Focus: Relational, built on mutual trust only" in educator.says("nudges")


def test_remind_me_to_do_this_is_the_weekly_nudge_not_a_task(app: CoachApp) -> None:
    # Session 35: had been "I can't remind you about one task on one day".
    educator = Conversation(app.coach)
    reply = educator.says("remind me every sunday night to do this stuff")
    assert "Weekly nudges are on" in reply and "Sun Nov 22, 19:00" in reply
    assert "one task" in educator.says("remind me to call Mrs Diaz on friday")


@pytest.mark.parametrize(
    ("said", "paused_until"),
    [
        ("pause nudges til jan 5 please", "Paused until: Tue Jan 5"),
        # Thanksgiving's break takes in its Friday: back the Monday after.
        ("can you pause my nudges through thanksgiving", "Paused until: Mon Nov 30"),
        ("ugh no reminders til after thanksgiving", "Paused until: Mon Nov 30"),
        ("pause them till 1/5", "Paused until: Tue Jan 5"),
        # The week asked for is the whole week (had: until the Thursday named, and the nudge
        # came on Thanksgiving).
        (
            "we're off thursday and friday. can you skip this week's nudge?",
            "Paused until: Mon Nov 23",
        ),
        # The command's own date, inside a sentence (had: "What day are you back?").
        ("ok. I'm going on winter break. nudges pause until 2027-01-04", "Paused until: Mon Jan 4"),
    ],
)
def test_a_pause_said_in_words_is_made(app: CoachApp, said: str, paused_until: str) -> None:
    # Session 36: each had shown the settings unchanged, or "That sounds like a lot".
    educator = Conversation(app.coach)
    educator.says("nudges on")
    assert "Nudges are paused until" in educator.says(said)
    settings = educator.says("nudges")
    assert "Weekly nudges: on" in settings and paused_until in settings


def test_a_pause_in_spanish_reads_the_day_first(app: CoachApp) -> None:
    maestra = Conversation(app.coach, locale="es-MX")
    maestra.says("idioma es")
    maestra.says("recordatorios on")
    assert "en pausa hasta el martes 5 de enero" in maestra.says(
        "pausa los recordatorios hasta el 5/1 porfa"
    )


def test_a_break_that_starts_later_is_kept_for_later(app: CoachApp) -> None:
    # Had: nudges off for good, two weeks before the break; then "type it on your last day".
    nurse = Conversation(app.coach)
    nurse.says("nudges on")
    reply = nurse.says("no more nudges over winter break pls, we're out dec 21 thru jan 4")
    assert "no nudges from Mon Dec 21, and they come back Tue Jan 5" in reply
    settings = nurse.says("nudges")
    assert "Weekly nudges: on" in settings and "Paused until" not in settings
    assert "Next nudge: Tue Nov 17" in settings
    assert "A break ahead: paused from Mon Dec 21, back Tue Jan 5" in settings
    assert "What day are you back?" in nurse.says("no nudges over spring break")


def test_a_day_named_that_has_just_passed_is_not_next_year_s(app: CoachApp) -> None:
    # Session 36's last read: "til after thanksgiving" said in December paused for a year.
    teacher = Conversation(app.coach)
    teacher.says("nudges on")
    # The test clock says November 16th: November 10th has just passed.
    assert "What day are you back?" in teacher.says("pause nudges until nov 10")
    assert "Paused until" not in teacher.says("nudges")


def test_a_month_with_no_day_asks_which_day_back(app: CoachApp) -> None:
    # Session 37: "pause nudges til january" had shown the settings, unchanged.
    educator = Conversation(app.coach)
    educator.says("nudges on")
    assert "What day are you back?" in educator.says("pause nudges til january")


@pytest.mark.parametrize(
    ("said", "locale", "at"),
    [
        # Session 37: 08:30 in the morning had been set, in the middle of class.
        ("can it be tuesday nights? like 8:30 after my own stuff is done", None, "20:30"),
        ("monday mornings at 6:45 please", None, "06:45"),
    ],
)
def test_an_hour_beside_a_part_of_the_day_is_that_half_of_the_clock(
    app: CoachApp, said: str, locale: str | None, at: str
) -> None:
    educator = Conversation(app.coach, locale=locale)
    educator.says("nudges on")
    educator.says(said)
    assert at in educator.says("nudges")


def test_an_hour_said_with_the_night_in_spanish_is_the_evening() -> None:
    # Session 37: "Dijo las 8 sin decir si de la mañana o de la noche", though she had.
    named = schedule_named("los martes en la noche como a las 8")
    assert named is not None and named.weekday == 1 and f"{named.at:%H:%M}" == "20:00"


def test_a_change_asked_beside_weariness_is_made(app: CoachApp) -> None:
    # Session 37: "Parece mucho, y es normal sentirse así", and nothing changed.
    coordinator = Conversation(app.coach, locale="es-MX")
    coordinator.says("nudges on")
    changed = coordinator.says(
        "cambia los recordatorios para los lunes a las 7 de la mañana, los martes en la noche "
        "ya estoy muy cansada"
    )
    assert "07:00" in changed and "lunes" in changed
