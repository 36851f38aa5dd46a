"""Accepted means kept, for Slack: a slash command, DM or click is written to the coach's
inbox (bot/inbox) before Slack hears 200, and leaves it once its answer was sent.

Only what running the turn again needs is kept (`*_payload`), sealed by the core under
the educator's data key. A request the inbox cannot take within KEEP_S (storage down) is
answered from memory, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adapters.inbox.keeper import NOT_KEPT, PlatformInbox
from adapters.slack.actions import click_id
from adapters.slack.blocks import ACTION_PATTERN
from adapters.slack.payloads import is_educator_dm, team_of
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
_DM_EVENT_KEYS = (
    "type",
    "channel_type",
    "user",
    "channel",
    "text",
    "team",
    "client_msg_id",
    "thread_ts",
)
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


@dataclass(frozen=True)
class Knock:
    """A message the coach keeps: its kind, the key a retry of it is known by (None: none
    to know it by), the workspace and educator, and what running its turn again needs."""

    kind: str
    delivery: str | None
    team: str
    user: str
    payload: dict[str, Any]


def knock_of(body: dict[str, Any], delivery: str | None) -> Knock | None:
    """The message to keep when `body` is one the coach keeps (a slash command, a click on
    a conversation's button, an educator's DM), else None. `delivery`: a slash command's key
    (the signed request's name, adapters/slack/replays.py; None over Socket Mode)."""
    if body.get("command") is not None:  # what Bolt takes for a slash command
        user = str(body.get("user_id") or "")
        return Knock(COMMAND, delivery, team_of(body), user, command_payload(body))
    if body.get("type") == "block_actions":
        actions = body.get("actions") or [{}]
        if not ACTION_PATTERN.match(str(actions[0].get("action_id") or "")):
            return None
        user = str((body.get("user") or {}).get("id") or "")
        return Knock(ACTION, click_id(body), team_of(body), user, action_payload(body))
    event = body.get("event") or {}
    if body.get("type") == "event_callback" and event.get("type") == "message":
        if not is_educator_dm(event):
            return None
        event_id = str(body.get("event_id") or event.get("client_msg_id") or "") or None
        team = team_of(body) or str(event.get("team") or "")
        return Knock(DM, event_id, team, str(event["user"]), dm_payload(body, event))
    return None


class SlackInbox(PlatformInbox):
    """Keeping Slack's messages (finishing them: PlatformInbox)."""

    async def keep(self, knock: Knock) -> Kept:
        if not knock.delivery or not knock.team or not knock.user:
            return NOT_KEPT  # nothing to know a retry by (Socket Mode's slash commands)
        arrival = Arrival(
            platform=Platform.SLACK.value,
            workspace=knock.team,
            user=knock.user,
            delivery_id=knock.delivery,
            kind=knock.kind,
            payload=knock.payload,
        )
        return await self.keep_arrival(arrival)
