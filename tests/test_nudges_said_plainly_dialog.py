"""The weekly nudge switched off and timed in plain words: "stop sending me these" while it
is on turns it off, and "friday at 3pm" right after `nudges on` is when it should come."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation


@pytest.mark.parametrize(
    "said",
    [
        "stop sending me these",
        "turn off nudges",
        "please stop sending me the weekly messages",
        "no more nudges please",
    ],
)
def test_asking_to_stop_while_nudges_are_on_turns_them_off(app: CoachApp, said: str) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    # Had: the settings card, still on.
    assert "Weekly nudges are off" in educator.says(said)
    assert "Weekly nudges: off" in educator.says("nudges")


def test_a_part_not_wanted_leaves_the_nudges_on(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    educator.says("stop sending me nudges about home visits")
    assert "Weekly nudges: on" in educator.says("nudges")


def test_a_day_and_time_right_after_nudges_on_set_when_they_come(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    # Had: "Schedules are doing a lot of the talking here..." (a week short of time).
    reply = educator.says("friday at 3pm")
    assert "Nudges will come on Fridays" in reply and "15:00" in reply
    settings = educator.says("nudges")
    assert "Friday" in settings and "15:00" in settings


def test_a_day_and_time_a_week_later_are_not_taken_for_the_settings(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    clock.advance(days=7)
    educator.says("friday at 3pm")
    assert "Tuesday" in educator.says("nudges")
