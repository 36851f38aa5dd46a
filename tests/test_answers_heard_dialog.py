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


LEARNED = replies_in("en").named.learned
SILENCE = replies_in("en").acknowledge["no-response"]


@pytest.mark.parametrize(
    ("answer", "who"),
    [
        # Had: "That quiet is hard" (a silence the model guessed).
        (
            "la mama de kevin vino a la oficina y hablamos un rato, she told me he's been having "
            "nightmares since they moved. le di el numero de la counselor",
            "La mamá de Kevin",  # said back with its accent (session 35)
        ),
        # Had: "Hard conversations take a lot out of you" (no hard conversation was told).
        (
            "hablé con el papá de yeison, they just got here from colombia in august. he told me "
            "yeison was top of his class back home y que se siente frustrado aquí porque no "
            "entiende nada. that totally changes how i see him",
            "El papá de Yeison",
        ),
    ],
)
def test_what_a_family_told_is_heard_as_what_listening_brings(
    app: CoachApp, answer: str, who: str
) -> None:
    heard = first_answer_heard(app, answer)
    assert any(line.format(who=who) in heard for line in LEARNED)
    assert not any(line in heard for line in SILENCE) and "Hard conversations" not in heard


def test_a_word_quoted_back_is_no_news(app: CoachApp) -> None:
    heard = first_answer_heard(
        app, "only mom answered by text. she said 'ok thank u' so... partial?"
    )
    assert not any(line.format(who="the family").casefold() in heard.casefold() for line in LEARNED)


def test_a_bright_spot_in_the_words_leads_a_silence_only_guessed(app: CoachApp) -> None:
    heard = first_answer_heard(
        app,
        "two way = they talk back? then maybe 1. ava's dad replied to my class dojo msg saying she "
        "loves the class hamster",
    )
    # Had: "Not hearing back, or seeing the same few faces, is discouraging."
    assert any(line in heard for line in BRIGHT)
    assert not any(line in heard for line in SILENCE)
