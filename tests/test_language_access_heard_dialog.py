"""What an educator says about language access that changes the advice (session 39): they
speak the family's language themselves, or no one near speaks it at all."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation

BOOK_AN_INTERPRETER = "Ask the office which families need an interpreter"


def test_an_educator_who_speaks_the_language_is_not_sent_to_book_an_interpreter(
    app: CoachApp,
) -> None:
    ana = Conversation(app.coach)
    ana.says("reflect relational")
    reply = ana.says("i speak spanish myself so i talk to the moms directly, no interpreter needed")
    # Had: "Language access is part of the work, not extra to it: the best next steps bring it
    # in", and booking an interpreter offered at the last step.
    assert "You speak the family's language yourself" in reply
    options = ana.says(
        "the Ramirez family, only called about tardies. could say something he did well"
    )
    assert BOOK_AN_INTERPRETER not in options
    assert "Last step" in options


def test_a_language_no_one_nearby_speaks_gets_ways_to_find_an_interpreter(app: CoachApp) -> None:
    ms_ortiz = Conversation(app.coach)
    ms_ortiz.says("reflect relational")
    reply = ms_ortiz.says(
        "we have no K'iche' interpreter in the whole district, the dad speaks k'iche and a "
        "little spanish"
    )
    # Had: "Families can partner fully in any language when the school brings an interpreter".
    assert "phone or video interpreting service" in reply
    options = ms_ortiz.says("nobody really")
    assert "phone interpreter in the family's own language" in options
    assert BOOK_AN_INTERPRETER not in options


def test_asked_outside_a_reflection_it_is_the_language_no_one_speaks(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "no one at school speaks dari and the mom has a meeting about her son next week"
    )
    assert "A family language no one on staff speaks" in reply
    assert BOOK_AN_INTERPRETER.casefold() not in reply.casefold()


def test_a_language_still_to_bridge_still_gets_the_interpreter_options(app: CoachApp) -> None:
    ms_lee = Conversation(app.coach)
    ms_lee.says("reflect relational")
    ms_lee.says("the Tran family, mom only speaks vietnamese and i don't")
    assert BOOK_AN_INTERPRETER in ms_lee.says("the Trans, only about missing work")


def test_in_spanish_the_bilingual_teacher_is_heard_too(app: CoachApp) -> None:
    lupita = Conversation(app.coach, locale="es-MX")
    lupita.says("reflexionar relational")
    reply = lupita.says("yo hablo español con las mamás, no necesito intérprete")
    assert "habla el idioma de la familia" in reply
    options = lupita.says("la familia Pérez, solo les he hablado por las tardanzas")
    assert "reserve uno para su próxima llamada" not in options
