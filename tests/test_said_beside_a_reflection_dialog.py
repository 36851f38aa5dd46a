"""Things said to the coach in the middle of a reflection, from a writer who played tired
educators (session 33): thanks, a language asked for, "r u a real person". Each is answered
and the question asked again; none is saved as an answer or as the week's action (thanks at
the action step had become the plan, "how did 'thank you this actually helped' go?")."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def at_the_action_step(app: CoachApp) -> Conversation:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I texted Ana's mom a photo of her science project and she wrote back")
    educator.says("skip")
    return educator


def test_thanks_at_the_action_step_is_not_the_week_s_plan(app: CoachApp) -> None:
    educator = at_the_action_step(app)
    reply = educator.says("thank you this actually helped")
    assert "You're welcome" in reply and "Saved to your journal" not in reply
    assert "pick one small action" in reply


def test_thanks_in_spanish_at_a_question_is_not_an_answer(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("gracias, de verdad me sirve esto")
    assert "Question 1 of 2" in reply and "Question 2 of 2" not in reply


def test_a_language_asked_for_at_a_question_switches_and_asks_it_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("can we do this in spanish please")
    assert "español" in reply and "Pregunta 1 de 2" in reply
    back = educator.says("can you switch back to english")
    assert "Question 1 of 2" in back


def test_asking_whether_the_coach_is_a_person_is_answered_not_saved(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("r u a real person")
    assert "not a person" in reply and "Question 1 of 2" in reply


def test_a_side_question_is_answered_read_without_its_opener(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says(
        "sorry side question - mom says shes coming in tomorrow to 'have words' with me about "
        "the grade. how do i handle that"
    )
    # Had: "That sounds tense..." and question 2, the side question kept as the answer.
    assert "A parent who is angry with you" in reply and "Question 1 of 2" in reply


def test_a_quick_question_with_no_question_mark_is_answered_beside_the_question(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says(
        "quick q, a family told me theyre moving into a shelter next week, who do i tell"
    )
    # Had: "Leaving friends is a real loss for a child" and question 2.
    assert "McKinney-Vento" in reply and "Question 1 of 2" in reply


def test_whether_a_conference_counts_is_answered(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("does a conference count or does it have to be informal")
    assert "it counts" in reply and "Question 1 of 2" in reply


def test_scratching_the_last_one_before_any_answer_keeps_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("actually scratch that last one")
    assert "nothing to delete" in reply and "Question 1 of 2" in reply
