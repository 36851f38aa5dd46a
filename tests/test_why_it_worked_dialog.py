"""Why it worked, told as its own message just after a check-in said done (session 34): "lo
hice! la mamá lloró de felicidad", then "porque fue en español y no por la oficina". It had
been read as a new message about language ("Language came up... Type `reflect`"); now it is
kept with how it went, and said back as what to do again."""

from __future__ import annotations

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation

REASON = "because I called her myself instead of going through the office"


def checked_in_done(app: CoachApp, clock: FakeClock) -> Conversation:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I called Ana's mom on Tuesday to tell her Ana helped a classmate")
    reply = educator.says("we talked about reading at home, she reads with her every night")
    if "Last step" not in reply:
        educator.says("we talked about reading at home, she reads with her every night")
    assert "Saved to your journal" in educator.says("1")
    clock.advance(days=7)
    assert "How did it go?" in educator.says("hi")
    assert "Next step up" in educator.says("done! her mom cried happy tears")
    return educator


def test_a_reason_told_just_after_done_is_kept_with_how_it_went(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = checked_in_done(app, clock)
    reply = educator.says(REASON)
    assert "That's what to do again" in reply and "called her myself" in reply
    journal = educator.says("journal")
    assert "happy tears / because I called her myself" in journal


def test_a_reason_in_spanish_is_kept_too(app: CoachApp, clock: FakeClock) -> None:
    educator = checked_in_done(app, clock)
    reply = educator.says("porque fue en español y no por la oficina")
    assert "what to do again" in reply and "Language came up" not in reply


def test_a_because_the_next_day_is_a_message_of_its_own(app: CoachApp, clock: FakeClock) -> None:
    educator = checked_in_done(app, clock)
    clock.advance(days=1)
    reply = educator.says(REASON)
    assert "what to do again" not in reply
    assert "/ because" not in educator.says("journal")


def test_a_because_with_no_check_in_is_not_kept(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("because the office never passes my messages on")
    assert replies_in("en").checkin.reason_kept.split("“")[0] not in reply


def test_a_lead_in_clause_is_not_what_is_said_back(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says(
        "la verdad no sé, casi no hablo con las familias fuera de las conferencias"
    )
    assert "la verdad no sé" not in reply
