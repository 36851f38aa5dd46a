"""Messages from a sweep of new ones (session 30) that the coach had misread, typed out of the
blue by a new educator: a student's death told by an assistant principal, a grandmother asking
for grades, a parent who will not get off the phone, a student's secret, a first meeting with a
foster parent, a note to oneself, and a para whose work families do not see (session 31)."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.dialog import Conversation, first_reply


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        # Had: "A private matter about a child's health or care", with a spare shirt to offer.
        (
            "we had a student pass away over the weekend (car accident, 11th grade). i'm the AP "
            "and i have to call the families of his close friends tomorrow. how do i even start "
            "those calls",
            "A death in the school community",
        ),
        # Had: the coach's own privacy ("What you write here is yours").
        (
            "FERPA? a grandma wants to see her grandson's grades",
            "Who may see a student's grades and records",
        ),
        # Had: "Okay. Whenever you have a few minutes" ("stop talking" read as stop).
        (
            "give me 3 ways to end a call with a parent who wont stop talking",
            "A family member who talks for a long time",
        ),
        # Had: "I don't have a ready answer for that one."
        (
            "a 15 year old told me she's pregnant and doesn't want her parents to know. what do i "
            "do",
            "A student who confides in you and asks you not to tell their family",
        ),
        # Had: the nearest line for a family that feels judged at school.
        (
            "I'm meeting a foster parent for the first time tomorrow, what should i ask",
            "A student in foster care",
        ),
        (
            "se murió un maestro de nuestra escuela y los papás están preguntando. qué les digo?",
            "A death in the school community",
        ),
    ],
)
def test_a_situation_the_coach_had_no_answer_for_is_answered(
    app: CoachApp, asked: str, answered: str
) -> None:
    assert answered in first_reply(app, asked)


def test_a_question_about_the_coachs_own_privacy_is_still_answered_as_one(app: CoachApp) -> None:
    assert "What you write here is yours" in first_reply(app, "ferpa?")


def test_a_task_noted_to_oneself_leaves_the_weekly_nudges_alone(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("reminder to self: call Jayden's mom on thursday")
    # Had: "Weekly nudges are on. Your first one arrives Thu...".
    assert "Weekly nudges are on" not in reply
    assert "I can't remind you about one task on one day" in reply
    assert "Weekly nudges: off" in educator.says("nudges")


@pytest.mark.parametrize(
    "note",
    [
        "reminder to myself: email the garcias about the field trip form",
        "nota para mí misma: llamar a la abuela de Sofía el jueves",
    ],
)
def test_a_task_noted_to_oneself_in_other_words_is_one_task(app: CoachApp, note: str) -> None:
    educator = Conversation(app.coach)
    assert "I can't remind you about one task on one day" in educator.says(note)
    assert "Weekly nudges: off" in educator.says("nudges")


def test_a_lesson_noted_to_oneself_is_not_a_note_home(app: CoachApp) -> None:
    reply = first_reply(app, "note to self: never schedule conferences on a friday again")
    # Had: "Let's write a short note home. What is it for?"
    assert "note home" not in reply
    assert "A lesson worth keeping" in reply


def test_work_families_do_not_see_is_heard_not_praised(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "venting. I'm the para in the life skills room and the teacher gets all the thank yous "
        "from families but I'm the one who changes the kids, feeds them, knows every single "
        'thing about them. one mom brought the teacher flowers today for "everything she does '
        'for Lily". I do everything for Lily.',
    )
    # Had: "That's the kind of moment partnerships grow from."
    assert "partnerships grow from" not in reply
    assert "That stings" in reply and "it counts" in reply
