"""The App Home tab: focus, nudge settings with buttons, recent reflections."""

from __future__ import annotations

from typing import Any

from bot import home_messages as hm
from bot.i18n import in_language
from tests.slack.wire import SlackWire, buttons_of, find_button
from tests.spoken import language_of


def published(wire: SlackWire) -> dict[str, Any]:
    calls = wire.fake.of("views.publish")
    assert calls, "no views.publish"
    view: dict[str, Any] = calls[-1].args["view"]
    return view


async def open_home(wire: SlackWire, user: str = "U1") -> dict[str, Any]:
    await wire.event(
        {"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home"}
    )
    return published(wire)


async def test_a_first_visit_shows_a_welcome(wire: SlackWire) -> None:
    view = await open_home(wire)
    assert view["type"] == "home"
    assert wire.fake.of("views.publish")[-1].args["user_id"] == "U1"
    assert "Partnership Coach" in str(view["blocks"])
    assert find_button(view["blocks"], "Start a reflection")["value"] == "reflect"


async def test_home_shows_focus_nudges_and_reflections(wire: SlackWire) -> None:
    await wire.dm("reflect relational")
    await wire.dm("I called Ana's dad after practice")
    await wire.dm("Her grandma, only about absences")
    message = wire.fake.of("chat.postMessage")[-1].args | {"ts": "1700000000.000009"}
    await wire.click(buttons_of(message["blocks"])[0], message=message)
    view = await open_home(wire)
    text = str(view["blocks"])
    assert "Your focus" in text
    assert "Weekly nudges" in text
    assert "Your recent reflections" in text and "Relational" in text
    assert "not checked in yet" in text
    assert "1 action planned: 0 done" in text  # follow-through, as in the journal
    assert len(view["blocks"]) <= 100
    ids = [b["action_id"] for b in buttons_of(view["blocks"])]
    assert len(ids) == len(set(ids)), "action ids are unique in the view"


async def test_a_home_button_runs_its_words_and_refreshes_home(wire: SlackWire) -> None:
    view = await open_home(wire)
    publishes = len(wire.fake.of("views.publish"))
    button = find_button(view["blocks"], "My journal")
    await wire.click(button, container={"type": "view", "view_id": "V1"})
    assert "journal is empty" in str(wire.fake.of("chat.postMessage")[-1].args["blocks"])
    assert wire.fake.of("chat.postMessage")[-1].args["channel"] == "DU1"
    assert len(wire.fake.of("views.publish")) == publishes + 1


async def test_the_messages_tab_publishes_nothing(wire: SlackWire) -> None:
    await wire.event({"type": "app_home_opened", "user": "U1", "channel": "DU1", "tab": "messages"})
    assert not wire.fake.of("views.publish")


async def test_home_is_in_the_educators_language(wire: SlackWire) -> None:
    """Slack says es-MX: the tab, like every message, is in Spanish, dates included."""
    wire.fake.locales["UES"] = "es-MX"
    await wire.dm("reflexionar relacional", user="UES")
    await wire.dm("Llamé a la abuela de Ana para contarle algo bueno", user="UES")
    await wire.dm("Le pregunté qué le gusta leer a Ana", user="UES")
    view = await open_home(wire, "UES")
    text = str(view["blocks"])
    assert hm.HOME_FOCUS_TITLE.in_language("es") in text
    assert hm.HOME_NUDGES_TITLE.in_language("es") in text
    assert language_of(text) == "es", text
    assert find_button(view["blocks"], in_language("My journal", "es"))["value"] == "journal"
