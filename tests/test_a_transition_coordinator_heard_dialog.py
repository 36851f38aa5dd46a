"""A special education transition coordinator for students 14-21 in rural Oregon, who often
dictates in his truck (session 41): what he said that the coach had misread."""

from __future__ import annotations

from datetime import date

from bot.app import CoachApp
from bot.weekly.pause_words import PauseAsked, pause_named
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.test_listening_dialog import a_week_after_choosing, skip_to_own_action


def test_both_steps_done_while_a_father_could_not_come_is_done(
    app: CoachApp, clock: FakeClock
) -> None:
    dale = Conversation(app.coach, "mr-whitfield", timezone="America/Los_Angeles")
    a_week_after_choosing(
        dale, clock, "Ask Jaylen which elective he wants, and have Minh open his own meeting"
    )
    dale.says("journal")
    reply = dale.says(
        "both happened. jaylen picked welding. minh opened the meeting himself and his mom "
        "asked 6 questions. mr nguyen wasnt able to come tho, shop was slammed"
    )
    # Had: "Weeks fill up. A smaller version might fit", and "not yet" in the journal.
    assert "You did it" in reply
    assert "How it went: done" in dale.says("journal")


def test_a_question_mark_in_brackets_doubts_a_detail_not_the_step(app: CoachApp) -> None:
    dale = Conversation(app.coach, "mr-whitfield")
    skip_to_own_action(dale)
    reply = dale.says("call Kaylee's mom on her day off (tues?) with the thrift store thing")
    # Had: "That doesn't look like an action yet, so I haven't saved it."
    assert "Your action for this week" in reply


def test_a_smaller_step_that_starts_with_help_is_the_step(app: CoachApp, clock: FakeClock) -> None:
    dale = Conversation(app.coach, "mr-whitfield")
    a_week_after_choosing(dale, clock, "Sit with Kaylee Monday so she books her own dial a ride")
    dale.says("journal")
    dale.says(
        "partly. Kaylee made the call herself, but dial a ride needs a doctor form so she's "
        "not booked yet"
    )
    dale.clicks("A smaller version")
    reply = dale.says("help Kaylee get the dial a ride form to her doctor's office by friday")
    # Had: the help menu, and the step lost.
    assert "It's your action for this week" in reply and "Here's what you can type" not in reply


def test_time_off_said_with_the_day_back_is_a_break_ahead(app: CoachApp) -> None:
    asked = pause_named(
        "I'm having knee surgery on the 28th and I'll be out about 3 weeks, my sub is covering "
        "caseload. turn off the reminders till I'm back, probably feb 22",
        date(2027, 1, 18),
        day_first=False,
    )
    # Had: no pause at all (the settings shown, "Next nudge: Thu Jan 28").
    assert asked == PauseAsked(later=(date(2027, 1, 28), date(2027, 2, 22)))


def test_a_pause_asked_beside_that_s_not_what_i_asked_is_made(app: CoachApp) -> None:
    dale = Conversation(app.coach, "mr-whitfield")
    dale.says("nudges on")
    reply = dale.says("thats not what I asked. pause them until feb 22 please")
    # Had: "Sorry, I missed that one. Tell me once more in a sentence who it's about".
    assert "paused until Mon Feb 22" in reply
