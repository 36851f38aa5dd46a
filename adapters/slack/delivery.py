"""Where the coach's answer goes in Slack, and sending it there.

- Said in the educator's DM with the coach: the answer goes to that DM.
- Said with the slash command: the answer is ephemeral through `response_url` (only the
  educator sees it), unless it is a guided conversation's question, which the core says is
  private: that goes to the educator's DM, with a one-line ephemeral pointer where they were.
- Clicked in App Home (no `response_url`): the answer goes to the educator's DM.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import messages as slack_messages
from adapters.slack.blocks import SlackMessage, render_messages
from adapters.slack.clients import response_url_client
from adapters.slack.http import SharedHttp
from adapters.slack.people import SlackPeople
from bot.replies import Reply, Text
from bot.routing import replies_are_private

log = logging.getLogger("coach.slack")


@dataclass(frozen=True)
class Origin:
    """Where an inbound came from, and so where its answer goes."""

    team: str
    user: str
    dm_channel: str | None = None  # already in the educator's DM with the coach
    channel: str | None = None
    response_url: str | None = None


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
            await self.post(client, origin.dm_channel, render_messages(replies))
            return
        if origin.response_url is None or replies_are_private(replies):
            dm = await self.people.dm_channel(client, origin.team, origin.user)
            await self.post(client, dm, render_messages(replies))
            if origin.response_url and origin.channel != dm:
                note = render_messages([Text(str(slack_messages.CONTINUE_IN_DM))])
                await self.respond(origin.response_url, note)
            return
        await self.respond(origin.response_url, render_messages(replies))

    async def post(
        self, client: AsyncWebClient, channel: str, rendered: list[SlackMessage]
    ) -> None:
        for message in rendered:
            await client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks)

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
