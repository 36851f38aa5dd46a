"""A 2nd-grade dual-language teacher who writes in WhatsApp Spanish (session 39): what she
said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_a_child_afraid_his_mom_will_be_taken_is_immigration_fear(app: CoachApp) -> None:
    lupita = Conversation(app.coach, "maestra-lupita", locale="es-MX")
    reply = lupita.says(
        "ayyy te cuento!! las conferencias salieron bonitas. pero la mama de jonathan no vino y "
        'hoy jonathan me dijo "maestra mi mama dice q si la paran a ella tmb me voy con la '
        'vecina". me dejo helada'
    )
    # Had: "No recibir respuesta, o ver siempre las mismas caras, desanima."
    assert "Familias con miedo por los operativos migratorios" in reply
    assert "mismas caras" not in reply


def test_her_own_school_story_is_heard_not_sent_to_an_interpreter(app: CoachApp) -> None:
    lupita = Conversation(app.coach, "maestra-lupita", locale="es-MX")
    lupita.says("reflexionar culturally-responsive")
    lupita.says(
        "q la mama de sofia de chiquita la regañaban en la escuela por hablar español, ella me "
        "lo conto. por eso no quiere q sofia pase lo mismo"
    )
    reply = lupita.says(
        "uff. yo tmb creci en michoacan y aqui en la escuela me daba pena hablar español. creo "
        "q por eso me enoje con la mama. pero no es eso"
    )
    # Had: "Salió el tema del idioma... un intérprete", and booking one offered first.
    assert "la misma herida" in reply
    assert "intérprete" not in reply


def test_a_note_sent_with_the_results_not_known_yet_is_done(
    app: CoachApp, clock: FakeClock
) -> None:
    lupita = Conversation(app.coach, "maestra-lupita", locale="es-MX")
    lupita.says("reflexionar relational")
    lupita.says("con la sra ramirez, por audio de whatsapp")
    lupita.says("con los osorio, siempre es por la tarea")
    lupita.says("mando una notita a todas las familias pidiendo q traigan una foto de su hijo")
    clock.advance(days=7)
    lupita.says("diario")
    reply = lupita.says(
        "la nota si la mande! 18 familias dijeron q si traen algo. las conferencias son mañana, "
        "martes y miercoles asi q todavia no se como sale jaja"
    )
    # Had: "A veces el plan solo necesita una semana más" ("todavia no" read as not yet).
    assert "una semana más" not in reply
    assert "Hecho" in reply or "Lo hizo" in reply
