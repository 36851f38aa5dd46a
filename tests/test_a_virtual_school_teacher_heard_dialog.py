"""A high school English teacher at a statewide virtual school, who has never met a family in
person (session 40): what he said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_time_with_am_or_pm_is_a_nudge_time(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "mr-bell", timezone="America/Denver")
    marcus.says("nudges on")
    # Had: "`8pm` isn't a time I can use. Please give a 24-hour time as HH:MM".
    assert "Nudges will come at 20:00" in marcus.says("nudges time 8pm")
    assert "Nudges will come at 19:15" in marcus.says("nudges time 7:15pm")
    assert "isn't a time I can use" in marcus.says("nudges time 13pm")
