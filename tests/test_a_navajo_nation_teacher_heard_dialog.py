"""A 5th-grade teacher at a community school on the Navajo Nation (session 39): what she said
that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_student_misjudged_while_grieving_is_no_bright_spot(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-begay")
    renee.says("reflect collaborative")
    reply = renee.says(
        'Shaylee. i moved her to the back table in october because she "wasnt participating". '
        "she was grieving and i didnt know. i never asked her grandma anything, i just decided"
    )
    # Had: "Building on what goes well is how trust grows".
    assert "goes well" not in reply
    assert "Replaying it means you care" in reply


def test_no_phone_signal_at_home_gets_paper_people_and_places(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-begay").says(
        "most of my families dont have internet or cell service at home. a lot of my kids live "
        "with grandparents, some only speak Diné bizaad. so please dont give me a bunch of "
        "email and app ideas"
    )
    # Had: "a note in the backpack, a phone call, a few minutes at pickup. A plain text...".
    assert "paper, people and places" in reply
    assert "phone call" not in reply and "text message" not in reply


def test_in_a_reflection_the_options_send_no_texts(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-begay")
    renee.says("reflect relational")
    renee.says("texts dont go through out here, most families have no cell service")
    options = renee.says("the Yazzies, only about attendance so far")
    assert "note home on paper" in options
    assert "a text instead of a call" not in options
