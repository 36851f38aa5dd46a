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
