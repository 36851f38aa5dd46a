"""Answers to a reflection's first question from a writer who read nothing of the coach
(session 32, tests/data/understanding/reflection_answers_sweep.yaml), heard for what they
mostly say: a bright spot told beside a night shift is the bright spot, a mother who "shows up
to nothing" is no bright spot, and a mother who called in tears is not angry."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.dialog import Conversation

BRIGHT = replies_in("en").acknowledge["positive"]


def first_answer_heard(app: CoachApp, answer: str) -> str:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    return educator.says(answer)


@pytest.mark.parametrize(
    "answer",
    [
        # Had: "Heard: time is stretched thin" (the mother works nights).
        "mom of the twins in my class texted back and forth w me for like an hour about reading "
        "logs. she works nights so texting is the only way. learned the twins read to their "
        "little brother before bed 🥹",
        # Had: "Schedules are doing a lot of the talking here" (the boy gets overwhelmed).
        "im a 1:1 para for a student w autism. his mom and i text daily actually, she's teaching "
        "me his signs for when hes overwhelmed (he rubs his ears). shes the expert honestly",
    ],
)
def test_a_bright_spot_beside_a_busy_life_is_heard_as_the_bright_spot(
    app: CoachApp, answer: str
) -> None:
    heard = first_answer_heard(app, answer)
    assert any(line in heard for line in BRIGHT)
    assert "time is stretched thin" not in heard and "Schedules are doing" not in heard


def test_a_mother_who_shows_up_to_nothing_is_no_bright_spot(app: CoachApp) -> None:
    heard = first_answer_heard(
        app,
        "his mom is checked out. she shows up to nothing. i get that life is hard but at some "
        "point",
    )
    # Had: "That's the framework in action: starting from what already works".
    assert not any(line in heard for line in BRIGHT)
    assert "A gentle thought on wording" in heard  # "checked out" is still offered a second look


def test_a_mother_who_called_in_tears_is_heard_with_care_not_as_anger(app: CoachApp) -> None:
    heard = first_answer_heard(
        app,
        "la mamá de valeria me llamó llorando porque la niña no quiere venir a la escuela. "
        "hablamos mucho rato. parece que unas niñas la están molestando en el recreo",
    )
    # Had: "That sounds tense. Anger from a family usually comes from worry...".
    assert "Anger from a family" not in heard
    assert "A parent crying with you is a sign of trust" in heard


@pytest.mark.parametrize(
    ("answer", "heard"),
    [
        # Had: 'Thanks, I see what you mean about "none and i feel bad about it".'
        ("none and i feel bad about it", "there's nothing to make up for"),
        # Had: 'Noted, "realized i only ever contact families when something is wrong".'
        (
            "realized i only ever contact families when something is wrong. didnt make a single "
            "positive call this week. thats kinda on me",
            "a call from school has come to mean trouble",
        ),
    ],
)
def test_what_an_educator_owns_is_heard_without_blame(
    app: CoachApp, answer: str, heard: str
) -> None:
    assert heard in first_answer_heard(app, answer)
