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
    delivery, so a retried or doubled delivery is handled once. `conversation` is the
    channel (or chat) it was said in; `in_channel` is True for a shared channel.
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
    # Whether the platform says this person administers the workspace (Slack: an admin or
    # owner). Only used to let admins change a channel's team prompts.
    is_workspace_admin: bool = False
    # In a channel: whether the coach can post there (False: not a member), when the
    # adapter checked; None when it did not or could not tell.
    can_post: bool | None = None
    # The person's language as their platform says it ("es-MX", "en-US"), when it says.
    locale: str | None = None

    @property
    def address(self) -> str:
        return f"{self.platform.value}:{self.workspace}:{self.user}"
