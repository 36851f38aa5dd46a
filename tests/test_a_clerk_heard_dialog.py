"""An attendance clerk who makes the absence calls (session 39): what she said that the coach
had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation

STEP = "call Ms Jefferson on a day the twins come to school and tell her it was good to see them"


def test_done_what_leaves_the_step_unrecorded(app: CoachApp, clock: FakeClock) -> None:
    denise = Conversation(app.coach, "denise")
    denise.says("reflect relational")
    denise.says("Ms Jefferson, the twins mom. i learned Kendrick has asthma")
    denise.says('the Jeffersons, every call been "your children were absent today"')
    denise.says(STEP)
    clock.advance(days=2)
    asked = denise.says(
        "the district robocall says truant, parents get scared and mad, they come yell at me. "
        "i cant change the call"
    )
    assert "done, partly, or not yet?" in asked
    reply = denise.says("done what? i'm talking about the robocall")
    # Had: "Done! ... is real partnership work. Well done.", and the journal said done.
    assert "Well done" not in reply and "left your step as it was" in reply
    journal = denise.says("journal")
    assert "How it went: not checked in yet" in journal
    assert "0 done" in journal


def test_a_christmas_break_starting_the_21st_starts_on_the_21st(
    app: CoachApp, clock: FakeClock
) -> None:
    denise = Conversation(app.coach, "denise", timezone="America/Chicago")
    denise.says("nudges on")
    clock.advance(days=24)  # Thursday, December 10
    reply = denise.says(
        "we out for christmas break starting the 21st, back january 5th. dont send me nothing "
        "over the break please"
    )
    # Had: "Your break starts Fri Dec 25" ("christmas break" read as Christmas Day).
    assert "no nudges from Mon Dec 21, and they come back Tue Jan 5" in reply
