"""A school nurse covering two elementary schools and the point person for students in foster
care, and a newcomer ESL teacher (session 38): what they said that the coach had misread."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import nudged_on_slack


def test_a_caseworker_who_never_calls_back_is_no_report_of_harm(app: CoachApp) -> None:
    reply = Conversation(app.coach, "nurse-keisha").says(
        "the dcfs caseworker for one of my foster kids never calls me back. 3 voicemails since "
        "october. what do i do"
    )
    # Had: "That sounds like it could be about a child's safety... Don't call the family first".
    assert "reporting procedure" not in reply
    assert "A student in foster care" in reply


@pytest.mark.parametrize(
    "said",
    [
        "i think i need to call dcfs, my student has marks on his arms",
        "should i call dcfs about a kid who keeps coming in with the same dirty clothes",
    ],
)
def test_the_agency_named_about_a_child_s_safety_still_gets_the_reporting_duty(
    app: CoachApp, said: str
) -> None:
    assert "reporting procedure" in Conversation(app.coach).says(said)


def test_a_foster_child_s_new_placement_is_not_the_self_check(app: CoachApp) -> None:
    reply = Conversation(app.coach, "nurse-keisha").says(
        "ok whatever. maya (foster kiddo) is being moved to a new placement next week. shes "
        "devastated. she asked if she can still come see me. i didnt know what to say"
    )
    # Had: "Thirteen short statements..." ("placement" began the self-check).
    assert "Thirteen short statements" not in reply
    assert "A student in foster care" in reply


def test_the_nurse_s_own_records_get_ferpa_not_the_coach_s_notebook(app: CoachApp) -> None:
    keisha = Conversation(app.coach, "nurse-keisha")
    reply = keisha.says(
        "no i meant the school nurse records. not you. are MY nurse visit logs covered by "
        "ferpa or hipaa"
    )
    # Had: "I'm a coaching notebook, not a health record", twice.
    assert "under FERPA, not HIPAA" in reply and "coaching notebook" not in reply
    assert "coaching notebook" in keisha.says("is this hipaa compliant?")


def test_a_question_about_nurse_logs_mid_reflection_is_answered_and_the_question_kept(
    app: CoachApp,
) -> None:
    keisha = Conversation(app.coach, "nurse-keisha")
    keisha.says("reflect relational")
    reply = keisha.says("quick thing, is my nurse visit log ferpa or hipaa?")
    assert "under FERPA" in reply and "Question 1 of 2" in reply


def test_a_teacher_shaken_after_a_student_s_panic_attack_is_looked_after(app: CoachApp) -> None:
    hannah = Conversation(app.coach, "ms-hannah")
    reply = hannah.says(
        "the showcase was tonight. Zarlasht had a panic attack when the lights went down, she "
        "hid in the bathroom. her mom didn't know what to do, i didn't either. i sat with them "
        "on the floor for 40 min. i'm home now and i'm kind of shaking"
    )
    # Had: "That sounds tense. Anger from a family usually comes from worry..."
    assert "Shaking afterwards is your body catching up" in reply
    assert "Anger" not in reply


def test_an_interpreter_who_cancels_half_the_time_is_no_step_partly_done(
    app: CoachApp, clock: FakeClock
) -> None:
    hannah = nudged_on_slack(app, clock, "ms-hannah")
    reply = hannah.says(
        "booking an interpreter here = 2 weeks notice through the district and they cancel like "
        "half the time. but ok"
    )
    # Had: "Marked done. Nice work!" ("half" read as partly done).
    assert "Marked done" not in reply


def test_it_happened_no_need_to_carry_it_over_lets_the_step_go(
    app: CoachApp, clock: FakeClock
) -> None:
    hannah = Conversation(app.coach, "ms-hannah", timezone="America/Chicago")
    hannah.says("reflect relational")
    hannah.says("mariam's dad only talks to male staff")
    hannah.says("espoir's mom, she told me he reads to his little sister")
    hannah.clicks("Write my own")
    hannah.says("ask the AP to sit in on one call with Mariam's dad")
    clock.advance(days=8)
    hannah.says("journal")
    hannah.clicks("Partly")
    hannah.says("the AP said yes and we called friday. the dad actually talked!")
    reply = hannah.says(
        "we had an interpreter, that was the whole point. it happened. i don't need to carry it "
        "over"
    )
    # Had: "It's your action for this week: ..." (carried, for "carry it").
    assert "let it go" in reply and "your action for this week" not in reply


def test_a_911_call_second_guessed_is_not_a_repair_script(app: CoachApp) -> None:
    reply = Conversation(app.coach, "nurse-keisha").says(
        "my asthma 2nd grader went by ambulance from recess today. hes ok now. i keep replaying "
        "whether i should have called 911 sooner"
    )
    # Had: "Replaying it means you care how it landed... ('I got defensive yesterday...')".
    assert "clinical question I can't judge" in reply and "defensive" not in reply


def test_a_colleague_s_words_told_and_a_word_on_the_options_get_no_wording_note(
    app: CoachApp,
) -> None:
    told = Conversation(app.coach, "mr-kowalski").says(
        "the 3rd period teacher is the same one who said mom was the problem. so."
    )
    assert "A gentle thought on wording" not in told
    tom = Conversation(app.coach, "mr-tom")
    tom.says("reflect")
    tom.says("the portal. he checks it hourly")
    tom.says("skip")
    at_the_options = tom.says("none of these are about the dad")
    # Had: "A gentle thought on wording... “none of these are about the dad”".
    assert "A gentle thought on wording" not in at_the_options


def test_the_nurse_saying_she_has_no_conferences_is_heard_as_her_role(app: CoachApp) -> None:
    reply = Conversation(app.coach, "nurse-keisha").says("i dont have conferences. im the nurse")
    # Had: "Heard: time is stretched thin."
    assert "that assumed a classroom" in reply and "time is stretched" not in reply
    assert "Shall I set that as your role" in reply
    assert "assumed a classroom" not in Conversation(app.coach, "nurse-2").says("im the nurse")


def test_a_family_night_in_ramadan_gets_its_timing(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-hannah").says(
        "last year our spring family night was during ramadan at 6pm and none of my afghan "
        "families came. how should i plan around it?"
    )
    # Had: "A family's faith and class celebrations", then "Schedules are doing a lot".
    assert "break the fast at sunset (iftar)" in reply
