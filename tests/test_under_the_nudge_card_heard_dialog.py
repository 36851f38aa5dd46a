"""Typed under the weekly nudge's card by a teacher on the Navajo Nation, a football coach and
a para (session 39): a complaint about the bus is no step done, and "not this week" said at
the end of a longer message skips the week."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.nudging import nudged_on_slack


def test_an_hour_and_a_half_on_the_bus_marks_nothing_done(app: CoachApp, clock: FakeClock) -> None:
    renee = nudged_on_slack(app, clock, "ms-begay")
    reply = renee.says(
        "before or after school isnt a thing when the bus leaves at 3:10 and takes an hour and "
        "a half. anyway"
    )
    # Had: "Marked done. Nice work!" ("a half" read as partly).
    assert "Marked done" not in reply


def test_not_this_week_at_the_end_of_a_longer_message_skips_it(
    app: CoachApp, clock: FakeClock
) -> None:
    marcus = nudged_on_slack(app, clock, "coach-w")
    reply = marcus.says(
        "the nudge said student led conferences and a clip about work theyre proud of. i teach "
        "PE and coach football. we dont do conferences. not this week"
    )
    # Had: "No rush: it's there for the whole week. Tap *Not this week* to leave it."
    assert "this week is skipped" in reply


def test_not_this_week_first_and_a_reason_after_skips_it(app: CoachApp, clock: FakeClock) -> None:
    luis = nudged_on_slack(app, clock, "luis")
    reply = luis.says(
        "not this week. im still kinda wiped from thursday. also i dont think paras even get to "
        "see the school improvement plan lol"
    )
    assert "this week is skipped" in reply and "Marked done" not in reply
