"""Where the coach's answer goes in Slack, and sending it there.

- Said in the educator's DM with the coach: the answer goes to that DM, in the thread it was
  said in (a reply under the weekly nudge is answered under it).
- Said with the slash command: the answer is ephemeral through `response_url` (only the
  educator sees it), unless it is a guided conversation's question, which the core says is
  private: that goes to the educator's DM, with a one-line ephemeral pointer where they were.
- Clicked in App Home (no `response_url`): the answer goes to the educator's DM.

A kept message's answer posted to a DM carries Slack message metadata naming the delivery
and the part (`coach_reply`). A process that takes over a dead one's message (`resumed`)
reads the DM's latest messages first and posts only the parts Slack does not have yet, so a
kill between Slack taking the answer and the inbox row's delete answers nothing twice.
Ephemeral answers through `response_url` cannot be read back: those may still come twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import messages as slack_messages
from adapters.slack.blocks import SlackMessage, render_messages
from adapters.slack.clients import response_url_client
from adapters.slack.http import SharedHttp
from adapters.slack.people import SlackPeople
from bot.replies import Reply, Text
from bot.routing import replies_are_private

log = logging.getLogger("coach.slack")

# The metadata event a DM answer carries: which delivery it answers, and which of its parts.
REPLY_EVENT = "coach_reply"
# How many of a DM's latest messages are read for a dead process's parts: it died within the
# inbox lease (30 s) of posting them, and an answer is a few messages.
READ_BACK_MESSAGES = 50
# A thread is read from its start: an educator's replies under one nudge, and the answers.
READ_BACK_THREAD = 200


@dataclass(frozen=True)
class Origin:
    """Where an inbound came from, and so where its answer goes."""

    team: str
    user: str
    dm_channel: str | None = None  # already in the educator's DM with the coach
    thread: str | None = None  # ...in this thread of it (its parent's ts)
    channel: str | None = None
    response_url: str | None = None
    # A kept message's delivery id (its answer's metadata names it), and whether a process
    # taking over a dead one's message is answering (it reads back what Slack already has).
    mark: str | None = None
    resumed: bool = False


class Delivery:
    """Posts rendered replies: chat.postMessage to a DM, or ephemeral via response_url."""

    def __init__(self, people: SlackPeople, http: SharedHttp) -> None:
        self.people = people
        self.http = http

    async def deliver(self, client: AsyncWebClient, replies: list[Reply], origin: Origin) -> None:
        """Send the coach's answer where it belongs (see the module notes)."""
        if not replies:
            return
        if origin.dm_channel:
            await self.post(client, origin.dm_channel, render_messages(replies), origin)
            return
        if origin.response_url is None or replies_are_private(replies):
            dm = await self.people.dm_channel(client, origin.team, origin.user)
            await self.post(client, dm, render_messages(replies), origin)
            if origin.response_url and origin.channel != dm:
                note = render_messages([Text(str(slack_messages.CONTINUE_IN_DM))])
                await self.respond(origin.response_url, note)
            return
        await self.respond(origin.response_url, render_messages(replies))

    async def post(
        self,
        client: AsyncWebClient,
        channel: str,
        rendered: list[SlackMessage],
        origin: Origin | None = None,
    ) -> None:
        mark = origin.mark if origin is not None else None
        thread = origin.thread if origin is not None and channel == origin.dm_channel else None
        resumed = origin is not None and origin.resumed
        posted = await posted_parts(client, channel, mark, thread) if resumed else set()
        for part, message in enumerate(rendered):
            if part in posted:
                continue  # Slack has it from the process that died
            metadata = reply_metadata(mark, part) if mark else None
            await client.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks,
                metadata=metadata,
                thread_ts=thread,
            )

    async def respond(self, response_url: str, rendered: list[SlackMessage]) -> None:
        webhook = response_url_client(response_url, self.http.session)
        for message in rendered:
            response = await webhook.send(
                text=message.text,
                blocks=message.blocks,
                response_type="ephemeral",
                replace_original=False,
            )
            if response.status_code >= 400:
                log.warning("response_url_failed", extra={"status": response.status_code})


def reply_metadata(mark: str, part: int) -> dict[str, object]:
    """What an answer's message carries for reading back: the delivery and the part (the
    delivery id is Slack's own, never the educator's words)."""
    return {"event_type": REPLY_EVENT, "event_payload": {"delivery": mark, "part": part}}


async def posted_parts(
    client: AsyncWebClient, channel: str, mark: str | None, thread: str | None = None
) -> set[int]:
    """The parts of `mark`'s answer already in the channel, or in its `thread` (empty when
    Slack cannot say: then everything is posted, as before, rather than risk losing the
    answer)."""
    if not mark:
        return set()
    try:
        if thread is None:
            history = await client.conversations_history(
                channel=channel, limit=READ_BACK_MESSAGES, include_all_metadata=True
            )
        else:  # oldest first: a thread under a nudge is a handful of messages
            history = await client.conversations_replies(
                channel=channel, ts=thread, limit=READ_BACK_THREAD, include_all_metadata=True
            )
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.info("read_back_failed", extra={"error": type(exc).__name__})
        return set()
    found: set[int] = set()
    for message in history.get("messages") or []:
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == REPLY_EVENT and payload.get("delivery") == mark:
            part = payload.get("part")
            if isinstance(part, int):
                found.add(part)
    return found
