"""A special education paraprofessional, bilingual, who by district rule does not contact
families directly (session 39): what he said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_hard_meeting_carried_and_cried_over_is_heard_not_advised(app: CoachApp) -> None:
    luis = Conversation(app.coach, "luis")
    reply = luis.says(
        "the SLP meeting was today. it was hard. the SLP said the AAC is his voice and that lots "
        "of kids like mateo add some spoken words later but nobody can promise. his dad was quiet "
        'for a long time then said "entonces la tableta es su voz." i interpreted everything and '
        "held it together until i got to my car"
    )
    # Had: the framework's collaborative part ("Running a short math or reading night") and
    # "book [an interpreter] for your next call".
    assert "you stayed steady for the family" in reply
    assert "math" not in reply and "interpreter" not in reply


def test_a_para_who_may_not_contact_families_gets_the_way_through_the_teacher(
    app: CoachApp,
) -> None:
    luis = Conversation(app.coach, "luis")
    reply = luis.says("no thats the thing, i CANT reach families. im not allowed. im the para")
    # Had: "That quiet is hard...", then "two positive messages every Friday".
    assert "your lead teacher" in reply
    assert "Friday" not in reply


def test_in_a_reflection_the_options_go_through_the_teacher(app: CoachApp) -> None:
    luis = Conversation(app.coach, "luis")
    luis.says("reflect relational")
    luis.says("paras dont call or email parents here, everything goes thru ms kaplan")
    options = luis.says("jaylens mom asks me every day how he ate")
    assert "Tell the lead teacher one specific thing you saw a child do" in options
    assert "Ask the office which families need an interpreter" not in options


def test_a_para_may_take_another_role_in_one_tap_with_the_grades_said(app: CoachApp) -> None:
    luis = Conversation(app.coach, "luis")
    luis.says("hi")
    offered = luis.says(
        "im a para actually. instructional aide in a self contained autism class k-2"
    )
    assert "Yes, set teacher" in offered and "No, another role" in offered
    chosen = luis.clicks("No, another role")
    # Had: "Which grades do you work with?" right after "k-2".
    assert "Which grades" not in chosen and "Pre-K and elementary" in chosen
    asked = luis.says("am i allowed to ask parents stuff at drop off if im a para?")
    assert "The teacher role fits it best" not in asked
    assert "your lead teacher" in asked
