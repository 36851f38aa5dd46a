"""Accepted means kept, for Slack: a slash command, DM or click is written to the coach's
inbox (bot/inbox) before Slack hears 200, and leaves it once its answer was sent.

Only what running the turn again needs is kept (`*_payload`), sealed by the core under
the educator's data key. A request the inbox cannot take within KEEP_S (storage down) is
answered from memory, as before.
"""

from __future__ import annotations

from typing import Any

from adapters.inbox.keeper import NOT_KEPT, PlatformInbox
from bot.api import Arrival, Kept
from bot.inbound import Platform

COMMAND = "command"
DM = "dm"
ACTION = "action"

_COMMAND_KEYS = (
    "team_id",
    "enterprise_id",
    "is_enterprise_install",
    "user_id",
    "channel_id",
    "text",
    "response_url",
)
_DM_BODY_KEYS = ("team_id", "enterprise_id", "event_id")
_DM_EVENT_KEYS = ("type", "channel_type", "user", "channel", "text", "team", "client_msg_id")
_ACTION_KEYS = (
    "type",
    "user",
    "team",
    "enterprise",
    "is_enterprise_install",
    "container",
    "trigger_id",
    "channel",
    "response_url",
    "actions",
    "message",  # its blocks become "You chose: ..." once a conversation's button is clicked
)


def _pick(source: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: source[key] for key in keys if key in source}


def command_payload(body: dict[str, Any]) -> dict[str, Any]:
    return _pick(body, _COMMAND_KEYS)


def dm_payload(body: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    return {"body": _pick(body, _DM_BODY_KEYS), "event": _pick(event, _DM_EVENT_KEYS)}


def action_payload(body: dict[str, Any]) -> dict[str, Any]:
    return _pick(body, _ACTION_KEYS)


class SlackInbox(PlatformInbox):
    """Keeping Slack's messages (finishing them: PlatformInbox)."""

    async def keep(
        self, kind: str, delivery_id: str | None, team: str, user: str, payload: dict[str, Any]
    ) -> Kept:
        if not delivery_id or not team or not user:
            return NOT_KEPT  # nothing to know a retry by (Socket Mode's slash commands)
        arrival = Arrival(
            platform=Platform.SLACK.value,
            workspace=team,
            user=user,
            delivery_id=delivery_id,
            kind=kind,
            payload=payload,
        )
        return await self.keep_arrival(arrival)
