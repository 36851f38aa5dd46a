"""A situation's answer that misread the question, said so right after it (session 39)."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_one_dad_not_a_town_hall_owns_the_miss_and_fits_one_parent(app: CoachApp) -> None:
    ms_park = Conversation(app.coach)
    first = ms_park.says("trust is low after the lockdown, how do i run a meeting with families")
    assert "A meeting with many families when trust is low" in first
    reply = ms_park.says("one dad. not a town hall")
    # Had: "If I had to pick one, I'd start with this: plan the room with a few trusted parents
    # or community leaders".
    assert "Sorry, I read it as a meeting with many families" in reply
    assert "one person they trust" in reply
    assert "plan the room" not in reply.casefold()


def test_a_meeting_with_one_dad_and_the_principal_is_no_room_full_of_families(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach).says(
        "should i just set up a meeting with him and the principal? trust is pretty low"
    )
    assert "A meeting with many families" not in reply


def test_nobody_died_after_a_loss_is_owned(app: CoachApp) -> None:
    mr_diaz = Conversation(app.coach)
    assert "loss" in mr_diaz.says("how do i support a family after a big loss").casefold()
    reply = mr_diaz.says("nobody died lol, they lost their apartment")
    assert "Sorry, I read a death in it" in reply


def test_only_one_family_came_after_a_family_night_answer_is_no_correction(
    app: CoachApp,
) -> None:
    ms_cole = Conversation(app.coach)
    ms_cole.says("how do i get more families to come to family night")
    assert "Sorry, I read it as a meeting" not in ms_cole.says("only one family came last time")
