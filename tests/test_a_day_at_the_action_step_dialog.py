"""A day typed over the week's action options is when, not what (session 39)."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def _at_the_action_step(who: Conversation) -> str:
    who.says("reflect relational")
    who.says("the Ortiz family, mom told me he loves soccer")
    return who.says("the Lees, only called about late work")


def test_a_day_and_time_is_kept_with_the_step_picked_next(app: CoachApp) -> None:
    ms_kim = Conversation(app.coach)
    _at_the_action_step(ms_kim)
    reply = ms_kim.says("tuesday nights like 8:30")
    # Had: "Heard: time is stretched thin", as if the week were too full.
    assert "stretched thin" not in reply
    assert "which step will you take then?" in reply
    saved = ms_kim.clicks("1")
    assert "(tuesday nights like 8:30)" in saved and "Saved to your journal" in saved


def test_a_step_with_its_day_is_saved_as_typed(app: CoachApp) -> None:
    mr_bo = Conversation(app.coach)
    _at_the_action_step(mr_bo)
    saved = mr_bo.says("text the Lees on thursday about his drawing")
    assert "_text the Lees on thursday about his drawing_" in saved


def test_in_spanish_the_day_is_kept_too(app: CoachApp) -> None:
    maestra = Conversation(app.coach, locale="es-MX")
    maestra.says("reflexionar relational")
    maestra.says("la familia Ortiz, la mamá me contó que le encanta el fútbol")
    maestra.says("los Lee, solo les he llamado por tareas atrasadas")
    assert "guardo el día con ella" in maestra.says("el jueves en la tarde")
    assert "(el jueves en la tarde)" in maestra.clicks("2")
