"""A step the educator names in an answer is offered back first at the action step, in their
own words; a step someone else will take, one undone, or one asked about is not."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from bot.i18n import speaking
from bot.understanding.own_plan import own_plan, without_hedge
from content.understanding_schema import replies_in
from tests.dialog import Conversation

YOURS = "The first one is your own idea"


def answered(app: CoachApp, second_answer: str) -> Conversation:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I talked with Ana's dad at pickup, he told me she loves drawing")
    educator.says(second_answer)
    return educator


def test_a_step_named_in_an_answer_is_offered_first_and_saved_as_written(
    app: CoachApp,
) -> None:
    educator = answered(
        app, "the garcias. i could text mom something about how maria helped a classmate"
    )
    assert YOURS in educator.transcript
    assert educator.option(1).label == "Text mom something about how maria helped a classmate"
    educator.clicks("1")
    journal = educator.says("journal")
    assert "Text mom something about how maria helped a classmate" in journal


def test_an_own_step_says_who_it_is_for_when_the_answer_named_the_family(
    app: CoachApp,
) -> None:
    educator = answered(
        app,
        "honestly probably the Johnsons, i only call when he's in trouble. maybe i could text"
        " them about his science project",
    )
    assert educator.option(1).label == "Text the Johnsons about his science project"
    # A child's name alone is no one to put in mom's place.
    other = Conversation(app.coach, "mr-cole")
    other.says("reflect relational")
    other.says("skip")
    other.says("Jaylen did great today. i could text her about it")
    assert other.option(1).label == "Text her about it"
    # A step to no one goes to the family named (had: "Send a pic of his science project").
    third = Conversation(app.coach, "ms-obi")
    third.says("reflect relational")
    third.says("skip")
    third.says(
        "probably the Okafors, i only emailed about missing work. i could send a pic of his"
        " science project"
    )
    assert third.option(1).label == "Send the Okafors a pic of his science project"


@pytest.mark.parametrize(
    "answer",
    [
        "the Petrovs. my co-teacher is gonna handle the parent emails this month",
        "the Millers. I'm not going to call them again, it never goes anywhere",
        "I should have called the Lees sooner honestly",
    ],
)
def test_no_own_idea_is_claimed_when_the_answer_names_no_step_of_theirs(
    app: CoachApp, answer: str
) -> None:
    educator = answered(app, answer)
    assert "pick one small action" in educator.transcript
    assert YOURS not in educator.transcript


def test_a_spanish_answer_s_step_is_offered_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    educator.says("reflexionar relational")
    educator.says("Hablé con la mamá de Luis en la salida, me contó que le encanta el fútbol")
    educator.says("la familia de Kevin. este viernes voy a mandarle un audio por whatsapp a mamá")
    assert "La primera es su propia idea" in educator.transcript
    assert educator.option(1).label == "Mandarle un audio por whatsapp a mamá"


def test_a_spanish_step_to_them_says_who_they_are(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    educator.says("reflexionar relational")
    educator.says("ninguna esta semana, tuve evaluaciones todo el día")
    educator.says(
        "la familia de Brayan, solo les hablé cuando se peleó en el recreo. podría mandarles"
        " algo bueno que hizo en matemáticas"
    )
    # Had: "Mandarles algo bueno que hizo en matemáticas", to no one in the journal.
    label = "Mandarles a la familia de Brayan algo bueno que hizo en matemáticas"
    assert educator.option(1).label == label


def test_the_step_stops_where_its_reason_begins() -> None:
    with speaking("en"):
        said = "ill call mom thursday because she works nights, and if she doesnt pick up ill text"
        assert own_plan(said) == "Call mom thursday"
        assert own_plan("Could do a student-led conference for Leilani so her mom hears it") == (
            "Do a student-led conference for Leilani"
        )
        assert own_plan("the office could send the flyers in spanish") is None
        assert own_plan("the Lees. should i call or text them?") is None  # asked, not planned


@pytest.mark.parametrize(
    ("answer", "step"),
    [
        ("tal vez le mando un audio por whatsapp en la noche", "Le mando un audio por whatsapp"),
        ("maybe text mom about the field trip", "Text mom about the field trip"),
    ],
)
def test_a_hedged_note_to_self_is_a_step(answer: str, step: str) -> None:
    found = own_plan(answer)
    assert found is not None and found.startswith(step)
    assert own_plan("maybe the family of jayden") is None  # hedged, but no step in it


def test_a_spanish_rather_is_part_of_the_hedge_not_of_the_step() -> None:
    # Session 35: "creo que mejor le escribo una nota" was saved as "Mejor le escribo...".
    with speaking("es"):
        assert without_hedge("creo que mejor le escribo una nota a la mamá") == (
            "Le escribo una nota a la mamá"
        )


def test_what_is_said_around_an_own_step_is_heard_when_it_is_saved(app: CoachApp) -> None:
    educator = answered(app, "the Nguyens. Mostly I call when something is already wrong")
    saved = educator.says(
        "i guess i could call when a kid does something good but i have 400 kids on my caseload"
    )
    # The step is saved without its lead-in; the caseload is heard, not dropped with it.
    assert "_Call when a kid does something good_" in saved
    [heard] = [line for line in replies_in("en").acknowledge["time"] if line in saved]
    assert saved.index(heard) < saved.index("Saved to your journal")
