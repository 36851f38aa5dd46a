"""A time zone as a US educator names it (session 39: a teacher on the Navajo Nation in
Arizona took six tries to find `America/Phoenix`)."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from bot.weekly.zone_words import zone_named
from tests.dialog import Conversation


def test_arizona_is_arizona_time_all_year(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-begay")
    renee.says("nudges on")
    reply = renee.says("nudges tz arizona")
    assert "Time zone set to America/Phoenix" in reply


@pytest.mark.parametrize(
    ("said", "zone"),
    [
        ("Mountain Time", "America/Denver"),
        ("pacific", "America/Los_Angeles"),
        ("EST", "America/New_York"),
        ("hora del pacífico", "America/Los_Angeles"),
        ("hawaii", "Pacific/Honolulu"),
        ("narnia", None),
        ("America/Chicago", None),  # an IANA name is read as itself, not through this table
    ],
)
def test_us_names_for_zones(said: str, zone: str | None) -> None:
    assert zone_named(said) == zone


def test_an_unknown_zone_is_still_refused_kindly(app: CoachApp) -> None:
    ana = Conversation(app.coach)
    ana.says("nudges on")
    assert "I don't know the time zone `narnia`" in ana.says("nudges tz narnia")
