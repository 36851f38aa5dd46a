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
