"""A counselor who writes in Spanish, on a weeknight (session 34): "hola, buenas noches" had
been told goodbye, "2" typed under the offer of Spanish had set her role to school leader (the
role question, taken out of that reply, was still the one a number answered), and "tal vez el
viernes" at "carry it into this week?" was kept as a note and the question asked again."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_hola_buenas_noches_is_a_hello(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("hola, buenas noches")
    assert "Take care" not in reply and "Cuídese" not in reply
    assert "español" in reply  # the offer of Spanish, made once


def test_buenas_noches_alone_on_the_way_out_is_still_goodbye(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hi")
    assert "Take care" in educator.says("ok buenas noches")


def test_the_offer_of_spanish_is_answered_by_its_number(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hola, buenas noches")
    reply = educator.says("2")
    assert "le hablo en español" in reply
    assert "school leader" not in reply and "Líder escolar" in reply  # the role asked, not set
    assert "Reflexionemos" in educator.says("reflexionar")


def test_a_number_long_after_the_offer_picks_nothing(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says("hola, buenas noches")
    clock.advance(days=1)
    assert "nothing to pick by number" in educator.says("2")


def test_a_day_said_at_carry_it_into_this_week_carries_it(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says("language es")
    educator.says("reflexionar relational")
    educator.says("la mamá de Brandon, solo le escribo cuando hay problemas de conducta")
    reply = educator.says("podría contarle que ayudó a organizar el torneo")
    if "Último paso" not in reply:
        educator.says("podría contarle que ayudó a organizar el torneo")
    assert "Guardado en su diario" in educator.says("1")
    clock.advance(days=7)
    assert "¿Cómo le fue?" in educator.says("hola")
    educator.says("más o menos")
    assert "¿Quiere pasarla a esta semana?" in educator.says("no me contestó")
    reply = educator.says("tal vez el viernes")
    assert "Es su acción para esta semana" in reply
    assert "tal vez el viernes" in educator.says("diario")
