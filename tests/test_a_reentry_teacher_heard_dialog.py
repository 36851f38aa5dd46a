"""An advisor at an alternative high school for students 16 to 21, many back from juvenile
hall, some parents themselves (session 40): what he said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import nudged_on_slack
from tests.test_listening_dialog import a_week_after_choosing


def test_a_student_killed_told_at_the_check_in_is_heard_and_nothing_is_carried(
    app: CoachApp, clock: FakeClock
) -> None:
    terrence = Conversation(app.coach, "mr-hollis")
    terrence.says("nudges on")
    a_week_after_choosing(terrence, clock, "Help Jaylen write Ms Huang about his mural")
    assert "How did it go?" in terrence.says("journal")
    terrence.says("not yet, jaylen been out mon and tue")
    reply = terrence.says(
        "we lost jaylen last night. he got shot on international. 17 years old. i cant do this "
        "rn. pause the nudges for a week"
    )
    # Had: "Nudges are paused for 1 week... Want to carry it into this week?", and to "jaylen
    # is dead" "I've kept that with how it went", then "A new week, a new start".
    assert "I'm so sorry" in reply
    assert "carry it into this week" not in reply
    assert "paused for 1 week" in reply


def test_the_school_has_no_such_thing_is_no_step_done(app: CoachApp, clock: FakeClock) -> None:
    terrence = nudged_on_slack(app, clock, "mr-hollis")
    reply = terrence.says("bruh again w the conferences. i told you we dont have conferences here")
    # Had: "Marked done. Nice work!" ("told").
    assert "Marked done" not in reply
    assert "not every nudge fits" in reply


def test_a_step_written_after_write_my_own_is_saved_not_answered(app: CoachApp) -> None:
    terrence = Conversation(app.coach, "mr-hollis")
    terrence.says("reflect")
    terrence.says("marcus lives w his grandma")
    terrence.says("talked to tre's girlfriend's mom")
    terrence.clicks("Write my own")
    reply = terrence.says(
        "ask destiny, marcus and andre who THEY want me to call when something comes up, even "
        "if the answer is nobody"
    )
    # Had: "Then you'll still have learned something about the family... if no one answers".
    assert "Your action for this week: _ask destiny, marcus and andre" in reply


def test_the_student_who_did_most_of_the_talking_is_no_partly(
    app: CoachApp, clock: FakeClock
) -> None:
    terrence = Conversation(app.coach, "mr-hollis")
    a_week_after_choosing(terrence, clock, "Ask kevon if he wants to be there when i call his PO")
    assert "How did it go?" in terrence.says("journal")
    terrence.says(
        "kevon said yeah he wanna be there. we called alvarez together on friday, kevon did most "
        "of the talking. lowkey the best convo ive had w a PO all year"
    )
    # Had: "Part of it happened, and that part counts" ("did most").
    assert "How it went: done" in terrence.says("journal")


def test_a_probation_officer_and_a_student_who_asks_not_to_call_home(app: CoachApp) -> None:
    asked = Conversation(app.coach, "mr-hollis").says(
        "its about kevon. hes on probation, his PO mr. alvarez wants weekly attendance updates. "
        "kevon thinks im reporting on him. how do i talk to the PO so it dont feel like snitching"
    )
    # Had: "I don't have a ready answer for that one", then a first contact with every family.
    assert "A student's probation officer" in asked
    andre = Conversation(app.coach, "mr-hollis-2").says(
        "andre asked me not to contact his mom. at all. what do i do with that"
    )
    # Had: "Making a short, friendly first contact with every family".
    assert "A student who begs you not to call home" in andre


def test_no_show_to_nothing_is_rewritten_into_a_whole_sentence(app: CoachApp) -> None:
    reply = Conversation(app.coach, "mr-hollis").says(
        "reframe these parents dont show up to nothing"
    )
    # Had: "these parents may not find our current meeting times workable to nothing".
    assert "workable to nothing" not in reply


def test_i_just_told_you_is_never_put_in_the_note(app: CoachApp) -> None:
    terrence = Conversation(app.coach, "mr-hollis")
    terrence.says("draft")
    terrence.says("next step")
    terrence.says("english")
    terrence.says("destiny")
    terrence.says("bruh i just told you. math credits")
    terrence.says("she could come thursday 5pm to independent study")
    note = terrence.says("warm")
    # Had: "...here is what I see: bruh I just told you. math credits".
    assert "told you" not in note.casefold() and "bruh" not in note.casefold()
    assert "math credits" in note
