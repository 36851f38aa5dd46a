"""A guided conversation left for days is set aside, not answered into: a question typed a
week later is answered for itself, and the old reflection waits to be picked up or let go."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.models import Reflection
from tests.clock import FakeClock
from tests.dialog import Conversation

QUESTION_2 = "Question 2 of 2"


def stopped_after_one_answer(app: CoachApp) -> Conversation:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    asked = educator.says("I talked with Ana's dad at pickup, he told me she loves drawing")
    assert QUESTION_2 in asked
    return educator


def test_a_question_a_week_later_is_answered_and_the_reflection_waits(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(days=8)
    reply = educator.says("hey, how do I run a home visit?")
    assert "home visit" in reply.casefold()
    assert "On Mon Nov 16 we stopped partway through your reflection on *Relational" in reply
    assert QUESTION_2 not in reply  # the week-old question is not asked over it

    picked_up = educator.clicks("Pick it up")
    assert QUESTION_2 in picked_up
    educator.says("the Nguyens. a first note about how Minh helps his little sister")
    educator.clicks("1")
    journal = educator.says("journal")  # both answers: the one kept all week, and the new one
    assert "Ana's dad" in journal
    assert "Nguyens" in journal


def test_let_it_go_ends_it_and_a_draft_asked_for_starts_at_once(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(days=3)
    reply = educator.says("can you help me write a note to a parent?")
    assert "Let's write a short note home" in reply
    # The draft took its place (one at a time), and the educator is told so.
    assert "We stopped partway through your reflection on *Relational" in reply
    assert "Pick it up?" not in reply and "still open" not in reply
    educator.says("cancel")
    assert "Question 1 of 2" in educator.says("reflect relational")  # a fresh one


def test_a_hello_after_a_week_is_a_hello_with_the_offer(app: CoachApp, clock: FakeClock) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(days=7)
    reply = educator.says("hi")
    assert "We were in the middle of this" not in reply
    assert "Pick it up?" in reply
    let_go = educator.clicks("Let it go")
    assert "let your reflection on *Relational" in let_go
    fresh = educator.says("reflect asset-based")
    assert "Question 1 of 2" in fresh
    assert "still open" not in fresh


@pytest.mark.parametrize(
    ("away", "answer"),
    [
        (timedelta(hours=20), "maybe the Okafors, I've only emailed about missing homework"),
        # An answer is an answer, however long it waited.
        (timedelta(days=6), "the Okafors, I've only emailed about homework. a call about his art"),
    ],
)
def test_an_answer_after_a_night_or_a_week_goes_on_the_reflection(
    app: CoachApp, clock: FakeClock, away: timedelta, answer: str
) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(seconds=away.total_seconds())
    reply = educator.says(answer)
    assert "pick one small action" in reply
    assert "Pick it up?" not in reply


def test_set_aside_waits_through_other_messages_and_a_typed_yes_picks_it_up(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(days=8)
    educator.says("hello")
    assert "Pick it up?" in educator.transcript
    again = educator.says("thanks!")
    assert "Pick it up?" not in again  # offered once, not after every message
    assert QUESTION_2 in educator.says("yes")


def test_starting_another_reflection_lets_the_set_aside_one_go(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(days=8)
    educator.says("how do families feel welcome at school?")
    fresh = educator.says("reflect asset-based")
    assert "Question 1 of 2" in fresh
    assert "still open" not in fresh
    with app.sessions() as session:
        assert session.scalars(select(Reflection)).all() == []  # nothing half-done was filed


def test_spanish_speakers_get_the_offer_in_spanish(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    educator.says("reflexionar relational")
    educator.says("Hablé con la mamá de Luis en la salida, me contó que le encanta el fútbol")
    clock.advance(days=8)
    reply = educator.says("¿cómo hago una visita al hogar?")
    assert "dejamos a medias su reflexión" in reply
    assert "Retomarla" in reply
    assert "Pregunta 2 de 2" in educator.clicks("Retomarla")


def test_cancel_ends_a_set_aside_reflection(app: CoachApp, clock: FakeClock) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(days=8)
    educator.says("hi")
    assert "Pick it up?" in educator.transcript
    assert "Nothing from it was saved" in educator.says("cancel")
    assert "Question 1 of 2" in educator.says("reflect relational")  # nothing left open


def test_a_week_old_forget_confirmation_just_ends(app: CoachApp, clock: FakeClock) -> None:
    educator = stopped_after_one_answer(app)
    educator.says("cancel")
    educator.says("forget")
    clock.advance(days=8)
    reply = educator.says("hi there, how do I run a home visit?")
    assert "home visit" in reply.casefold() and "Pick it up?" not in reply
    assert "still open" not in educator.says("journal")  # the confirmation ended


def test_reflect_typed_a_week_later_starts_a_new_one_and_says_so(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = stopped_after_one_answer(app)
    clock.advance(hours=2)
    assert "still open" in educator.says("reflect asset-based")  # the same evening: go on
    clock.advance(days=7)
    fresh = educator.says("reflect asset-based")
    assert fresh.startswith("We stopped partway through your reflection on *Relational")
    assert "Question 1 of 2" in fresh and "still open" not in fresh
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    maestra.says("reflexionar relational")
    maestra.says("Hablé con el papá de Ana en la salida, me contó que le encanta dibujar")
    same_evening = maestra.says("reflexionar asset-based")
    assert "Pregunta 2 de 2" in same_evening and "Entendido" not in same_evening  # no answer
    clock.advance(days=7)
    assert "quedó a medias su reflexión" in maestra.says("reflexionar asset-based")
