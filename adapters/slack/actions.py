"""Button clicks, after the acknowledgement: to the coach, then the answer where the click was.

A click in App Home answers in the DM and republishes the tab; a click in a channel (or on
an ephemeral message) answers privately through `response_url`; a click in the DM answers
there, and a guided conversation's question then shows which option was chosen.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import answered_blocks
from adapters.slack.delivery import Delivery, Origin
from adapters.slack.errors import error_code
from adapters.slack.home import AppHome
from adapters.slack.payloads import is_dm_channel, is_shared_channel, team_of
from adapters.slack.people import SlackPeople
from adapters.slack.runners import coach_answer
from bot.api import CoachAPI
from bot.inbound import Inbound, Platform
from bot.routing import is_channel_command, is_flow_answer

log = logging.getLogger("coach.slack")


def message_id_of(body: dict[str, Any], action: dict[str, Any], value: str) -> str:
    """The de-duplication key: a conversation's answer button on one message is one answer
    however often it is clicked; any other click is its own delivery."""
    container = body.get("container") or {}
    message_ts = str(container.get("message_ts") or "")
    if is_flow_answer(value) and message_ts:
        return f"action:{container.get('channel_id')}:{message_ts}:{value}"
    return f"action:{body.get('trigger_id') or action.get('action_ts')}"


def click_id(body: dict[str, Any]) -> str | None:
    """The click's de-duplication key, or None for a click the runner ignores."""
    actions = body.get("actions") or []
    value = str((actions[0] if actions else {}).get("value") or "")
    return message_id_of(body, actions[0], value) if value else None


class ActionRunner:
    def __init__(
        self, api: CoachAPI, people: SlackPeople, delivery: Delivery, home: AppHome
    ) -> None:
        self.api = api
        self.people = people
        self.delivery = delivery
        self.home = home

    async def run(
        self, client: AsyncWebClient, body: dict[str, Any], inbox_id: int | None = None
    ) -> None:
        actions = body.get("actions") or []
        if not actions:
            return
        action = actions[0]
        value = str(action.get("value") or "")
        team, user = team_of(body), str((body.get("user") or {}).get("id") or "")
        if not value or not team or not user:
            return
        container = body.get("container") or {}
        label = str((action.get("text") or {}).get("text") or value)
        in_channel = is_shared_channel(str(container.get("channel_id") or ""))
        # A team prompt's buttons may change its settings: ask afresh whether this is an admin.
        about_channel = in_channel and is_channel_command(value)
        info = await self.people.user_info(client, team, user, fresh=about_channel)
        inbound = Inbound(
            platform=Platform.SLACK,
            workspace=team,
            user=user,
            text=label,
            value=value,
            message_id=message_id_of(body, action, value),
            conversation=container.get("channel_id"),
            in_channel=in_channel,
            timezone=info.timezone,
            locale=info.locale,
            is_workspace_admin=about_channel and info.is_admin,
        )
        replies = await coach_answer(self.api, inbound, inbox_id)
        channel = str(container.get("channel_id") or "")
        if container.get("type") == "view":  # the App Home tab
            await self.delivery.deliver(client, replies, Origin(team=team, user=user))
            await self.home.publish(client, team, user)
            return
        if container.get("is_ephemeral") or not is_dm_channel(channel):
            origin = Origin(
                team=team,
                user=user,
                channel=channel or None,
                response_url=body.get("response_url") or None,
            )
        else:
            origin = Origin(team=team, user=user, dm_channel=channel)
            if replies and is_flow_answer(value):
                await self._mark_answered(client, body, channel, action, label)
        await self.delivery.deliver(client, replies, origin)

    async def _mark_answered(
        self,
        client: AsyncWebClient,
        body: dict[str, Any],
        channel: str,
        action: dict[str, Any],
        label: str,
    ) -> None:
        """Swap the clicked row of buttons for "You chose: ..." so the choice reads as made."""
        message = body.get("message") or {}
        message_ts = str((body.get("container") or {}).get("message_ts") or "")
        blocks = answered_blocks(
            list(message.get("blocks") or []), str(action.get("action_id")), label
        )
        if blocks is None or not message_ts:
            return
        try:
            await client.chat_update(
                channel=channel, ts=message_ts, blocks=blocks, text=message.get("text") or label
            )
        except SlackApiError as exc:
            log.info("mark_answered_failed", extra={"error": error_code(exc)})
