"""Slash commands and DMs, after the acknowledgement: to a neutral message, to the coach, back.

The coach is synchronous SQLAlchemy. It runs in a worker thread (`asyncio.to_thread`): a
turn is a few milliseconds of database work that would otherwise stall every other request
on the event loop, and the default pool (min(32, CPUs + 4) threads) is below the database
pool's 20 connections, so threads never wait on each other for a connection.
"""

from __future__ import annotations

import asyncio
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.delivery import Delivery, Origin
from adapters.slack.payloads import is_shared_channel, team_of, typed_text
from adapters.slack.people import SlackPeople
from bot.api import CoachAPI
from bot.inbound import Inbound, Platform
from bot.replies import Reply
from bot.routing import is_channel_command, turns_channel_on


async def coach_answer(api: CoachAPI, inbound: Inbound, inbox_id: int | None = None) -> list[Reply]:
    """The coach's replies, computed off the event loop (kept with the turn in the inbox
    row `inbox_id`, or read back from it when a turn before a restart already answered).

    The database deadline starts now, not when a worker thread comes free: time spent
    queued for a thread counts against COACH_DB_TIMEOUT_S too.
    """
    with api.storage_deadline():
        return await asyncio.to_thread(api.handle, inbound, inbox_id)


class MessageRunner:
    """What an educator typed (after /coach, or in their DM) becomes the coach's answer."""

    def __init__(self, api: CoachAPI, people: SlackPeople, delivery: Delivery) -> None:
        self.api = api
        self.people = people
        self.delivery = delivery

    async def command(
        self,
        client: AsyncWebClient,
        body: dict[str, Any],
        delivery_id: str | None = None,
        inbox_id: int | None = None,
        resumed: bool = False,
    ) -> None:
        """`delivery_id` names the signed request, so the coach answers a replay once.
        `resumed`: a dead process's kept message (adapters/slack/delivery.py reads back)."""
        team, user = team_of(body), str(body.get("user_id") or "")
        channel = str(body.get("channel_id") or "")
        if not team or not user:
            return
        text = typed_text(body.get("text"))
        in_channel = is_shared_channel(channel)
        # Admin-ness decides who may change team prompts: ask afresh rather than trust the cache.
        about_channel = in_channel and is_channel_command(text)
        info = await self.people.user_info(client, team, user, fresh=about_channel)
        can_post = await self.people.can_post(client, channel) if turns_channel_on(text) else None
        inbound = Inbound(
            platform=Platform.SLACK,
            workspace=team,
            user=user,
            text=text,
            message_id=delivery_id,
            conversation=channel or None,
            in_channel=in_channel,
            timezone=info.timezone,
            locale=info.locale,
            is_workspace_admin=about_channel and info.is_admin,
            can_post=can_post,
        )
        replies = await coach_answer(self.api, inbound, inbox_id)
        origin = Origin(
            team=team,
            user=user,
            channel=channel or None,
            response_url=body.get("response_url") or None,
            mark=delivery_id if inbox_id is not None else None,
            resumed=resumed,
        )
        await self.delivery.deliver(client, replies, origin)

    async def dm(
        self,
        client: AsyncWebClient,
        body: dict[str, Any],
        event: dict[str, Any],
        inbox_id: int | None = None,
        resumed: bool = False,
    ) -> None:
        team = team_of(body) or str(event.get("team") or "")
        user, channel = str(event["user"]), str(event["channel"])
        self.people.remember_dm(team, user, channel)
        info = await self.people.user_info(client, team, user)
        inbound = Inbound(
            platform=Platform.SLACK,
            workspace=team,
            user=user,
            text=typed_text(event.get("text")),
            message_id=str(body.get("event_id") or event.get("client_msg_id") or "") or None,
            conversation=channel,
            timezone=info.timezone,
            locale=info.locale,
        )
        replies = await coach_answer(self.api, inbound, inbox_id)
        mark = inbound.message_id if inbox_id is not None else None
        thread = str(event.get("thread_ts") or "") or None  # written in a thread: answered there
        origin = Origin(
            team=team, user=user, dm_channel=channel, thread=thread, mark=mark, resumed=resumed
        )
        await self.delivery.deliver(client, replies, origin)
