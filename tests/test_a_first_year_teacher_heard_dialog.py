"""A first-year 3rd-grade teacher typing late at night (session 39): what she said that the
coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import nudged_on_slack


def test_doubting_she_can_do_the_job_is_heard_before_the_angry_parent(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-kayla").says(
        "i cried in my car on tuesday after jaylens mom yelled at me... idk if i can do this job "
        "honestly"
    )
    # Had: "That sounds tense. Anger from a family usually comes from worry...", and tries.
    assert "more than one hard day" in reply
    assert "Call the family back" not in reply


def test_a_parents_apology_told_under_the_nudge_is_no_step_done_nor_a_bad_fit(
    app: CoachApp, clock: FakeClock
) -> None:
    kayla = nudged_on_slack(app, clock, "ms-kayla")
    reply = kayla.says(
        "sorry ive been MIA. ok so jaylens mom emailed me today?? out of nowhere. she said thank "
        "you for the text abt his reading and that she was going through a lot in the fall and "
        "sorry for how she talked to me. im literally shook. idk what to say back"
    )
    # Had: "Fair: not every nudge fits every role or grade", then (once that was mended)
    # "Marked done. Nice work!" for the mom's "emailed".
    assert "not every nudge fits" not in reply
    assert "Marked done" not in reply


def test_children_who_cant_read_yet_are_not_families_who_dont_read(app: CoachApp) -> None:
    kayla = Conversation(app.coach, "ms-kayla")
    kayla.says("reflect interactive")
    kayla.says("i talked the whole time, he mostly nodded")
    reply = kayla.says(
        "none lol. honestly i havent asked them to do anything. im just trying to survive. i "
        "have 29 kids and like 6 of them cant read yet and i feel like im failing all of them"
    )
    # Had: "Written notes leave out families who don't read comfortably".
    assert "families who don't read" not in reply
    assert "Family members who don't read" in Conversation(app.coach, "b").says(
        "how do i invite parents who cant read?"
    )
