"""An 8th-grade science teacher whose families are very present (late emails, a lawyer dad who
copies the principal) and a few quiet ones she wants to reach (session 40): what she said that
the coach had misread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import CoachApp
from bot.inbound import Platform
from bot.understanding.reader import understand
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, everyone_answers, senders_for, tick
from tests.test_listening_dialog import a_week_after_choosing


def test_refusing_a_step_at_the_action_step_is_not_saved_as_the_step(app: CoachApp) -> None:
    dana = Conversation(app.coach, "ms-whitfield")
    dana.says("reflect relational")
    dana.says("my parents are TOO involved. i got an email at 11:14pm about a B+ on a lab")
    dana.says("mr hargrove, lawyer, cc's the principal on every email disputing liam's grades")
    reply = dana.says(
        "wait is this going to make me call mr hargrove because i will not be doing that"
    )
    # Had: "Your action for this week: _Make me call mr hargrove_".
    assert "Your action for this week" not in reply
    assert "nothing here makes you call anyone" in reply
    assert "Write my own" in reply
    saved = dana.says("text the abdi family something good about hodan on thursday")
    assert "Your action for this week: _text the abdi family" in saved


def test_a_day_and_hour_said_with_a_few_words_right_after_nudges_on_set_them(
    app: CoachApp,
) -> None:
    dana = Conversation(app.coach, "ms-whitfield", timezone="America/Chicago")
    dana.says("nudges on")
    reply = dana.says("sunday evening works i guess, like 7pm")
    # Had: "That sounds like a lot, and it's fine to just say so", and Tuesday 07:30 kept.
    assert "That sounds like a lot" not in reply
    settings = dana.says("nudges")
    assert "Day: Sunday" in settings and "Time: 19:00" in settings


def test_a_question_typed_in_a_draft_is_answered_not_pasted_into_the_note(app: CoachApp) -> None:
    dana = Conversation(app.coach, "ms-whitfield")
    dana.says("draft")
    dana.says("celebrate")
    reply = dana.says("what about a kid in foster care, who do i even contact. jaylen")
    # Had: "Thanks, I kept that for the note", and the note to the Abdis named Jaylen.
    assert "kept that for the note" not in reply
    assert "A student in foster care" in reply
    dana.says("english")
    dana.says("Hodan")
    dana.says("she explained density to her whole table with a cup of water")
    note = dana.says("warm")
    assert "foster" not in note and "jaylen" not in note.casefold()


def test_a_parent_who_copies_the_principal_is_an_everyday_situation(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-whitfield").says(
        "how do i respond to a parent who cc's the principal on everything without sounding "
        "defensive"
    )
    # Had: the framework's Systemic part, "Reading your school improvement plan...".
    assert "A parent who writes at all hours, or copies your principal" in reply
    assert "leave the copy as it is" in reply


def test_a_winter_break_asked_for_in_november_skips_the_nudges_over_it(
    app: CoachApp, clock: FakeClock
) -> None:
    dana = Conversation(
        app.coach, "ms-whitfield", platform=Platform.SLACK, workspace="T1",
        timezone="America/Chicago",
    )  # fmt: skip
    dana.says("nudges on")
    dana.says("nudges day sunday")
    dana.says("nudges time 19:00")
    # Had: "I can only pause from now until a day", and nudges came on Dec 27 and Jan 3.
    assert "no nudges from Mon Dec 21" in dana.says(
        "pause nudges for winter break, dec 21 to jan 4"
    )
    platform = FakePlatform()
    sent_on = []
    while clock.now < datetime(2027, 1, 18, tzinfo=UTC):
        clock.advance(hours=6)
        before = len(platform.delivered)
        tick(app, senders_for(platform), clock.now)
        if len(platform.delivered) > before:
            sent_on.append((clock.now - timedelta(hours=6)).date().isoformat())
        everyone_answers(app, clock.now)  # she reads them: no backing off
    local_days = [day for day in sent_on]
    assert not [day for day in local_days if "2026-12-21" <= day < "2027-01-04"], local_days
    assert any(day >= "2027-01-10" for day in local_days), local_days
    assert len([day for day in local_days if day < "2026-12-21"]) == 5, local_days


def test_a_day_back_in_words_after_nudges_pause_until(app: CoachApp) -> None:
    dana = Conversation(app.coach, "ms-whitfield", timezone="America/Chicago")
    dana.says("nudges on")
    # Had: "I couldn't read `jan 5` as a date. Please write it as YYYY-MM-DD".
    assert "paused until Tue Jan 5" in dana.says("nudges pause until jan 5")
    assert "couldn't read `someday`" in dana.says("nudges pause until someday")


def test_done_with_i_almost_cried_is_done(app: CoachApp, clock: FakeClock) -> None:
    dana = Conversation(app.coach, "ms-whitfield")
    a_week_after_choosing(dana, clock, "Call the Abdi family with the district interpreter")
    assert "How did it go?" in dana.says("journal")
    reply = dana.says(
        "done! i called with the district somali interpreter. mrs abdi talked for 20 min, "
        "hodan wants to be a nurse. i almost cried"
    )
    # Had: partly, "An interpreter or a translated note can make this possible", and a smaller
    # version offered.
    assert "smaller" not in reply.casefold()
    assert "How it went: done" in dana.says("journal")


def test_no_time_for_a_step_that_is_no_call_is_not_offered_a_message_instead_of_a_call(
    app: CoachApp, clock: FakeClock
) -> None:
    dana = Conversation(app.coach, "ms-whitfield")
    a_week_after_choosing(
        dana, clock, "Answer parent email only tues and thurs 3-4pm, hours in my signature"
    )
    dana.says("journal")
    dana.clicks("Not yet")
    reply = dana.says("no time, grades were due")
    # Had: "one two-minute message instead of a call".
    assert "instead of a call" not in reply
    assert "the same step, on just one day this week" in reply


def test_exasperation_in_a_line_is_heard(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-whitfield").says(
        "i am not a customer service rep. that's it that's the update"
    )
    # Had: "I'm not sure what you'd like me to do with that."
    assert "not sure what you'd like" not in reply
    assert "No homework from me today" in reply


def test_an_answer_in_the_question_s_own_words_gets_no_wording_note(app: CoachApp) -> None:
    dana = Conversation(app.coach, "ms-whitfield")
    dana.says("reflect relational")
    dana.says("nobody, honestly")
    # Asked "Whose family have I only contacted about problems...?"
    reply = dana.says("the hargroves, always problems")
    # Had: "A gentle thought on wording... by what they lack".
    assert "A gentle thought on wording" not in reply


def test_a_family_named_by_its_problems_is_no_bright_spot() -> None:
    # "always" leans bright; `positive` had been read, with or without the reframe matcher.
    for deficit in (True, False):
        read = understand("the hargroves, always problems", deficit=deficit)
        assert "positive" not in read.themes


def test_what_she_took_back_is_not_said_back(app: CoachApp) -> None:
    dana = Conversation(app.coach, "ms-whitfield")
    dana.says("reflect relational")
    reply = dana.says(
        "i had a real convo with ahmed abdi's... no wait, i havent talked to them at all. thats "
        "the problem"
    )
    # Had: 'Noted, "i had a real convo with ahmed abdi's". Thanks for putting it into words.'
    assert "real convo" not in reply
    assert "Question 2 of 2" in reply
