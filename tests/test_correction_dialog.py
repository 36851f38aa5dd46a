"""A correction typed at the next question mends the answer before it (session 35): "sorry i
meant the Nguyen family not the Tran family" had been kept as question 2's answer, and
question 1's still named the Tran family."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def after_first_answer(app: CoachApp, answer: str, who: str = "ms-rivera") -> Conversation:
    educator = Conversation(app.coach, who)
    educator.says("reflect relational")
    assert "Question 2 of 2" in educator.says(answer)
    return educator


def test_a_family_named_wrongly_is_changed_in_the_answer_and_the_question_waits(
    app: CoachApp,
) -> None:
    educator = after_first_answer(app, "I talked with the Tran family at pickup about Minh")
    reply = educator.says("sorry i meant the Nguyen family not the Tran family")
    assert "the Nguyen family, not the Tran family" in reply
    assert "Question 2 of 2" in reply
    educator.says("the Okafors, only ever about missing homework")
    educator.clicks("1")
    journal = educator.says("journal")
    assert "Nguyen family at pickup" in journal and "Tran" not in journal
    assert "Okafors" in journal


def test_a_starred_word_mends_its_typo(app: CoachApp) -> None:
    educator = after_first_answer(app, "I talked with Mrs Ngyuen at pickup about reading")
    reply = educator.says("*Nguyen")
    assert "Nguyen, not Ngyuen" in reply and "Question 2 of 2" in reply


def test_i_meant_alone_replaces_the_family_the_answer_named(app: CoachApp) -> None:
    educator = after_first_answer(app, "I talked with the Tran family at pickup about Minh")
    assert "the garcias, not the Tran family" in educator.says("i meant the garcias")


def test_in_spanish_too(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("language es")
    educator.says("reflexionar relacional")
    educator.says("hablé con la familia Tran en la salida sobre la lectura de Minh")
    reply = educator.says("perdón, quise decir la familia Nguyen, no Tran")
    assert "Lo cambié en su respuesta a la pregunta 1" in reply


def test_a_hedged_answer_or_a_contrast_is_still_an_answer(app: CoachApp) -> None:
    educator = after_first_answer(app, "the Tran family")
    reply = educator.says("it's the schedule not the parents")
    assert "I've changed" not in reply and "Last step" in reply

    educator = after_first_answer(app, "I talked with Ms Patel at pickup", "mr-cole")
    reply = educator.says("i mean, her mom works nights so she can't come to anything")
    assert "I've added" not in reply and "Last step" in reply


def test_my_answer_is_said_of_the_question_asked_now_is_that_answer(app: CoachApp) -> None:
    educator = after_first_answer(app, "I talked with the Tran family at pickup about Minh")
    reply = educator.says("honestly my answer is the Lopez family, only ever about behavior")
    assert "that's now your answer" not in reply and "Last step" in reply


def test_a_starred_name_like_nothing_in_the_answer_is_added_not_swapped(app: CoachApp) -> None:
    educator = after_first_answer(app, "I talked with the Tran family at pickup about Minh")
    reply = educator.says("*Okafor")
    assert "not the Tran family" not in reply and "I've added that" in reply


def test_an_answer_sent_too_soon_goes_on_in_the_next_message(app: CoachApp) -> None:
    # Session 37: "sorry, hit enter..." had been kept as the next question's answer.
    educator = after_first_answer(
        app, "the meeting for L. was mostly the AP reading at mom. I tried to redirect but"
    )
    reply = educator.says("sorry, hit enter. I tried to redirect but the meeting had a script")
    assert "I've added that to your answer to question 1" in reply and "Question 2 of 2" in reply
    educator.says("the Okafors, only ever about missing homework")
    educator.clicks("1")
    journal = educator.says("journal")
    assert "I tried to redirect but the meeting" in journal and "hit enter" not in journal


def test_to_answer_the_question_after_a_story_is_the_answer(app: CoachApp) -> None:
    educator = after_first_answer(app, "rough day, the 15yo from the motel wasn't at school again")
    reply = educator.says(
        "sorry, to answer the question: my last summary for J. was mostly risk factors"
    )
    assert "that's now your answer to question 1" in reply and "Question 2 of 2" in reply
