"""A high school PE teacher and head football coach (session 39): what he said that the coach
had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_lifting_schedule_and_favoritism_is_the_team_not_a_family_in_hardship(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach, "coach-w").says(
        "tanya wants deshawn to skip offseason lifting tues/thurs to go to chem tutoring. i'm "
        "cool w it. how do i tell her yes without the other dads saying favoritism"
    )
    # Had: "The nearest thing I know, from A family in a hard time: ...McKinney-Vento liaison".
    assert "McKinney" not in reply
    assert "Parents and a team or activity" in reply
