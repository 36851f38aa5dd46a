"""An action set a minute ago outside a reflection is not asked about when one begins
(session 35): an assistant principal who carried a smaller action into the week, and a
teacher who saved a note home, typed `reflect` a minute later and were asked "How did it
go?"; "I literally just set that a minute ago" was kept as not done."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation

TOO_NEW = "hasn't had time to happen yet"


def carried_a_smaller_action(app: CoachApp, clock: FakeClock) -> Conversation:
    educator = Conversation(app.coach)
    educator.says("reflect systemic")
    educator.says("Our improvement plan doesn't mention families at all.")
    educator.says("None of our staff meetings went to families this fall.")
    educator.says("4")
    educator.says("Meet with my counselors Wednesday to split the chronic absence call list.")
    clock.advance(days=7)
    assert "How did it go?" in educator.says("hi")
    educator.clicks("Partly")
    educator.clicks("No time")
    educator.clicks("A smaller version")
    kept = educator.says("Each counselor calls 5 families by Friday.")
    assert "It's your action for this week" in kept
    return educator


def test_reflecting_right_after_carrying_an_action_does_not_ask_how_it_went(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = carried_a_smaller_action(app, clock)
    clock.advance(minutes=1)
    reply = educator.says("reflect integrated")
    assert TOO_NEW in reply and "Each counselor calls 5 families by Friday" in reply
    assert "How did it go?" not in reply and "Question 1 of 2" in reply
    assert "not checked in yet" in educator.says("journal")


def test_reflecting_right_after_saving_a_draft_does_not_ask_whether_it_went_out(
    app: CoachApp,
) -> None:
    teacher = Conversation(app.coach)
    teacher.says("draft celebrate")
    teacher.says("1")
    teacher.says("maria")
    teacher.says("she went from a D to a B this quarter")
    teacher.says("1")
    teacher.clicks("Save")
    reply = teacher.says("reflect")
    assert TOO_NEW in reply and "How did it go?" not in reply


def test_the_next_week_it_is_asked_first(app: CoachApp, clock: FakeClock) -> None:
    educator = carried_a_smaller_action(app, clock)
    clock.advance(days=7)
    assert "How did it go?" in educator.says("reflect integrated")
