"""A 4th-grade teacher in Caguas, Puerto Rico, who writes only in Spanish (session 40): what
she said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_the_day_said_wins_over_the_holiday_named_after_it(app: CoachApp) -> None:
    maritza = Conversation(app.coach, "sra-colon", timezone="America/Puerto_Rico")
    maritza.says("español")
    maritza.says("recordatorios on")
    reply = maritza.says(
        "pausa los recordatorios hasta el 10 de enero, estamos de vacaciones de navidad"
    )
    # Had: "en pausa hasta el viernes 25 de diciembre... Próximo recordatorio: martes 29".
    assert "hasta el domingo 10 de enero" in reply


def test_a_pause_asked_where_carrying_the_step_is_asked_is_the_pause(
    app: CoachApp, clock: FakeClock
) -> None:
    maritza = Conversation(app.coach, "sra-colon", timezone="America/Puerto_Rico")
    maritza.says("español")
    maritza.says("recordatorios on")
    maritza.says("reflexionar")
    maritza.says("con doña Carmen, la abuela de Yadiel, me contó que el nene no duerme bien")
    maritza.says("con la mai de Gabriel, siempre le escribo por problemas de conducta")
    maritza.clicks("Escribir mi propia")
    assert "Su acción para esta semana" in maritza.says("Llamar a la mai de Gabriel el jueves")
    clock.advance(days=7)
    maritza.says("diario")
    maritza.says("todavía no")
    assert "¿Quiere pasarla a esta semana?" in maritza.says("no tuve tiempo")
    clock.advance(days=3)
    reply = maritza.says(
        "pausa los recordatorios hasta el 10 de enero, me voy pa Orlando a ver a mi hermana"
    )
    # Had: "Es su acción para esta semana: 'pausa los recordatorios hasta el 10 de enero...'".
    assert "Es su acción para esta semana" not in reply
    assert "en pausa hasta el domingo 10 de enero" in reply


def test_reminders_asked_for_in_spanish_words_come_then(app: CoachApp) -> None:
    maritza = Conversation(app.coach, "sra-colon", timezone="America/Puerto_Rico")
    maritza.says("español")
    # Had: "Recordatorios semanales: desactivados", and "No estoy seguro de qué quiere".
    assert "activados" in maritza.says("activa los recordatorios")
    reply = maritza.says("quiero q me recuerdes los domingos por la noche, como a las 7")
    assert "cada domingo a las 19:00" in reply


def test_feliz_navidad_is_wished_back(app: CoachApp) -> None:
    maritza = Conversation(app.coach, "sra-colon")
    maritza.says("español")
    # Had: "De momentos así nacen las alianzas...", and "no puedo con mi vida" "No estoy seguro".
    assert "igualmente" in maritza.says("feliz navidad!!")
    assert "No estoy seguro" not in maritza.says("no puedo con mi vida")


def test_the_settings_words_in_spanish_are_settings(app: CoachApp) -> None:
    maritza = Conversation(app.coach, "sra-colon")
    maritza.says("español")
    maritza.says("recordatorios activar")
    assert "a las 19:00" in maritza.says("recordatorios hora 19:00")
    # Had: "No conozco la opción de recordatorios `apagar`".
    assert "desactivados" in maritza.says("recordatorios apagar")
