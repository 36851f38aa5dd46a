"""The one neutral message type every adapter turns its wire format into."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Platform(StrEnum):
    CONSOLE = "console"
    SLACK = "slack"
    TEAMS = "teams"


@dataclass(frozen=True)
class Inbound:
    """Who said what, where.

    `text` is what the educator typed; `value` is the value of a button they
    clicked (the coach put it there). `message_id` is the platform's id for this
    delivery, so a retried or doubled delivery is handled once.
    """

    platform: Platform
    workspace: str
    user: str
    text: str = ""
    value: str | None = None
    message_id: str | None = None
    conversation: str | None = None
    in_channel: bool = False
    timezone: str | None = None

    @property
    def address(self) -> str:
        return f"{self.platform.value}:{self.workspace}:{self.user}"
