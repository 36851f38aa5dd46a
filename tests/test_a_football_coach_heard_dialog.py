"""A high school PE teacher and head football coach (session 39): what he said that the coach
had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.test_listening_dialog import a_week_after_choosing


def test_a_lifting_schedule_and_favoritism_is_the_team_not_a_family_in_hardship(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach, "coach-w").says(
        "tanya wants deshawn to skip offseason lifting tues/thurs to go to chem tutoring. i'm "
        "cool w it. how do i tell her yes without the other dads saying favoritism"
    )
    # Had: "The nearest thing I know, from A family in a hard time: ...McKinney-Vento liaison".
    assert "McKinney" not in reply
    assert "Parents and a team or activity" in reply


def test_did_it_with_what_the_student_said_about_voicemails_is_done(
    app: CoachApp, clock: FakeClock
) -> None:
    marcus = Conversation(app.coach, "coach-w")
    a_week_after_choosing(marcus, clock, "Ask Eli how his folks want to hear from me")
    marcus.says("checkin")
    reply = marcus.says(
        "did it. eli said his mom texts, dad uses email. he also said the voicemails turn into "
        "garbage text on her phone. put it in the roster and told the attendance office"
    )
    # Had: "A call that ends like that stings..." and the step offered again.
    assert "stings" not in reply and "carry it into this week" not in reply


def test_the_hour_chosen_after_the_clock_turned_down_is_the_nudge_time(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "coach-w", timezone="America/Chicago")
    marcus.says("nudges on")
    reply = marcus.says("7:30 im on the field. make it sunday night like 8")
    # Had: 19:30 (the 7:30 turned down, at night).
    assert "Nudges will come on Sundays at 20:00" in reply
    assert ", 15:30 (" in Conversation(app.coach, "b").says("nudges mondays at 3:30 please")
