"""Bolt listeners: keep the message (adapters/slack/inbox.py), acknowledge, hand everything
slow to background work.

Keep these tiny: Slack shows the educator an error when a request is not acknowledged
within 3 s. Answers that depend only on the content (`help`, `learn`) travel inside the
acknowledgement itself; everything else runs after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.actions import ActionRunner
from adapters.slack.background import BackgroundWork
from adapters.slack.blocks import ACTION_PATTERN
from adapters.slack.front_door import TICKET, Admitted, Ticket
from adapters.slack.home import AppHome
from adapters.slack.inbox import SlackInbox, knock_of
from adapters.slack.payloads import team_of, typed_text
from adapters.slack.quick_acks import QuickAcks
from adapters.slack.replays import DELIVERY_ID
from adapters.slack.runners import MessageRunner
from adapters.slack.uninstall import Uninstaller

ANY = re.compile(r".*")


class Listeners:
    """What each kind of Slack request starts; `register` puts them on the Bolt app."""

    def __init__(
        self,
        work: BackgroundWork,
        quick: QuickAcks,
        messages: MessageRunner,
        actions: ActionRunner,
        home: AppHome,
        uninstaller: Uninstaller,
        inbox: SlackInbox,
        admitted: Admitted,
    ) -> None:
        self.inbox = inbox
        self.admitted = admitted
        self.work = work
        self.quick = quick
        self.messages = messages
        self.actions = actions
        self.home = home
        self.uninstaller = uninstaller

    def register(self, bolt: AsyncApp) -> None:
        # Any slash command name: admins may rename /coach when they install.
        bolt.command(ANY)(self.command)
        bolt.action(ACTION_PATTERN)(self.action)
        bolt.event("message")(self.message)
        bolt.event("app_home_opened")(self.home_opened)
        bolt.event("app_uninstalled")(self.app_uninstalled)
        bolt.event("tokens_revoked")(self.tokens_revoked)
        # Acknowledge whatever else arrives, so Slack does not retry it.
        bolt.event(ANY)(self.ignore)
        bolt.action(ANY)(self.ack_only)

    async def command(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        quick = self.quick.body_for(typed_text(body.get("text")))
        if quick is not None:
            self.admitted.remember(body)
            await ack(**quick)
            return
        delivery = context.get(DELIVERY_ID)  # None over Socket Mode
        await self._keep(
            ack,
            body,
            delivery,
            context,
            lambda row: self.messages.command(client, body, delivery, row),
        )

    async def action(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        await self._keep(ack, body, None, context, lambda row: self.actions.run(client, body, row))

    async def ack_only(self, ack: AsyncAck) -> None:
        await ack()

    async def ignore(self) -> None:
        return None

    async def message(
        self,
        body: dict[str, Any],
        event: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        # Bolt answers Slack when this listener returns: the message is kept by then.
        await self._keep(
            None, body, None, context, lambda row: self.messages.dm(client, body, event, row)
        )

    async def home_opened(
        self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            self.work.spawn(self.home.publish(client, team_of(body), str(event["user"])), "home")

    async def app_uninstalled(self, body: dict[str, Any], context: AsyncBoltContext) -> None:
        self.admitted.forget_all()
        self.work.spawn(self.uninstaller.app_uninstalled(body, context), "uninstall")

    async def tokens_revoked(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        self.admitted.forget_all()
        self.work.spawn(self.uninstaller.tokens_revoked(body, event, context), "tokens_revoked")

    async def _keep(
        self,
        ack: AsyncAck | None,
        body: dict[str, Any],
        delivery: str | None,
        context: AsyncBoltContext,
        work: Callable[[int | None], Coroutine[Any, Any, None]],
    ) -> None:
        """Keep the message, acknowledge it (only then: a crash from here on loses nothing),
        and start its turn; a platform's retry of a kept message is only acknowledged.
        With a ticket the front door has kept it (adapters/slack/front_door.py). A body the
        coach does not keep (an edit or a bot's post in a DM, an empty command, a legacy
        attachment action named like ours) is only acknowledged."""
        knock = knock_of(body, delivery)
        if knock is None:
            if ack is not None:
                await ack()
            return
        self.admitted.remember(body)  # Bolt let this workspace in: the front door may too
        ticket: Ticket | None = context.get(TICKET)
        with self.inbox.deadline():
            if ticket is None:
                kept = await self.inbox.keep(knock)
            else:
                ticket.taken = True
                kept = ticket.kept
            if ack is not None:
                await ack()
            if kept.duplicate:
                return
            if kept.row_id is None:
                # Not kept (the database in trouble): answered within this request's
                # COACH_DB_TIMEOUT_S, storage-down sentence and all.
                self.work.spawn(work(None), knock.kind)
                return
        # Kept: the turn has its own COACH_DB_TIMEOUT_S from when it starts (coach_answer),
        # so the time keeping took never leaves it too little to open a connection.
        self.work.spawn(self.inbox.finishing(kept.row_id, work(kept.row_id)), knock.kind)
