"""A bilingual paraeducator and family liaison in Yakima who writes in Spanish and Spanglish
(session 41): what she said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from bot.understanding.deficit import deficit_findings
from tests.dialog import Conversation


def test_a_teacher_quoted_in_a_spanish_sentence_is_not_her_wording() -> None:
    said = (
        "yo si, pero en el staff meeting la maestra Kowalski dijo \"those parents just don't "
        'care, they never come" hablando de los papás de Josué'
    )
    # Had: a rewrite of the teacher's words offered to the para who defended the family.
    assert deficit_findings(said) == []


def test_weekly_reminders_asked_in_spanish_with_a_day_and_an_evening_hour(
    app: CoachApp,
) -> None:
    lupita = Conversation(app.coach, "sra-mendoza", timezone="America/Los_Angeles")
    lupita.says("language es")
    reply = lupita.says(
        "me puedes mandar un recordatorio cada semana? los martes en la noche como a las 8 pm, "
        "en el dia no tengo tiempo"
    )
    # Had: the settings, "desactivados... Escriba `recordatorios on`".
    assert "activados" in reply and "martes 17 de noviembre, 20:00" in reply


def test_no_to_a_reflection_said_first_is_heard_whatever_follows(app: CoachApp) -> None:
    lupita = Conversation(app.coach, "sra-mendoza")
    lupita.says("language es")
    reply = lupita.says(
        "no ahorita no quiero reflexionar, nomas apuntalo: usar dibujos y audios en vez de "
        "notas escritas para las familias de mixteco, la mayoria no lo lee"
    )
    # Had: "Reflexionemos sobre *Relacional*...".
    assert "Reflexionemos" not in reply and "No hay problema" in reply
