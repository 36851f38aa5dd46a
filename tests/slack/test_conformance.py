"""The same scripted reflection through Slack and through the terminal stores the same journal."""

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
from tests.slack.wire import TEAM, SlackWire, buttons_of, find_button
from tests.spoken import language_of


class SlackDriver:
    """An educator in their DM with the coach: typing, and clicking the latest buttons."""

    def __init__(self, wire: SlackWire, user: str = "UCONF") -> None:
        self.wire = wire
        self.user = user

    def _last_message_with_buttons(self) -> dict[str, Any]:
        posts = self.wire.fake.of("chat.postMessage")
        for index in range(len(posts) - 1, -1, -1):
            if buttons_of(posts[index].args["blocks"]):
                return posts[index].args | {"ts": f"1700000000.{index + 1:06d}"}
        raise AssertionError("no buttons posted")

    async def say(self, text: str) -> None:
        await self.wire.dm(text, user=self.user)

    async def click(self, label: str) -> None:
        message = self._last_message_with_buttons()
        blocks = message["blocks"]
        button = (
            buttons_of(blocks)[int(label) - 1] if label.isdigit() else find_button(blocks, label)
        )
        await self.wire.click(button, user=self.user, message=message)


async def test_slack_and_the_terminal_store_the_same_reflections(
    wire: SlackWire, slack_core: CoachApp
) -> None:
    await run_script(ConsoleDriver(Conversation(slack_core.coach, "ms-rivera")))
    await run_script(SlackDriver(wire, "UCONF"))
    console = stored_journal(slack_core, Platform.CONSOLE.value, "local", "ms-rivera")
    slack = stored_journal(slack_core, Platform.SLACK.value, TEAM, "UCONF")
    assert len(console) == 3
    assert console[0] == {"role": "counselor", "grades": "high"}
    assert console[1]["status"] == "partly"
    assert console[1]["note"] == "Reached voicemail twice, then we talked on Thursday."
    assert console[2]["action"] == "Invite one parent to co-write the next newsletter."
    assert slack == console


async def test_a_message_home_is_drafted_the_same_in_slack_and_the_terminal(
    wire: SlackWire, slack_core: CoachApp
) -> None:
    await run_script(ConsoleDriver(Conversation(slack_core.coach, "ms-lee")), DRAFT_SCRIPT)
    await run_script(SlackDriver(wire, "UDRAFT"), DRAFT_SCRIPT)
    console = stored_drafts(slack_core, Platform.CONSOLE.value, "local", "ms-lee")
    slack = stored_drafts(slack_core, Platform.SLACK.value, TEAM, "UDRAFT")
    assert len(console) == 1 and "José María" in console[0]["text"]
    assert slack == console
    # Slack showed the draft as a preformatted block, to copy whole.
    shown = [
        element["elements"][0]["text"]
        for post in wire.fake.of("chat.postMessage")
        for block in post.args["blocks"]
        if block["type"] == "rich_text"
        for element in block["elements"]
    ]
    assert console[0]["text"] in shown


async def test_a_spanish_speaker_reflects_the_same_in_slack_and_the_terminal(
    wire: SlackWire, slack_core: CoachApp
) -> None:
    """Slack's users.info says es-MX: the coach speaks Spanish there from the first hello,
    as in a terminal told the same locale, and stores the same journal."""
    wire.fake.locales["UESP"] = "es-MX"
    console_educator = Conversation(slack_core.coach, "sra-lopez", locale="es-MX")
    await run_script(ConsoleDriver(console_educator), SPANISH_SCRIPT)
    await run_script(SlackDriver(wire, "UESP"), SPANISH_SCRIPT)
    console = stored_journal(slack_core, Platform.CONSOLE.value, "local", "sra-lopez")
    slack = stored_journal(slack_core, Platform.SLACK.value, TEAM, "UESP")
    assert len(console) == 3
    assert console[0] == {"role": "counselor", "grades": "high"}
    assert console[1]["status"] == "partly"
    assert console[2]["action"] == "Invitar a una mamá a escribir el próximo boletín conmigo."
    # The prompts it asked, stored with the answers, were the Spanish ones.
    assert all(language_of(answer["prompt"]) == "es" for answer in console[1]["answers"])
    assert slack == console
    said = "\n".join(str(post.args.get("text", "")) for post in wire.fake.of("chat.postMessage"))
    assert "Reflexionemos" in said
