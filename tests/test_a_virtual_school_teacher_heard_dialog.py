"""A high school English teacher at a statewide virtual school, who has never met a family in
person (session 40): what he said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_a_time_with_am_or_pm_is_a_nudge_time(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "mr-bell", timezone="America/Denver")
    marcus.says("nudges on")
    # Had: "`8pm` isn't a time I can use. Please give a 24-hour time as HH:MM".
    assert "Nudges will come at 20:00" in marcus.says("nudges time 8pm")
    assert "Nudges will come at 19:15" in marcus.says("nudges time 7:15pm")
    assert "isn't a time I can use" in marcus.says("nudges time 13pm")


def test_a_new_day_and_hour_asked_a_day_later_move_the_nudges(
    app: CoachApp, clock: FakeClock
) -> None:
    marcus = Conversation(app.coach, "mr-bell", timezone="America/Denver")
    marcus.says("nudges on")
    marcus.says("nudges day tuesday")
    marcus.says("nudges time 06:30")
    clock.advance(days=1)
    reply = marcus.says(
        "ugh 6:30 was a mistake, im not even caffeinated yet. can u make it like wed at 8pm"
    )
    # Had: "That sounds like a lot, and it's fine to just say so", Tuesday 06:30 kept.
    assert "Nudges will come on Wednesdays at 20:00" in reply
    settings = marcus.says("nudges")
    assert "Day: Wednesday" in settings and "Time: 20:00" in settings


def test_turning_the_nudges_on_in_words_turns_them_on(app: CoachApp) -> None:
    # Had: the settings, off, and how to type `nudges on`.
    reply = Conversation(app.coach, "mr-bell").says("turn on my reminders")
    assert "Weekly nudges are on" in reply


def test_a_teaching_question_naming_the_admin_is_no_privacy_question(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "mr-bell")
    marcus.says("reflect asset-based")
    marcus.says(
        "Destiny Ruiz, 11th, has a 7 month old. she does her essays at like 1am. i havent "
        "recognized anything tbh, i just extend deadlines and feel guilty"
    )
    reply = marcus.says("wait is extending deadlines bad? our admin keeps saying it lowers rigor")
    # Had: "What you write here is yours. It's encrypted with a key of your own...".
    assert "encrypted" not in reply


def test_the_child_named_in_words_typed_ahead_is_not_asked_for_again(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "mr-bell")
    marcus.says("draft")
    marcus.says(
        "jaylen's mom, ms ortiz. she works nights, prefers text. want to tell her the gatsby "
        "paragraph thing and that he can still make up unit 3"
    )
    marcus.clicks("Celebrate")
    reply = marcus.clicks("English")
    # Had: "What's the child's first name?", then "i literally just told u. jaylen" refused.
    assert "child's first name" not in reply
