"""The same scripted reflection through Teams and through the terminal stores the same journal."""

from __future__ import annotations

from typing import Any

from bot.app import CoachApp
from bot.inbound import Platform
from tests.conformance import (
    DRAFT_SCRIPT,
    SPANISH_SCRIPT,
    ConsoleDriver,
    run_script,
    stored_drafts,
    stored_journal,
)
from tests.dialog import Conversation
from tests.spoken import language_of
from tests.teams import activities
from tests.teams.conftest import TeamsChat

CONFORMANCE_USER = "7b2e9d10-0000-4000-8000-00000000c0f1"


class TeamsDriver:
    """An educator in a personal chat: typing, and clicking the latest card's buttons."""

    def __init__(self, chat: TeamsChat) -> None:
        self.chat = chat
        self.chat.user = CONFORMANCE_USER
        self.buttons: list[dict[str, Any]] = []

    def _remember_buttons(self) -> None:
        if self.chat.actions():
            self.buttons = self.chat.actions()

    async def say(self, text: str) -> None:
        await self.chat.says(text)
        self._remember_buttons()

    async def click(self, label: str) -> None:
        if label.isdigit():
            action = self.buttons[int(label) - 1]
        else:
            action = next(b for b in self.buttons if b["title"].startswith(label))
        await self.chat.clicks_data(action["data"])
        self._remember_buttons()


async def test_teams_and_the_terminal_store_the_same_reflections(
    teams: TeamsChat, app: CoachApp
) -> None:
    await run_script(ConsoleDriver(Conversation(app.coach, "ms-rivera")))
    await run_script(TeamsDriver(teams))
    console = stored_journal(app, Platform.CONSOLE.value, "local", "ms-rivera")
    in_teams = stored_journal(app, Platform.TEAMS.value, activities.TENANT, CONFORMANCE_USER)
    assert len(console) == 3
    assert console[0] == {"role": "counselor", "grades": "high"}
    assert console[1]["status"] == "partly"
    assert console[2]["action"] == "Invite one parent to co-write the next newsletter."
    assert in_teams == console


async def test_a_message_home_is_drafted_the_same_in_teams_and_the_terminal(
    teams: TeamsChat, app: CoachApp
) -> None:
    terminal = ConsoleDriver(Conversation(app.coach, "ms-lee"))
    await run_script(terminal, DRAFT_SCRIPT[:-1])
    drafts = []
    driver = TeamsDriver(teams)
    for step in DRAFT_SCRIPT[:-1]:
        await run_script(driver, (step,))
        drafts += [
            element["value"]
            for activity in teams.last
            for attachment in activity.get("attachments") or []
            for element in attachment["content"]["body"]
            if element.get("type") == "Input.Text"
        ]
    # Teams showed the draft in a text box, where it can be selected and copied.
    assert drafts and "José María" in drafts[-1]
    await run_script(terminal, DRAFT_SCRIPT[-1:])
    await run_script(driver, DRAFT_SCRIPT[-1:])
    console = stored_drafts(app, Platform.CONSOLE.value, "local", "ms-lee")
    in_teams = stored_drafts(app, Platform.TEAMS.value, activities.TENANT, CONFORMANCE_USER)
    assert len(console) == 1 and console[0]["text"] == drafts[-1]
    assert in_teams == console


async def test_a_spanish_speaker_reflects_the_same_in_teams_and_the_terminal(
    teams: TeamsChat, app: CoachApp
) -> None:
    """Teams says es-MX in activity.locale: Spanish from the first hello, and the same journal
    as the terminal's."""
    teams.locale = "es-MX"
    await run_script(
        ConsoleDriver(Conversation(app.coach, "sra-lopez", locale="es-MX")), SPANISH_SCRIPT
    )
    await run_script(TeamsDriver(teams), SPANISH_SCRIPT)
    console = stored_journal(app, Platform.CONSOLE.value, "local", "sra-lopez")
    in_teams = stored_journal(app, Platform.TEAMS.value, activities.TENANT, CONFORMANCE_USER)
    assert len(console) == 3
    assert console[2]["action"] == "Invitar a una mamá a escribir el próximo boletín conmigo."
    assert all(language_of(answer["prompt"]) == "es" for answer in console[1]["answers"])
    assert in_teams == console
