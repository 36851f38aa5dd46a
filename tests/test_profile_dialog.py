"""Coaching for every educator: the first hello asks who they are, `profile` shows and changes
it, and a principal, a counselor and a high-school teacher are offered different prompts,
actions and nudges on the same topic. On both databases."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import CoachApp
from bot.inbound import Platform
from bot.storage.models import Educator
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation, verify_dialog
from tests.nudging import FakePlatform, senders_for, subscription_rows, tick

TOPIC = "relational"


def stored_profile(app: CoachApp, user: str = "ms-rivera") -> tuple[str | None, str | None]:
    with app.sessions() as session:
        educator = session.scalars(select(Educator).where(Educator.user_id == user)).one()
        return educator.role, educator.grade_band


def educator_with(app: CoachApp, user: str, *profile: str) -> Conversation:
    educator = Conversation(
        app.coach, user, platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )
    for setting in profile:
        educator.says(f"profile {setting}")
    return educator


# --- the first hello -------------------------------------------------------------------------


def test_the_first_hello_asks_role_then_grades_each_one_tap(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    hello = educator.says("hi")
    assert "what's your role?" in hello and "School leader" in hello
    answer = educator.clicks("School leader")
    assert "you're a school leader" in answer and "staff meeting agenda" in answer
    assert "Which grades do you work with?" in answer
    assert "High school" in educator.clicks("High school")
    assert stored_profile(app) == ("leader", "high")
    # Asked once: the next hello is just a hello.
    assert "what's your role?" not in educator.says("hello")
    assert "what's your role?" not in educator.says("help")


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        # Had: "This deletes everything I keep about you... Delete everything?"
        ("todos los grados", "all"),
        ("k-5", "elementary"),  # had: the role question again
        ("hs math, 9th and 10th. 150 kids", "high"),
    ],
)
def test_grades_typed_in_words_under_the_grades_question_are_set(
    app: CoachApp, typed: str, band: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    assert "Which grades do you work with?" in educator.clicks("Family liaison")
    answer = educator.says(typed)
    assert answer.startswith("Got it:") and "Delete everything?" not in answer
    assert stored_profile(app) == ("liaison", band)


def test_a_question_under_the_grades_question_is_no_grade(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    educator.clicks("Teacher")
    # Its "for all of them" names no grades: a question, not an answer.
    answer = educator.says(
        "this sounds nice but i have 150 kids. how am i supposed to do this for all of them"
    )
    assert not answer.startswith("Got it:")
    assert stored_profile(app) == ("teacher", None)
    # Grades named inside the question leave the question to be answered (had: "Got it:
    # Elementary... You're set.", and nothing on 400 families).
    specialist = Conversation(app.coach, "mr-pe")
    specialist.says("hi")
    specialist.clicks("Another role")
    answer = specialist.says(
        "i teach PE and art to like 400 kids a week, k-5. how am i supposed to do family "
        "engagement with 400 families lol"
    )
    assert not answer.startswith("Got it:") and "Three things you could try" in answer


def test_a_story_under_the_grades_question_is_no_grade(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    educator.clicks("Teacher")
    # Had: "Got it: Pre-K and elementary" ("de primero" inside it), and nothing on the dad.
    answer = educator.says(
        "tengo un papá que me escribe todos los días por whatsapp a las 11 de la noche, de"
        " primero, no sé qué hacer"
    )
    assert "Entendido" not in answer and "Got it:" not in answer
    assert stored_profile(app) == ("teacher", None)


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        ("9-12", "high"),
        ("grades 1-5", "elementary"),
        ("middle school", "middle"),
        ("elementary", "elementary"),
    ],
)
def test_grades_typed_alone_any_time_are_set(app: CoachApp, typed: str, band: str) -> None:
    educator = Conversation(app.coach)
    educator.says("im a teacher")
    answer = educator.says(typed)  # had: "I don't know `9-12` yet"
    assert answer.startswith("Got it:") and "I don't know" not in answer
    assert stored_profile(app)[1] == band


def test_both_questions_can_be_skipped_and_are_not_asked_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    assert "Which grades" in educator.clicks("Skip")
    assert "Tell me any time with `profile`" in educator.clicks("Skip")
    assert stored_profile(app) == (None, None)
    assert "what's your role?" not in educator.says("hi")


def test_the_questions_options_can_be_typed_by_number_or_by_label(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    assert "Which grades" in educator.says("2")  # "2. School leader" in the terminal
    assert "High school" in educator.says("high school")
    assert stored_profile(app) == ("leader", "high")


def test_a_spanish_speaker_can_type_omitir_or_a_role_s_label(app: CoachApp) -> None:
    educator = Conversation(app.coach, "sra-luna", locale="es-MX")
    educator.says("hola")
    assert "¿Con qué grados trabaja?" in educator.says("omitir")
    assert "Todo listo" not in educator.says("Omitir")
    assert stored_profile(app, "sra-luna") == (None, None)
    other = Conversation(app.coach, "sr-paz", locale="es-MX")
    other.says("hola")
    other.says("Docente")
    assert stored_profile(app, "sr-paz") == ("teacher", None)


def test_a_number_typed_long_after_the_question_is_not_taken_for_it(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    clock.advance(days=1)
    assert "nothing to pick by number" in educator.says("2")
    assert stored_profile(app) == (None, None)


def test_someone_who_started_with_a_reflection_is_asked_at_their_next_hello(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("cancel")
    assert "what's your role?" in educator.says("hi")


# --- profile -------------------------------------------------------------------------------


def test_profile_shows_and_changes_role_and_grades_in_the_words_educators_use(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("profile", "Role: not set"),
            ("profile role AP", "you're a school leader"),
            ("profile grades k-12", "All grades"),
            ("profile", "Role: School leader\nGrades: All grades"),
            ("profile role school social worker", "counselor or social worker"),
            ("profile grades hs", "High school"),
            ("profile liaison", "family liaison"),  # the role named without `role`
            ("profile middle school", "Middle school"),
        ],
    )
    assert stored_profile(app) == ("liaison", "middle")


def test_an_unknown_role_or_grade_gets_the_choices_and_changes_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("profile role counselor")
    educator.says("profile grades elementary")
    verify_dialog(
        educator,
        [
            ("profile role astronaut", 'I don\'t know the role "astronaut"'),
            ("profile grades 13th", 'I don\'t know the grades "13th"'),
            ("profile favourite colour", "`profile role leader`"),
            ("profile role", "What's your role?"),
        ],
    )
    assert stored_profile(app) == ("counselor", "elementary")


def test_i_am_a_principal_offers_to_set_the_role_in_one_tap(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    offer = educator.says("I'm a principal, what should I focus on?")
    assert "Shall I set that as your role" in offer
    assert stored_profile(app) == (None, None)  # offered, not set behind their back
    assert "you're a school leader" in educator.clicks("Yes")
    assert stored_profile(app)[0] == "leader"


def test_grades_said_with_the_role_are_set_in_the_same_tap_not_asked_again(
    app: CoachApp,
) -> None:
    leader = Conversation(app.coach, "ms-okafor")
    offer = leader.says("I'm an assistant principal at a middle school")
    assert "Yes, set school leader, middle school" in offer
    saved = leader.clicks("Yes")
    assert "Which grades do you work with?" not in saved
    assert "Role: School leader\nGrades: Middle school" in leader.says("profile")
    teacher = Conversation(app.coach, "mr-bell")
    assert "Yes, set teacher, pre-k and elementary" in teacher.says("im a 4th grade teacher")
    assert "Yes, set teacher" in Conversation(app.coach, "ms-ray").says("I'm a teacher, Ms. Ray")
    assert "Got it: Pre-K and elementary" in teacher.says("profile grades 3rd grade")


def test_export_includes_the_profile_and_forget_removes_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("profile role liaison")
    educator.says("profile grades high")
    exported = educator.says("export")
    assert "Role: liaison. Grades: high." in exported
    educator.says("forget")
    educator.clicks("Yes")
    with app.sessions() as session:
        assert session.scalars(select(Educator)).all() == []


# --- what each educator is offered -------------------------------------------------------


def first_reflection(educator: Conversation) -> tuple[str, list[str]]:
    """The first question of a reflection on the topic, and the actions offered at its end."""
    question = educator.says(f"reflect {TOPIC}")
    educator.says("I talked with a grandmother at pickup about her grandson's reading.")
    educator.says("She told me he reads to his little sister every night.")
    actions = [choice.label for choice in educator.last[-1].options]  # type: ignore[union-attr]
    educator.says("cancel")
    return question.splitlines()[-1], actions[:-1]  # without "Write my own"


def test_a_leader_a_counselor_and_a_high_school_teacher_get_different_prompts_and_actions(
    app: CoachApp,
) -> None:
    offered = {
        "leader": first_reflection(educator_with(app, "P1", "role leader")),
        "counselor": first_reflection(educator_with(app, "C1", "role counselor")),
        "teacher": first_reflection(educator_with(app, "T1", "role teacher", "grades high")),
        "no profile": first_reflection(educator_with(app, "N1")),
    }
    questions = {who: question for who, (question, _) in offered.items()}
    actions = {who: tuple(options) for who, (_, options) in offered.items()}
    assert len(set(questions.values())) >= 3, questions
    assert len(set(actions.values())) == 4, actions
    topic = app.library.topics[TOPIC]
    topic_actions = {a.text for a in topic.quick_actions}
    leaders = {p.text for p in topic.reflection_prompts if "leader" in p.roles}
    assert questions["leader"].split(": ", 1)[1] in leaders
    # After any action fitted to what they said (a bright spot here), the topic's own: a
    # leader's are a leader's, and a high-school teacher's first is a middle/high one.
    own = {who: [a for a in options if a in topic_actions] for who, options in actions.items()}
    assert own["leader"] and set(own["leader"]) <= {
        a.text for a in topic.quick_actions if "leader" in a.roles
    }
    secondary = {a.text for a in topic.quick_actions if {"middle", "high"} & set(a.grades)}
    assert own["teacher"][0] in secondary


def test_their_first_nudges_on_the_same_topic_differ_by_role_and_grades(
    app: CoachApp, clock: FakeClock
) -> None:
    platform = FakePlatform(Platform.SLACK)
    who = {
        "P1": ("role leader",),
        "C1": ("role counselor",),
        "T1": ("role teacher", "grades high"),
        "E1": ("role teacher", "grades elementary"),
    }
    for user, profile in who.items():
        educator = educator_with(app, user, *profile)
        educator.says("nudges on")
        educator.says(f"nudges focus {TOPIC}")
    due = min(s.next_send_at for s in subscription_rows(app) if s.next_send_at is not None)
    clock.set(due)
    tick(app, senders_for(platform), due + timedelta(minutes=1))
    cards = {d.address.user_id: d.card.body for d in platform.delivered}
    assert set(cards) == set(who)
    assert len(set(cards.values())) == 4, json.dumps(cards, indent=1)
    nudges = app.library.topics[TOPIC].nudges
    leader_actions = [n.action for n in nudges if "leader" in n.roles]
    assert any(action in cards["P1"] for action in leader_actions)
    counselor_actions = [n.action for n in nudges if "counselor" in n.roles]
    assert any(action in cards["C1"] for action in counselor_actions)


def test_a_leader_starts_with_the_organizational_conditions(app: CoachApp) -> None:
    leader = educator_with(app, "P1", "role leader")
    assert "Systemic" in leader.says("reflect")
    leader.says("cancel")
    teacher = educator_with(app, "T1", "role teacher")
    assert "Relational" in teacher.says("reflect")


def test_a_leaders_growth_areas_include_an_organizational_condition(app: CoachApp) -> None:
    leader = educator_with(app, "P1", "role leader")
    leader.says("assess")
    # Everything "not yet" but the process conditions, rated lowest of all.
    for index in range(13):
        answer = leader.clicks("1" if index < 6 else "2")
    growth = next(line for line in answer.splitlines() if "Room to grow" in line)
    assert any(name in growth for name in ("Systemic", "Integrated", "Sustained")), answer


def test_a_leader_short_on_time_still_gets_a_leaders_smallest_actions(app: CoachApp) -> None:
    leader = educator_with(app, "P1", "role leader")
    leader.says("reflect systemic")
    leader.says("honestly no time, I have 3 evaluations due and a bus driver shortage")
    answer = leader.says("we only have one bilingual secretary and she is out a lot")
    offered = [c.label for c in leader.last[-1].options][:-1]  # type: ignore[union-attr]
    topic = app.library.topics["systemic"]
    leaders = {a.text for a in topic.quick_actions if "leader" in a.roles}
    own = [a for a in offered if a in {x.text for x in topic.quick_actions}]
    assert own and set(own) <= leaders, answer


def test_a_role_and_grade_said_in_a_reflection_answer_name_one_command_for_both(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    heard = educator.says("im a 3rd grade teacher and honestly i have zero time this week")
    assert "`profile role teacher elementary` sets it" in heard
    assert "Question 2 of 2" in heard
    time = replies_in("en").acknowledge["time"]
    assert any(line in heard for line in time)  # the week, heard beside the role
    educator.says("cancel")
    assert "Got it: Pre-K and elementary" in educator.says("profile role teacher elementary")


def test_a_grade_said_the_spanish_way_names_the_band(app: CoachApp) -> None:
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    assert "Sí, guardar docente, preescolar y primaria" in maestra.says("soy maestra de tercero")
    assert "secundaria" in maestra.says("perfil grades 7mo grado").casefold()


def test_a_role_said_not_to_be_theirs_is_not_offered(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    educator.clicks("Skip")
    educator.clicks("Skip")
    # Had: "Thanks for telling me you're a teacher. Shall I set that as your role".
    answer = educator.says("what should i even do, im not the teacher")
    assert "you're a teacher" not in answer and "What's your role?" in answer
    assert "you're a school leader" in educator.says("I'm not a teacher, I'm the AP")
    paras = educator.says("is there a version of this for paras? I'm not a classroom teacher")
    assert "you're a teacher" not in paras  # had: "Thanks for telling me you're a teacher"


def test_the_role_said_of_oneself_is_the_one_offered(app: CoachApp) -> None:
    # Session 36: a district family engagement coordinator was told "you're a school leader"
    # ("district" came first), then "you're a teacher" ("ideas for a teacher" came first).
    coordinator = Conversation(app.coach)
    coordinator.says("hi")
    coordinator.clicks("Skip")
    coordinator.clicks("Skip")
    told = coordinator.says("I'm the district family engagement coordinator for nine schools")
    assert "you're a family liaison" in told
    told = coordinator.says("Those are ideas for a teacher. I'm district staff.")
    assert "you're a teacher" not in told


def test_a_leader_s_question_is_answered_with_steps_written_for_a_leader(app: CoachApp) -> None:
    new_principal = Conversation(app.coach, "dr-okafor")
    answer = new_principal.says("im a new principal, where do i even start with family engagement")
    assert "staff meeting agendas" in answer or "school improvement plan" in answer
    assert "Asking your principal" not in answer  # a line written for a teacher
    teacher = Conversation(app.coach, "ms-hale")
    teacher.says("profile role teacher")
    answer = teacher.says("how do i make family engagement part of our school goals")
    assert "Add one family partnership step" not in answer  # the leader's own steps


def test_a_role_said_with_something_told_hears_what_was_told_then_offers_the_role(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach, "mr-diaz")
    reply = educator.says(
        "im a counselor and honestly the parents at my school are really hard to reach"
    )
    assert "That quiet is hard" in reply or "different channel" in reply
    assert "hard to reach" in reply and "You might say" in reply  # the note on its wording
    assert reply.rstrip().endswith("1. Yes, set counselor or social worker")


def test_a_role_said_in_an_answer_fits_the_action_options_at_once(app: CoachApp) -> None:
    def options_after(educator: Conversation, first_answer: str) -> list[str]:
        educator.says("reflect relational")
        educator.says(first_answer)
        educator.says("the Okafors. I've only called about attendance so far")
        return [educator.option(n).label for n in (1, 2, 3)]

    said = options_after(
        Conversation(app.coach, "ms-diaz"),
        "I'm a counselor, not a teacher, so I don't have lesson plans. I met a grandma today",
    )
    stored = Conversation(app.coach, "mr-lee")
    stored.says("profile role counselor")
    # Had: the classroom options until `profile role counselor` was typed after the reflection.
    assert said == options_after(stored, "I met a grandma today")
    unset = options_after(Conversation(app.coach, "ms-park"), "I met a grandma today")
    assert said != unset


def test_a_para_who_turns_down_the_teacher_role_is_offered_another(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    first = educator.says(
        "hey im a para in a 3rd grade room, the mom of one of my kids (Jayden) keeps asking me"
        " stuff at pickup instead of the teacher and idk what im allowed to say"
    )
    assert "a warm holding line is yours to give" in first  # the question, answered
    # Had: the teacher role offered again.
    other = educator.says("no im a para not the teacher")
    assert "The teacher role fits it best" not in other and "part of the school team" in other
    educator.says("ok")
    assert stored_profile(app)[0] == "other"
    # Had: the whole help menu ("allowed").
    asked = educator.says("ok but what am i allowed to tell her?")
    assert (
        "a warm holding line is yours to give" in asked and "Here's what you can type" not in asked
    )


def test_a_story_told_with_a_role_is_heard_and_a_yes_still_sets_the_role(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    told = educator.says(
        "im the family liaison at our elementary. the Gomez family stopped coming to"
        " conferences and the mom hasn't answered a single call since october"
    )
    # Had: the role offer alone, nothing on the Gomez family.
    assert "Shall I set that as your role" in told
    assert told.split("Thanks for telling me you're")[0].strip()  # the story heard first
    advice = educator.says("what should i do?")  # asked about the story, the role still open
    assert "two things you could try" in advice and "reflectprofile" not in advice
    educator.says("ok")
    assert stored_profile(app) == ("liaison", "elementary")


def test_pre_k_staff_see_their_grades_named(app: CoachApp) -> None:
    # Session 36: a Head Start advocate's "pre-k, 3 y 4 años" was saved as "Primaria".
    rosa = Conversation(app.coach, "rosa", locale="es-MX")
    rosa.says("idioma es")
    assert "Preescolar y primaria" in rosa.says("perfil grades preescolar")
    assert stored_profile(app, "rosa")[1] == "elementary"


def test_a_profile_already_set_is_shown_without_its_questions(app: CoachApp) -> None:
    # Session 36: a teacher with role and grades set had both questions back at `profile`.
    teacher = Conversation(app.coach)
    teacher.says("profile role teacher")
    teacher.says("profile grades high")
    shown = teacher.says("profile")
    assert "Role: Teacher" in shown and "What's your role?" not in shown
    assert "`profile role`" in shown
    assert "What's your role?" in teacher.says("profile role")


def test_the_role_already_set_said_again_with_grades_sets_the_grades(app: CoachApp) -> None:
    # Session 36: "Shall I set that as your role?" to a teacher already set as one, and the
    # grades in the sentence left out.
    teacher = Conversation(app.coach)
    teacher.says("profile role teacher")
    reply = teacher.says("chem teacher, 11th and 12th, 150 kids. 24 yrs")
    assert "Got it: High school" in reply and "Shall I set" not in reply
    assert "already set as teacher" in teacher.says("im a teacher btw")
