"""An assistant principal for discipline and attendance at an Atlanta middle school (session
41): what he said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.test_draft_dialog import the_draft
from tests.test_listening_dialog import a_week_after_choosing


def test_weekly_nudges_asked_with_a_day_refused_are_turned_on(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "mr-greene", timezone="America/New_York")
    reply = marcus.says(
        "can you remind me once a week. monday morning 7:15 before the buses come in. fridays "
        "are a mess dont send anything friday"
    )
    # Had: "Nudges are paused for 1 week. Saved; nudges are off for now".
    assert "Weekly nudges are on" in reply and "Mon Nov 23, 07:15" in reply
    assert "paused" not in marcus.says("nudges").casefold()


def test_relief_in_the_middle_of_a_weapon_incident_is_no_bright_spot(app: CoachApp) -> None:
    marcus = Conversation(app.coach, "mr-greene")
    reply = marcus.says(
        "this week is trash. 2 fights tuesday, a 7th grader brought a knife in his bookbag "
        "today, nobody hurt thank God but thats a tribunal and the mom is devastated"
    )
    # Had: "That's the framework in action: starting from what already works", then "Keep God
    # in mind: one family you can picture".
    assert "framework in action" not in reply and "God" not in reply
    assert "sounds like a lot" in reply


def test_what_the_mother_said_is_what_is_kept_worth_keeping(
    app: CoachApp, clock: FakeClock
) -> None:
    marcus = Conversation(app.coach, "mr-greene")
    a_week_after_choosing(marcus, clock, "call DeAndre's mom (Ms. Carter) with something good")
    marcus.says("journal")
    reply = marcus.says(
        "did it. called ms carter thursday. she got quiet then said nobody from that school "
        "ever called her with something good. he got written up again today tho lol"
    )
    # Had: 'Worth keeping: "he got written up again today tho lol".'
    assert "nobody from that school ever called her with something good" in reply
    assert "tho lol" not in reply


def test_words_about_the_mother_objected_to_are_taken_out_of_a_note_to_her(
    app: CoachApp,
) -> None:
    marcus = Conversation(app.coach, "mr-greene")
    marcus.says("can you help me write a follow up to her after the call, she hung up on me")
    marcus.clicks("English")
    marcus.says("Jaylen")
    marcus.says(
        "nothing, he's home suspended. i want her to know the re-entry meeting is friday 8am "
        "and that we want him back, hes not a bad kid"
    )
    marcus.clicks("Warm")
    marcus.says(
        'no. that says "i want her to know" and its going TO her. and she hung up on me, i '
        "cant thank her for our last talk"
    )
    # Had: "Please pick one of the options", the note unchanged.
    note = the_draft(marcus)
    assert "want her to know" not in note and "The re-entry meeting is friday 8am" in note
