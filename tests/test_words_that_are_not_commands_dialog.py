"""A command's word inside a sentence that means something else: "forget it, ..." is never
mind and then a question, never a step toward deleting everything."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_forget_it_then_a_question_answers_the_question(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("forget it, how do i talk to an angry parent")
    # Had: "This deletes everything I keep about you... Delete everything?"
    assert "Delete everything?" not in reply and "deletes everything" not in reply
    assert reply == Conversation(app.coach, "mr-okafor").says("how do i talk to an angry parent")


def test_forget_that_then_a_request_starts_it(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("forget that, can you help me write a note home")
    assert "Let's write a short note home" in reply


def test_forget_it_alone_is_never_mind(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("forget it")
    assert "No problem" in reply and "Delete everything?" not in reply


def test_forget_it_all_still_asks_before_deleting_everything(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    assert "Delete everything?" in educator.says("forget it all")
    assert "haven't deleted anything" in educator.clicks("No, keep it")
    assert "Weekly nudges: on" in educator.says("nudges")


def test_forget_it_mid_reflection_then_later_keeps_the_place(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("forget it, can we do this later?")
    assert "holding your place at question 1" in reply
    assert "still open" in educator.says("journal")


def test_how_do_i_use_an_app_with_families_is_a_question_not_the_menu(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("how do i use class dojo with families")
    # Had: the whole help menu ("Hi! I'm Partnership Coach...").
    assert "Hi! I'm Partnership Coach" not in reply
    assert "I'm Partnership Coach" in Conversation(app.coach, "mr-ng").says("how do i use this")
