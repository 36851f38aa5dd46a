"""An answer that starts unsure but says what is hard is an answer, not a request for help."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_idk_then_what_is_hard_is_heard_and_not_met_with_an_example(app: CoachApp) -> None:
    educator = Conversation(app.coach, "ms-okafor")
    educator.says("reflect relational")
    reply = educator.says("idk honestly, my families never answer")
    # Had: "No problem. Here's a way in:" and an example answer, as if she had said nothing.
    assert "Here's a way in" not in reply
    assert "Not hearing back" in reply
    assert "Question 2 of 2" in reply
    # The wording note fits answering, not coming to meetings.
    assert "meeting times" not in reply
    assert "may not be getting my messages" in reply


def test_idk_alone_still_gets_a_way_in(app: CoachApp) -> None:
    educator = Conversation(app.coach, "ms-okafor")
    educator.says("reflect relational")
    assert "Here's a way in" in educator.says("idk honestly")
