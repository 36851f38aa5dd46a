"""Messages from a sweep of new ones (session 33, plain_messages_sweep8.yaml) that the coach
had misread, typed out of the blue by a new educator: a parent who is a reporter, a student
working nights, a parent asking for a personal Instagram or texting at 2 am, a parent who was
once the teacher's student, twins' parents comparing teachers, a family with two moms, a race
concern, credentials questioned, a child's English support declined, a parent crying at
drop-off, a letter for court, a dad asking the teacher out, rural families with no internet,
grief and a permission to hit said in Spanish, a joke, an answer too long, a reframe that
stung, what the coach does not do, the nudges' hour asked in words, and a reflection asked
for on a tired day."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.dialog import first_reply


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        # Had: "That sounds tense. Anger from a family usually comes from worry..."
        (
            "one of my parents is a reporter for the local paper and she just emailed asking for "
            "'a comment' on our reading scores. what do i even say back",
            "district's communications office",
        ),
        # Had: "No problem. It's there whenever you want it" ("I dont want to" read as a no).
        (
            "I have a junior who works closing shifts at a warehouse til 2am to help w rent. hes "
            "asleep in 1st period every day. I dont want to get him in trouble I want to help. "
            "where do i start",
            "carrying adult weight",
        ),
        # Had: the framework's "Confidence".
        (
            "a parent DMed me asking for my personal insta so she can 'see more pics of the kids'. "
            "how do i say no nicely",
            "Check your district's policy first",
        ),
        # Had: the framework's "Cognition".
        (
            "got a text from a parent at 2:14 am about a missing library book. how do I set "
            "expectations about texting hours without sounding cold",
            "Check your district's policy first",
        ),
        # Had: the framework's "Collaborative".
        (
            "so one of my new parents was literally in my class 14 years ago. she still calls me "
            "Mrs. K. any tips for making it feel like partners",
            "A parent you once taught",
        ),
        # Had: "That's the kind of moment partnerships grow from."
        (
            "twins, one in my class one next door. parents keep comparing us at every conference "
            "('her sister's teacher sends photos every day'). how do I handle it",
            "Don't defend yourself against the other class",
        ),
        # Had: the framework's "Relational".
        (
            "Two moms in my class, and a couple other parents have been weird about it during "
            "party planning. How do I make sure they feel welcome without making it A Thing?",
            "Every family in our class is welcome here",
        ),
        # Had: "I don't have a ready answer for that one."
        (
            "Parent thinks I'm targeting her kid because we're different races. I honestly don't "
            "think I am but I want to take it seriously. How do I approach the conversation?",
            "Meet to listen, not to defend",
        ),
        (
            "parent asked me if im 'a real teacher' bc Im on an emergency certificate. lol ouch. "
            "how do i answer",
            "Answer the worry underneath",
        ),
        # Had: "Parents who live apart".
        (
            "mom says her son 'doesnt need ESL anymore' and wants him out. hes not ready. how do i "
            "talk to her about it",
            "what the support adds",
        ),
        # Had: heard as a bright spot.
        (
            "soy maestra de kinder y una mamá llora todos los días en la puerta al dejar a su "
            "hija. la niña está bien, la mamá no jaja. cómo la apoyo?",
            "goodbye routine",
        ),
        # Had: "No problem. It's there whenever you want it", then a note home begun.
        (
            "parent asked me to 'write a letter for court' about how her kid is doing. i dont "
            "want to be in the middle. am i allowed to say no",
            "Talk to your principal before you write anything",
        ),
        # Had: the framework's "Asset-based".
        (
            "a dad keeps asking me out. like, politely, but repeatedly. his kid is in my class. "
            "what do i do",
            "say no, plainly and once",
        ),
        # Had: the framework's "Systemic".
        (
            "half my families live way out past the county line w no internet. everything from "
            "the district is a link. what actually works for rural families",
            "paper, calls and faces",
        ),
        # Had: "I don't have a ready answer for that one."
        (
            "tengo una reunión mañana con una familia que perdió al papá hace dos semanas. el "
            "niño vuelve a clases el lunes. qué les digo",
            "A death in a student's family",
        ),
        (
            "necesito consejo. un papá me dijo que en su país los maestros pegan y que yo puedo "
            "'corregir' a su hijo como quiera. cómo le explico que aquí no es así",
            "you won't hit",
        ),
        (
            "can parents use this too? one of my room parents asked if there's a version for her",
            "built for school staff",
        ),
        # Had: the nearest answer, a death in the school community.
        (
            "why did the teacher wear sunglasses to parent night? because her students were so "
            "bright. ok thats my joke for today",
            "staff room",
        ),
        # Had: heard as a hard week.
        ("your last answer was way too long, im reading this between classes", "is the gist"),
        # Had: how to use `reframe`.
        (
            "That reframe was kinda condescending tbh. The parent really did cuss me out.",
            "You're right to push back",
        ),
        # Had: a death in a student's family (the model), then "I don't have a ready answer".
        (
            "is it weird if I go to a student's family's quinceañera. I got invited. i'm his "
            "teacher not hers, he's the brother",
            "It isn't weird",
        ),
        # Had: "I'm not sure what you'd like me to do with that."
        ("whats the weather tomorrow", "outside what I do"),
        ("can you write my sub plans for friday", "outside what I do"),
        # Had: the nudges' settings unchanged ("not" read as a refusal).
        ("can you make the tips come at 6pm not in the morning", "18:00"),
        # Had: "I don't have a ready answer for that one."
        ("what day do my tips come again", "Weekly nudges"),
        # Had: heard as a hard week.
        ("haz conmigo una reflexión cortita, estoy agotada", "Question 1 of"),
    ],
)
def test_a_message_the_sweep_found_gets_the_reply_it_asks_for(
    app: CoachApp, asked: str, answered: str
) -> None:
    assert answered in first_reply(app, asked)


@pytest.mark.parametrize(
    "asked",
    [
        # "dos mamás" sending screenshots, and a picture book with two dads in it, are no
        # family with two moms in the class.
        "me llegan los screenshots de dos mamás peleando en el grupo de whatsapp, qué hago",
        "librarian, k-5. parent complained about a picture book her kid checked out (it has two "
        "dads in it). principal forwarded it to me. how do i respond",
    ],
)
def test_two_moms_named_in_passing_are_no_family_of_two_moms(app: CoachApp, asked: str) -> None:
    assert "Every family in our class is welcome" not in first_reply(app, asked)


def test_a_turnout_count_is_still_heard_as_a_turnout(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "Back to school night is Thursday. last year 6 families came out of 31. any ideas that "
        "actualy work",
    )
    assert "partnerships grow from" not in reply
