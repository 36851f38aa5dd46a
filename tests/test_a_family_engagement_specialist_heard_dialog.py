"""A Title I family engagement specialist at a K-8 school in Detroit, who runs the parent
cafe and family nights (session 41): what she said that the coach had misread."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.test_listening_dialog import a_week_after_choosing


def test_her_own_loss_told_at_the_check_in_is_heard_first(app: CoachApp, clock: FakeClock) -> None:
    renee = Conversation(app.coach, "ms-cole")
    a_week_after_choosing(renee, clock, "Ask Ms. Patterson for her january goals")
    renee.says("journal")
    reply = renee.says(
        "kinda. Ms. Patterson gave me her january goals but i ran out of time before break to "
        "make the note. also we had a family emergency over break, my aunt passed, so im slow "
        "this week"
    )
    # Had: "Would you call that done, partly, or not yet?", then "Weeks fill up...".
    assert "sorry for your loss" in reply and "done, partly" not in reply
    journal = renee.says("journal")
    assert "How it went: not yet" in journal and "aunt" not in journal  # her loss not kept


@pytest.mark.parametrize(
    "said",
    [
        "can you skip next weeks reminder? funeral is thursday and im driving to ohio",
        "no nudges next week pls",
        "no nudge next week",
    ],
)
def test_next_week_skipped_is_that_week_only_and_the_day_kept(app: CoachApp, said: str) -> None:
    renee = Conversation(app.coach, "ms-cole")
    renee.says("nudges on")  # a Monday; Tuesdays at 07:30
    reply = renee.says(said)
    # Had: "Nudges will come on Thursdays" (the funeral's day), for good.
    assert "no nudges from Mon Nov 23, and they come back Mon Nov 30" in reply
    assert ("so sorry" in reply) == ("funeral" in said)
    settings = renee.says("nudges")
    assert "Day: Tuesday" in settings and "Next nudge: Tue Nov 17" in settings


def test_skip_next_week_alone_is_about_the_nudges(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole")
    renee.says("nudges on")
    # Had: "I'm not sure what you'd like me to do with that."
    assert "no nudges from Mon Nov 23" in renee.says("skip next week please")


def test_an_afternoon_hour_said_alone_is_the_afternoon(app: CoachApp) -> None:
    renee = Conversation(app.coach, "ms-cole", timezone="America/Detroit")
    reply = renee.says("can you remind me every week? tuesdays around 1 after lunch duty")
    # Had: "Your first one arrives Tue Nov 17, 07:30", mornings being chaos.
    assert "Tue Nov 17, 13:00" in reply
