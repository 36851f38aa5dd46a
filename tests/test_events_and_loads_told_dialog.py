"""What an educator tells that has an answer of its own: an event where children show their
learning (asked about, not celebrated), the one bilingual person asked to translate
everything, and a family moving away."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.dialog import Conversation


@pytest.mark.parametrize(
    "asked",
    [
        # Had: "That quiet is hard", and tries for a family that never answers.
        "my class is having a publishing party, how do i get families to come",
        "any tips for our authors tea",
    ],
)
def test_an_event_showing_learning_gets_invitations_from_the_children(
    app: CoachApp, asked: str
) -> None:
    reply = Conversation(app.coach).says(asked)
    assert "Invitations that work come from the child" in reply
    assert "That quiet is hard" not in reply


def test_an_event_that_went_well_is_celebrated_not_advised(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("we had a poetry cafe today and 20 families came!!")
    assert "Invitations that work" not in reply and "Want to build on it?" in reply


def test_the_one_who_translates_everything_is_heard_not_lectured(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "i'm the ELL liaison and i'm exhausted, every teacher wants me to translate everything"
    )
    # Had: "Language came up. Families can partner fully in any language..."
    assert "a school-sized job on one person" in reply and "Language came up" not in reply


def test_a_family_moving_away_is_heard_with_the_goodbye_in_mind(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "the family is moving and she's sad about leaving her friends"
    )
    # Had: 'Noted, "the family is moving and she's sad about leaving her friends".'
    assert "the goodbye matters" in reply and "Noted," not in reply


def test_in_a_reflection_an_answer_of_its_own_is_said_back_in_one_sentence(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("the Lopez family is moving to another state next month")
    assert "the goodbye matters." in reply and "Question 2 of 2" in reply
    assert "A few things help" not in reply  # the whole paragraph, before the next question
    asked = Conversation(app.coach, "ms-yu")
    asked.says("reflect relational")
    # Asked, the whole answer.
    assert "A few things help" in asked.says(
        "the Lopez family is moving, how do i say goodbye well?"
    )
