"""A question the coach has no answer written for is told so plainly, with the nearest line
it has when one shares the question's words, and asked for a little more; never "Good
question. The framework starts from trust...", an answer to no question."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_question_with_no_answer_is_told_so_and_asked_for_more(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("what do i do if a parent parks in the bus lane")
    assert "I don't have a ready answer for that one" in reply
    assert "Tell me a little more" in reply and "Good question" not in reply


def test_the_nearest_line_is_offered_as_near_not_as_the_answer(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("what should a written summary after a meeting look like")
    assert "I don't have a ready answer for that exact question" in reply
    assert "• Offer a written summary by email after each meeting" in reply
    assert "`learn relational` has more" in reply
    # "ok" thinks that part through.
    assert "Question 1 of 2" in educator.says("ok")


def test_a_question_that_shares_only_family_words_gets_no_line(app: CoachApp) -> None:
    # "email" and "families" alone had found a line about recording meetings.
    reply = Conversation(app.coach).says(
        "i put my pronouns in my email signature, is that ok for families"
    )
    assert "nearest thing" not in reply and "Tell me a little more" in reply


def test_spanish_gets_the_same_honesty(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("language es")
    reply = educator.says("qué hago si un papá llega sin avisar")
    assert "No tengo una respuesta lista para eso" in reply and "Cuénteme un poco más" in reply


def test_a_question_with_its_own_answer_is_not_the_self_check(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("where do i find the mckinney vento liaison")
    # Had: "Thirteen short statements..."
    assert "Every district, however small, must name a McKinney-Vento liaison" in reply
