"""Conversations as tables: an educator says something, the coach's answer contains something.

`Conversation` is the in-memory adapter the core tests talk through: it keeps
the last buttons shown so a test can click one by its label, like a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count

from bot.app import CoachApp
from bot.engine import Coach
from bot.flows.state import FLOW_VALUE_PREFIX
from bot.inbound import Inbound, Platform
from bot.replies import Card, Choice, Choices, Reply, as_plain_text
from tests.cards_seen import SEEN

_delivery_ids = count(1)


class Conversation:
    def __init__(
        self,
        coach: Coach,
        user: str = "ms-rivera",
        *,
        platform: Platform = Platform.CONSOLE,
        workspace: str = "local",
        timezone: str | None = None,
        locale: str | None = None,
    ) -> None:
        self.coach = coach
        self.user = user
        self.platform = platform
        self.workspace = workspace
        self.timezone = timezone
        self.locale = locale  # the platform's word on their language ("es-MX")
        self.last: list[Reply] = []

    def _send(self, text: str = "", value: str | None = None, message_id: str | None = None) -> str:
        inbound = Inbound(
            platform=self.platform,
            workspace=self.workspace,
            user=self.user,
            text=text,
            value=value,
            message_id=message_id,
            timezone=self.timezone,
            locale=self.locale,
        )
        self.last = SEEN.replies(self.coach.handle(inbound))
        return self.transcript

    def says(self, text: str, *, message_id: str | None = None) -> str:
        return self._send(text, message_id=message_id)

    def _buttons(self) -> list[Choice]:
        buttons: list[Choice] = []
        for reply in self.last:
            if isinstance(reply, Choices):
                buttons += reply.options
            elif isinstance(reply, Card):
                buttons += reply.buttons
        return buttons

    def button(self, label: str) -> Choice:
        """The button whose label starts with `label` (case-insensitive), or the Nth for "N"."""
        buttons = self._buttons()
        if label.isdigit() and 1 <= int(label) <= len(buttons):
            return buttons[int(label) - 1]
        for option in buttons:
            if option.label.casefold().startswith(label.casefold()):
                return option
        raise AssertionError(f"no button {label!r} in:\n{self.transcript}")

    def option(self, number: int) -> Choice:
        """The Nth button of the question asked now (not of a help card shown beside it)."""
        options = [b for b in self._buttons() if b.value.startswith(FLOW_VALUE_PREFIX)]
        assert 1 <= number <= len(options), f"no option {number} in:\n{self.transcript}"
        return options[number - 1]

    def clicks(self, label: str) -> str:
        choice = self.button(label)
        return self._send(choice.label, value=choice.value)

    def clicks_value(self, choice: Choice) -> str:
        """Click a button seen earlier (a double click, or a stale message)."""
        return self._send(choice.label, value=choice.value)

    @property
    def transcript(self) -> str:
        return "\n".join(as_plain_text(reply) for reply in self.last)


def first_reply(app: CoachApp, text: str, who: str = "ms-rivera") -> str:
    """What a new educator hears back to the very first thing they type."""
    return Conversation(app.coach, who).says(text)


def verify_dialog(conversation: Conversation, turns: Sequence[tuple[str, str]]) -> None:
    """Each (educator says, coach's answer contains) pair, in order; case-insensitive."""
    for said, expected in turns:
        answer = conversation.says(said)
        assert expected.casefold() in answer.casefold(), (
            f"after {said!r} expected {expected!r} in:\n{answer}"
        )


def fresh_id() -> str:
    return f"delivery-{next(_delivery_ids)}"
