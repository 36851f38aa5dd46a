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
