"""Another action for this week, asked for in words: the options for the same part of the
framework come again (never the one chosen), and the one picked takes its place in the same
journal entry. Last week's action is checked in on first; nothing planned is said so."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from bot.i18n import speaking
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation

CHANGE = replies_in("en").change_action


def with_an_action_chosen(app: CoachApp, user: str = "ms-rivera") -> tuple[Conversation, str]:
    educator = Conversation(app.coach, user)
    educator.says("reflect relational")
    educator.says("skip")
    educator.says("skip")
    chosen = educator.option(1).label
    educator.clicks("1")
    assert f"Your action for this week: _{chosen}_" in educator.transcript
    return educator, chosen


def test_the_action_changed_takes_the_place_of_the_one_chosen(app: CoachApp) -> None:
    educator, chosen = with_an_action_chosen(app)
    # Had: "Thanks for telling me you're a counselor..." and where to start, nothing changed.
    offered = educator.says(
        "can i change my action? this one doesnt really work for a middle school counselor"
    )
    assert offered.startswith("Sure. This week's action is")
    assert "pick one small action" in offered
    assert chosen not in [educator.option(n).label for n in (1, 2, 3)]
    picked = educator.option(2).label
    swapped = educator.clicks("2")
    assert swapped.startswith(CHANGE.changed)
    assert f"Your action for this week: _{picked}_" in swapped
    journal = educator.says("journal")
    assert picked in journal and chosen not in journal
    assert "1 action planned" in journal  # the same entry, not a second one


def test_an_action_of_their_own_can_take_its_place(app: CoachApp) -> None:
    educator, chosen = with_an_action_chosen(app)
    educator.says("i want to pick a different action")
    educator.clicks("Write my own")
    swapped = educator.says("Text Marco's mom about his fractions quiz on Friday")
    assert "Your action for this week: _Text Marco's mom about his fractions quiz on Friday_" in (
        swapped
    )
    assert chosen not in educator.says("journal")


def test_next_week_the_check_in_asks_about_the_new_action(app: CoachApp, clock: FakeClock) -> None:
    educator, chosen = with_an_action_chosen(app)
    educator.says("can I switch my action to something else?")
    educator.clicks("Write my own")
    educator.says("Call Ana's grandma to ask what Ana loves doing at home")
    clock.advance(days=7)
    hello = educator.says("hi")
    assert "Call Ana's grandma to ask what Ana loves doing at home" in hello
    assert "How did it go?" in hello and chosen not in hello


def test_last_week_s_action_is_checked_in_on_first(app: CoachApp, clock: FakeClock) -> None:
    educator, chosen = with_an_action_chosen(app)
    clock.advance(days=7)
    reply = educator.says("is there a way to change my action?")
    assert reply.startswith(CHANGE.last_week)
    assert chosen in reply and "How did it go?" in reply
    educator.clicks("Not yet")
    assert chosen in educator.says("journal")  # kept, to be told about


def test_with_nothing_planned_it_says_how_to_plan_one(app: CoachApp) -> None:
    assert Conversation(app.coach).says("can i change my action?") == CHANGE.none_planned


@pytest.mark.parametrize(
    "asked",
    [
        # Each had: "I'm not sure what you'd like me to do with that."
        "actually wait can i change it to calling instead",
        "wait no actually i want to do the list one instead",
    ],
)
def test_a_change_of_mind_right_after_choosing_offers_the_options(
    app: CoachApp, asked: str
) -> None:
    educator, _ = with_an_action_chosen(app)
    assert educator.says(asked).startswith("Sure. This week's action is")


def test_news_about_another_action_is_no_request_to_change(app: CoachApp) -> None:
    educator, chosen = with_an_action_chosen(app)
    reply = educator.says("i did another action with the garcias last month and it went great")
    assert not reply.startswith("Sure. This week's action is")
    assert chosen in educator.says("journal")


def test_a_change_asked_in_spanish_is_offered_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    educator.says("reflexionar relational")
    educator.says("omitir")
    educator.says("omitir")
    educator.clicks("1")
    offered = educator.says("¿Cómo le cambio la acción? Quiero mejor hacer visitas")
    with speaking("es"):
        assert offered.startswith("Claro. Su acción de esta semana es")
    educator.clicks("Escribir mi propia acción")
    swapped = educator.says("Visitar a la familia de Kevin el jueves por la tarde")
    assert swapped.startswith(replies_in("es").change_action.changed)
    assert "Visitar a la familia de Kevin el jueves por la tarde" in swapped


def test_over_the_options_nothing_saved_is_said_so(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("skip")
    educator.says("skip")
    # Had: "I haven't saved that as this week's plan, as I can't find a step in it yet."
    reply = educator.says("wait can i change my action")
    assert reply.startswith(CHANGE.not_saved_yet) and "pick one small action" in reply
    assert "Your action for this week" not in reply
