"""Messages from a sweep of new ones (session 32) that the coach had misread, typed out of the
blue by a new educator: a long story with "my notes" in it, a death and a deaf family named,
a holy day, a parent in jail, a parent who is a colleague, a volunteer without a Social
Security number, a para asked about grades, event turnout, a parent on the offender registry,
a father who gives permission to hit, a dad who talks only to men, families feuding, the
nudges' rhythm and day asked for in words, and hard days, late calls and burnout said in
Spanish."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.dialog import Conversation, first_reply


def test_a_long_story_with_my_notes_in_it_is_heard_not_taken_for_the_journal(
    app: CoachApp,
) -> None:
    reply = first_reply(
        app,
        "ok so this is kind of long. i have a student, jaylen, in 3rd grade, whose mom works two "
        "jobs and i can never reach her. then yesterday she finally called back and she was "
        "really upset because nobody told her jaylen was behind in reading. and shes kind of "
        "right, my notes were probably crumpled at the bottom of his bag. i apologized but i "
        "feel like i blew it. how do i make this right",
    )
    # Had: "Your journal is empty so far."
    assert "journal" not in reply
    assert "A short repair" in reply


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        # Had: the framework's "Linked to learning" and two of its practices.
        (
            "8th grade student's mom passed away last spring, dad is now solo with 4 kids and "
            "totally overwhelmed. kid is missing a ton of assignments. how do i approach dad",
            "I'm so sorry for this family",
        ),
        # Had: the Capacity Outcomes ("eval results" read as `learn outcomes`).
        (
            "school psych here. need to explain eval results to parents who are both deaf, "
            "interpreter fell through for thursday. any tips beyond the obvious",
            "A parent who is deaf or has a disability",
        ),
        # Had: 'Got it: "eid is next week..." That matters.'
        (
            "eid is next week and a bunch of my class will be out. do i need to do anything for "
            "the families? i dont want to assume",
            "A family's faith and class celebrations",
        ),
        # Had: the framework's "Relational" and a different channel to try.
        (
            "one of my 7th graders told me his dad is in county jail and he doesnt want anyone "
            "to know. do i reach out to mom or wait??",
            "A parent away for a long time",
        ),
        # Had: the answer about colleagues who talk down about families ("staff lounge").
        (
            "awkward one - my student's mom is also the 2nd grade teacher down the hall. her kid "
            "is failing my class. how do i bring it up without it being weird in the staff lounge",
            "keep the two roles apart",
        ),
        # Had: "I don't have a ready answer for that one."
        (
            "soy la enlace de familias en una high school. los papás me llaman a mi celular a "
            "las 10 de la noche. cómo pongo límites sin que se sientan rechazados",
            "Check your district's policy first",
        ),
        # Had: "I'm not sure what you'd like me to do with that."
        ("ay no, hoy fue un día horrible 😩", "That sounds like a lot"),
        ("can parents see this", "nothing here is ever sent to families"),
        # Had: the general answer about friction with a family.
        (
            "theres a dad who will only talk to male teachers and i'm the homeroom teacher "
            "(woman). he ignores my emails and calls the PE teacher instead. how should i handle",
            "Keep your role without making it a standoff",
        ),
        # Had: "Hard conversations take a lot out of you" and a reflection offered.
        (
            "5th grade. two families are feuding over a fight their kids had at a birthday party "
            "OUTSIDE school. now both moms are emailing me. i dont want to be in the middle",
            "Stay out of the middle",
        ),
        # Had: the framework's "Systemic" and one of its practices.
        (
            "we have a dad whos on the sex offender registry and he wants to come to his kids "
            "class party. district policy is super unclear. what do i tell him",
            "That's your principal's decision",
        ),
        # Had: "Hard conversations take a lot out of you" (heard as anger).
        (
            "el papá me dijo que en su país los maestros les pegan a los niños y que yo tengo "
            "permiso de pegarle a su hijo si se porta mal 😳 como le respondo",
            "say plainly that you won't hit",
        ),
        # Had: the framework's "Relational" and two of its practices.
        (
            "how do i start a family night that people actually come to. last year we had 6 "
            "families and 40 pizzas",
            "Families come when the event is worth the trip for them",
        ),
        # Had: the answer about getting dads involved ("papás" is both parents in Spanish).
        (
            "cómo hago para que vengan más papás a las juntas",
            "Families come when the event is worth the trip for them",
        ),
        # Had: the angry-parent answer, then "speaking the home language at home".
        (
            "para here, not sure if this is for me. parents talk to me at the bus line bc im the "
            "one they see every day, but im not supposed to discuss progress. what do i say",
            "Progress and grades are the teacher's to share",
        ),
        (
            "soy para en kinder. los papás me preguntan todo a mi en español porque la maestra "
            "no habla español. no sé si está bien que yo les conteste cosas de grades",
            "Progress and grades are the teacher's to share",
        ),
        # Had: "I don't have a ready answer for that one" (and before, older students).
        (
            "soy consejera escolar. una estudiante de 11 grado me contó que sus papás la van a "
            "mandar de regreso a honduras en el verano y ella no quiere ir. no sé si hablar con "
            "los papás o no",
            "A student who confides in you",
        ),
        # Had: "I don't have a ready answer for that one."
        (
            "una mamá quiere ser voluntaria pero no tiene social security y la escuela pide "
            "background check con SSN. hay alguna manera?",
            "which IDs its background check accepts",
        ),
        # Had: friction with a family and a small step.
        (
            "estoy cansada. 12 años de maestra y nunca me había sentido así. los papás me "
            "gritan, la administración no me apoya, llego a mi casa llorando. no sé si seguir en "
            "esto",
            "more than one hard day",
        ),
    ],
)
def test_what_the_coach_had_misread_is_answered(app: CoachApp, asked: str, answered: str) -> None:
    assert answered in first_reply(app, asked)


def test_where_to_start_with_a_newcomer_family_gets_the_newcomers_answer_too(
    app: CoachApp,
) -> None:
    reply = first_reply(
        app, "new student from afghanistan starts monday, family speaks dari, where should i start"
    )
    assert "Start by listening" in reply
    assert "A newly arrived student and family" in reply  # had: the beginning alone


def test_nudges_asked_for_monthly_in_words_come_every_four_weeks(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: the settings shown, nudges still off.
    assert "every 4 weeks" in educator.says("how do i make the reminders monthly instead of weekly")
    settings = educator.says("nudges")
    assert "Weekly nudges: on" in settings and "How often: every 4 weeks" in settings


def test_a_refused_day_and_a_wanted_one_move_the_nudges(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    educator.says("ya no me mandes los recordatorios los lunes, mejor los viernes porfa")
    assert "Day: Friday" in educator.says("nudges")
