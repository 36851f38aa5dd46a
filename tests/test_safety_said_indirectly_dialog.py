"""Danger said in passing: a threat against the school, a parent hurt at home, a parent
yelling as the educator types, a student's words about not wanting to live, a threat that
never says "threat". Each gets the safety answer that fits it first, and none of the
everyday sentences that share its words does."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.dialog import Conversation


@pytest.mark.parametrize(
    "said",
    [
        # Had: "Your safety comes first... Don't meet that parent alone" (one parent's threat).
        "a kid said someone is going to bring a gun to school tomorrow",
        "my student said he's going to shoot up the school",
        "one of my 8th graders has a hit list in his notebook",
    ],
)
def test_a_threat_against_the_school_goes_to_the_safety_team_now(app: CoachApp, said: str) -> None:
    reply = Conversation(app.coach).says(said)
    assert "resource officer or safety team now" in reply and "call 911" in reply
    assert "Don't meet that parent alone" not in reply


def test_a_drill_is_no_threat(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("we had a lockdown drill today and the kids were scared")
    assert "safety team now" not in reply


@pytest.mark.parametrize(
    ("said", "locale"),
    [
        # Had: the child's reporting duty alone.
        ("a mom told me her husband hits her and she's scared to go home", None),
        ("a parent told me her partner is abusive and she has nowhere to go", None),
        ("la mamá me contó que su esposo le pega", "es-MX"),
    ],
)
def test_a_parent_in_danger_at_home_gets_the_hotline_and_the_children_thought_of(
    app: CoachApp, said: str, locale: str | None
) -> None:
    reply = Conversation(app.coach, locale=locale).says(said)
    assert "1-800-799-7233" in reply
    assert "children" in reply or "niños" in reply


def test_who_may_pick_up_stays_the_pickup_answer(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "a mom told me she's scared of her boyfriend and doesnt want him picking up her daughter"
    )
    assert "who may and may not pick up" in reply and "1-800-799-7233" not in reply


@pytest.mark.parametrize(
    "said",
    [
        # Had: the framework's section on trust, and "Want to think it through?".
        "a dad is yelling at me right now in the front office what do i do",
        "a parent is screaming at me in my classroom right now",
    ],
)
def test_a_parent_yelling_right_now_gets_a_way_out_of_the_room(app: CoachApp, said: str) -> None:
    reply = Conversation(app.coach).says(said)
    assert "You can end it now, calmly" in reply and "reflect" not in reply


def test_yelling_last_week_is_a_story_to_think_through_not_an_emergency(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "a dad yelled at me last week about grades, how do i follow up"
    )
    assert "You can end it now" not in reply


@pytest.mark.parametrize(
    "said",
    [
        # Had: "I'm not sure what you'd like me to do with that."
        "my student keeps saying he doesnt want to be here anymore, like at all",
        # Had: the card for a parent who broke down.
        "she said she's thinking about killing herself",
        # Had: "Your journal is empty so far."
        "a girl in my class wrote about suicide in her journal",
    ],
)
def test_a_student_s_words_about_not_living_get_the_crisis_steps(app: CoachApp, said: str) -> None:
    assert "crisis steps" in Conversation(app.coach).says(said)


@pytest.mark.parametrize(
    "said",
    [
        "my student doesnt want to be here anymore, he wants to transfer to another school",
        "we did suicide prevention training at the staff meeting",
    ],
)
def test_leaving_a_school_or_a_training_is_no_crisis(app: CoachApp, said: str) -> None:
    assert "crisis steps" not in Conversation(app.coach).says(said)


@pytest.mark.parametrize(
    "said",
    [
        # Had: "Thanks, I see what you mean about..." and a reflection offered.
        "a dad told me i'd better watch out, he'll make us regret this",
        "the mom said she'd pay me a visit at home",
        # Had: "Your journal is empty so far."
        "he said you'll see what happens if my son fails",
        "dad said he'd handle me himself",
    ],
)
def test_a_threat_that_never_says_threat_is_still_one(app: CoachApp, said: str) -> None:
    assert "Your safety comes first" in Conversation(app.coach).says(said)


def test_shoot_me_an_email_is_a_request(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("can you shoot me an email template for a parent")
    assert "Your safety comes first" not in reply and "note" in reply


def test_a_beating_promised_for_grades_is_the_child_s_safety_and_no_call_home_first(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach).says("he said his dad would beat him if he saw his grades")
    assert "reporting procedure" in reply
    # Had: "you can tell the parent kindly that the law asks it of you".
    assert "Don't call the family first" in reply and "tell the parent kindly" not in reply


def test_a_parent_threatening_to_hurt_herself_is_the_parent_s_crisis(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("a mom threatened to hurt herself if we call cps")
    assert "the parent can call or text 988" in reply


def test_a_threat_against_the_school_told_mid_reflection_stops_the_questions(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says(
        "honestly i cant focus, a student said he'd bring a gun to school tomorrow"
    )
    assert "safety team now" in reply and "Question" not in reply
    assert "bring a gun" not in educator.says("journal")


def test_a_grandparent_who_does_not_want_to_live_gets_help_for_that_adult(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "grandma said she doesnt want to live anymore since grandpa died"
    )
    # Had: a student's crisis steps ("walk the student there if you can").
    assert "An adult in the family" in reply and "988" in reply and "walk the student" not in reply


def test_a_student_s_own_words_beside_a_grandparent_are_the_student_s(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("my student told me grandma died and he wants to die too")
    assert "crisis steps" in reply


@pytest.mark.parametrize(
    "said",
    [
        # Had: "Ask the family what they'd be comfortable with others knowing".
        "a student came out to me as trans and asked me not to tell his parents",
        # Had: the words said back ("Noted, ...").
        "one of my students told me she's gay and her parents don't know",
        "a kid asked me to use they/them at school but not in emails home",
        "my student wants to go by a different name at school but mom doesn't know",
    ],
)
def test_a_student_s_identity_told_in_confidence_stays_the_student_s_to_share(
    app: CoachApp, said: str
) -> None:
    reply = Conversation(app.coach).says(said)
    assert "don't tell the family or other staff without the student's say" in reply
    assert "Ask the family what they'd be comfortable" not in reply


def test_a_family_with_two_moms_is_no_secret_to_keep(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "a student with two moms, how do i address the letter home"
    )
    assert "without the student's say" not in reply


def test_a_confidence_told_mid_reflection_is_answered_and_the_question_asked_again(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("a student came out to me today and asked me not to tell her parents")
    assert "without the student's say" in reply and "Question 1 of 2" in reply
    assert "came out" not in educator.says("journal")


def test_a_gun_in_a_backpack_told_in_spanish_goes_to_the_safety_team(app: CoachApp) -> None:
    reply = Conversation(app.coach, locale="es-MX").says(
        "un alumno me dijo que hay una pistola en su mochila"
    )
    # Had: "I'm not sure what you'd like me to do with that."
    assert "equipo de seguridad" in reply and "911" in reply


@pytest.mark.parametrize(
    ("said", "locale"),
    [
        # Had: "Hard conversations take a lot out of you."
        ("una mamá me gritó en la entrada y tengo miedo", "es-MX"),
        ("a dad got in my face at pickup and im honestly shaking, im scared", None),
    ],
)
def test_fear_told_beside_what_the_parent_did_is_taken_seriously(
    app: CoachApp, said: str, locale: str | None
) -> None:
    reply = Conversation(app.coach, locale=locale).says(said)
    assert "911" in reply and ("alone" in reply or "a solas" in reply)


def test_afraid_nobody_will_come_is_no_fear_of_a_parent(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("i'm scared nobody will come to conferences")
    assert "911" not in reply


@pytest.mark.parametrize(
    "said",
    [
        "my hit list of families to call this week",
        "we had a domestic violence awareness training today",
    ],
)
def test_a_list_or_a_training_is_no_emergency(app: CoachApp, said: str) -> None:
    reply = Conversation(app.coach).says(said)
    assert (
        "911" not in reply and "1-800-799-7233" not in reply and "reporting procedure" not in reply
    )


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        ("un papá me está gritando ahora mismo en la oficina", "Puede terminarla ahora, con calma"),
        ("un alumno me dijo que es gay y no quiere que sus papás sepan", "sin su permiso"),
        ("la mamá me contó que su pareja la golpea", "1-800-799-7233"),
        ("el papá me dijo que me voy a arrepentir", "Su seguridad va primero"),
    ],
)
def test_the_same_answers_in_spanish(app: CoachApp, said: str, answered: str) -> None:
    assert answered in Conversation(app.coach, locale="es-MX").says(said)


def test_what_is_told_after_a_crisis_answer_is_heard_with_the_help_named_again(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("i dont want to be alive anymore honestly")
    more = educator.says("it's been like this for weeks")
    # Had: "I'm not sure what you'd like me to do with that."
    assert "Thank you for telling me more" in more and "988" in more
    after = educator.says("idk")
    # Had (while listening): 'Got it: "idk". That matters.'
    assert "I'm here if you want to say more" in after and '"idk"' not in after


def test_what_is_told_after_i_want_to_quit_is_heard(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("i want to quit")
    more = educator.says("everything is just a lot")
    # Had: "If you'd like me to delete everything I keep about you, type `forget`".
    assert "Thank you for telling me more" in more and "forget" not in more


def test_still_there_after_a_parent_yelling_keeps_the_safety_first(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("a dad is yelling at me right now in the front office what do i do")
    assert "What I said above still stands" in educator.says("he's still here")


def test_a_request_after_a_safety_answer_is_itself(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("i want to quit")
    assert "Let's write a short note home" in educator.says("can you help me write a note home")


def test_a_protective_order_broken_right_now_gets_its_own_safety_answer(app: CoachApp) -> None:
    # Session 37: a social worker's three questions about a protective order all had the
    # pickup answer ("keep the child with you until they have checked").
    social_worker = Conversation(app.coach)
    now = social_worker.says(
        "the dad with the protective order is in the front office right now asking if the kids"
        " are here. what do I do"
    )
    assert replies_in("en").to_the_coach["protective_order_now"].answer == now
    # Told it is over: heard as over, not "What I said above still stands... 911".
    over = social_worker.says(
        "SRO walked him out, we did not confirm anything. I called mom. I'm shaking a little"
    )
    assert "I'm glad everyone is safe" in over and "still stands" not in over


def test_a_pause_asked_right_after_a_safety_answer_is_made(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    educator.says("a dad is yelling at me right now in the front office what do i do")
    paused = educator.says("we're off for thanksgiving next week, can you not send me anything")
    # Next week only: this week's nudge still comes (session 41).
    assert "no nudges from Mon Nov 23, and they come back Mon Nov 30" in paused
