"""The weekly nudge's settings asked for in words in the middle of a reflection: set, and the
question asked again, not saved as the answer (it had been "Got it: 'how do i make the
reminders monthly instead of weekly'. That matters."). A reminder the educator sends families
is their routine, never a setting, in a reflection or out of one."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.dialog import Conversation, first_reply


def test_a_rhythm_asked_at_a_question_is_set_and_the_question_asked_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("how do i make the reminders monthly instead of weekly")
    assert "a nudge every 4 weeks" in reply
    assert "Question 1 of 2" in reply and "That matters" not in reply
    educator.says("I texted Ana's mom a photo of her science project and she wrote back")
    educator.says("skip")
    journal = educator.says("journal")
    assert "monthly" not in journal


def test_a_day_asked_in_spanish_at_the_action_step_moves_the_nudge_and_keeps_the_options(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I texted Ana's mom a photo of her science project and she wrote back")
    educator.says("skip")
    reply = educator.says("ya no me mandes los recordatorios los lunes, mejor los viernes")
    assert "Fri" in reply
    assert "pick one small action" in reply and "Saved to your journal" not in reply
    assert "Saved to your journal" in educator.says("1")


def test_stopping_nudges_that_are_off_is_answered_not_kept(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("stop the weekly reminders please")
    assert "already off" in reply and "Question 1 of 2" in reply


@pytest.mark.parametrize(
    "answer",
    [
        "i call families every other week, usually on fridays",
        "the reminders to families go out on fridays and nobody reads them",
        "i dont want the reminders to families in english only anymore, half speak spanish",
    ],
)
def test_a_routine_with_families_is_an_answer_not_a_setting(app: CoachApp, answer: str) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    educator.says("reflect relational")
    reply = educator.says(answer)
    assert "Weekly nudges" not in reply and "every 2 weeks" not in reply
    assert "Question 2 of 2" in reply


def test_reminders_sent_to_families_do_not_turn_the_nudges_on(app: CoachApp) -> None:
    # Had: "Weekly nudges are on. Your first one arrives Fri..."
    reply = first_reply(app, "I send reminders to families every friday")
    assert "Weekly nudges are on" not in reply


def test_an_afternoon_hour_typed_without_pm_is_the_afternoon(app: CoachApp) -> None:
    # Had: 03:30 at night.
    reply = first_reply(app, "can the friday ping come after 3:30, im on bus duty")
    assert "15:30" in reply


def test_a_focus_with_families_in_it_is_still_the_nudges_focus(app: CoachApp) -> None:
    # "families" named beside the nudge's own words ("my tips") is what they should be about.
    reply = first_reply(app, "can my tips be about families who just moved here")
    assert "Nudges will stay on" in reply
