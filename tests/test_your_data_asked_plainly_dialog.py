"""Export and erasure touch the educator's own data: only asked for plainly (session 39)."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation

ERASE = "Delete everything?"


def test_a_line_for_late_texts_exports_nothing(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "his kid is a junior backup LB. i need a line for the 11pm texts"
    )
    # Had: the educator's whole profile and data, as JSON.
    assert '"records"' not in reply and "{" not in reply


def test_forget_the_settings_in_a_longer_message_erases_nothing(app: CoachApp) -> None:
    coach_w = Conversation(app.coach)
    reply = coach_w.says(
        "forget the settings. thurs meeting w maria navarro + ASL interpreter + AP. where do i "
        "look, who do i talk to"
    )
    assert ERASE not in reply
    assert ERASE not in coach_w.says("NO dont delete anything")


def test_export_and_erasure_asked_plainly_still_work(app: CoachApp) -> None:
    assert '"records"' in Conversation(app.coach, "a").says("export my journal please")
    assert ERASE in Conversation(app.coach, "b").says("forget")
    assert ERASE in Conversation(app.coach, "c").says("delete all my data")
    assert ERASE in Conversation(app.coach, "d").says("borra todos mis datos")
