"""A question asked again after a reply that missed it (session 35): "wow thanks so helpful.
i asked how to get them TO come" had been thanked back ("You're welcome")."""

from __future__ import annotations

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.dialog import Conversation


def test_a_sarcastic_thanks_that_restates_the_question_gets_another_try(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    teacher.says("how do i get more parents to conferences")
    reply = teacher.says("wow thanks so helpful. i asked how to get them TO come")
    assert reply.startswith(replies_in("en").intents.asked_again)
    assert "You're welcome" not in reply and "Families come" in reply


def test_a_story_that_opens_with_i_asked_is_no_question_asked_again(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    reply = teacher.says("i asked mom how she was doing and she cried")
    assert replies_in("en").intents.asked_again not in reply


def test_reflect_on_anything_but_a_part_starts_another(app: CoachApp) -> None:
    # Session 35: "reflect something thats not relational" had started Relational again.
    teacher = Conversation(app.coach)
    reply = teacher.says("reflect something thats not relational")
    assert "Let's reflect on" in reply and "*Relational" not in reply
