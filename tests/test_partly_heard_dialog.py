"""Partly, and what got in the way told with what went well (session 39): the good part is
no barrier."""

from __future__ import annotations

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.test_listening_dialog import a_week_after_choosing

ACTION = "Call the Ortiz family about his drawing"


def test_a_call_in_spanish_that_went_great_is_no_language_barrier(
    app: CoachApp, clock: FakeClock
) -> None:
    ms_vega = Conversation(app.coach)
    a_week_after_choosing(ms_vega, clock, ACTION)
    ms_vega.says("checkin")
    ms_vega.clicks("Partly")
    reply = ms_vega.says(
        "she answered and it went great, we talked in spanish for 10 min! just didnt get to "
        "the second family"
    )
    # Had: "An interpreter or a translated note can make this possible."
    assert "interpreter" not in reply
    assert "that part counts" in reply
    ms_vega.clicks("No, let it go")
    assert "we talked in spanish for 10 min" in ms_vega.says("journal")


def test_a_language_barrier_told_after_a_good_start_is_still_heard(
    app: CoachApp, clock: FakeClock
) -> None:
    mr_ng = Conversation(app.coach)
    a_week_after_choosing(mr_ng, clock, ACTION)
    mr_ng.says("checkin")
    mr_ng.clicks("Partly")
    reply = mr_ng.says("the first call was great. but the dad only speaks cantonese and i couldnt")
    language = replies_in("en").checkin.barrier_replies["language"]
    assert language in reply
