"""A 1st-grade teacher in eastern Kentucky, many of whose children live with grandparents
(session 40): what she said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_the_day_back_said_as_such_ends_the_christmas_pause(app: CoachApp) -> None:
    brenda = Conversation(app.coach, "ms-sizemore", timezone="America/New_York")
    brenda.says("nudges tuesday 3:30pm")
    reply = brenda.says(
        "we get out for christmas friday the 18th and go back january 5th. dont send me "
        "nothing over christmas please, i need a rest"
    )
    # Had: "Nudges are paused until Fri Dec 25... Next nudge: Tue Dec 29".
    assert "no nudges from Fri Dec 18, and they come back Tue Jan 5" in reply
    # Had: "To pause, give a whole number of weeks".
    assert "paused until Tue Jan 5" in brenda.says("nudges pause till january 5")


def test_a_get_well_card_is_no_sympathy_note(app: CoachApp) -> None:
    brenda = Conversation(app.coach, "ms-sizemore")
    brenda.says("draft")
    reply = brenda.says(
        "its a get well card for Bentleys great grandpa Earl, hes in the hospital with his heart"
    )
    # Had: only "Send sympathy after a loss" fitted, and the note mourned a man still alive.
    assert "Wish them well (illness, hospital)" in reply
    brenda.says("English")
    brenda.says("Bentley")
    note = brenda.says("warm")
    assert "Bentley" in note
    assert "loss" not in note and "sympathy" not in note


def test_someone_at_home_in_the_hospital_is_heard(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-sizemore").says(
        "Bentleys papaw Earl is in the hospital with his heart. Bentley lives with him and he is "
        "just tore up"
    )
    # Had: "I'm not sure what you'd like me to do with that."
    assert "not sure what you'd like" not in reply
    assert "I'm sorry" in reply and "who's picking up" in reply


def test_mountain_people_said_with_pride_is_no_deficit(app: CoachApp) -> None:
    brenda = Conversation(app.coach, "ms-sizemore")
    brenda.says("reflect culturally-responsive")
    reply = brenda.says("my families are mountain people, lots of them got flooded out")
    # Had: "A gentle thought on wording... by what they lack".
    assert "A gentle thought on wording" not in reply


def test_a_name_told_again_with_a_word_to_the_coach_is_the_name(app: CoachApp) -> None:
    brenda = Conversation(app.coach, "ms-sizemore")
    brenda.says("draft")
    brenda.says("celebrate")
    brenda.says("english")
    reply = brenda.says("Kinsley, i told you that already")
    # Had: "One child per note works best... Which child first?".
    assert "One child per note" not in reply
    brenda.says("she sounded out because all by herself")
    note = brenda.says("warm")
    assert "about Kinsley:" in note and "told you" not in note


def test_how_do_i_ask_at_a_reflection_s_question_is_answered_beside_it(app: CoachApp) -> None:
    brenda = Conversation(app.coach, "ms-sizemore")
    brenda.says("reflect linked-to-learning")
    brenda.says(
        'Kinsley missed wednesday and friday and her mom said she had "appointments". i dont '
        "want to pry"
    )
    reply = brenda.says(
        "how do i ask about the absences without her feeling like im reporting her to social "
        "services"
    )
    # Had: 'Got it: "how do i ask about the absences without...". That matters.', and the
    # action options.
    assert "That matters" not in reply
    assert "back to where we were" in reply and "Question 2 of 2" in reply
