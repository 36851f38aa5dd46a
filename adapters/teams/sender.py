"""Proactive sends to Teams for the scheduler: `Sender.deliver` over a stored reference.

`deliver` is synchronous (the scheduler's world); it runs botbuilder's
`continue_conversation` in an event loop of its own and reports what happened instead
of raising. Errors inside the callback would normally go to `on_turn_error`; this
adapter has none, so they reach us and become a `DeliveryResult`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Coroutine
from functools import partial
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference

from adapters.teams import cards
from adapters.teams.auth import bot_framework_config, build_adapter, teams_configured
from adapters.teams.packing import pack
from adapters.teams.references import ReferenceStore
from adapters.teams.retry import (
    RetryPolicy,
    SendFailed,
    Sleep,
    send_with_retry,
    single_attempt_transport,
)
from bot.api import CoachAPI
from bot.delivery import Address, DeliveryOutcome, DeliveryResult, Sender
from bot.inbound import Platform
from bot.replies import Reply

log = logging.getLogger("coach.teams.sender")

GONE_REASONS = {
    "BotNotInConversationRoster": "bot_removed",
    "ConversationBlockedByUser": "blocked",
}


def _run(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run on a fresh event loop, in a worker thread if this thread already runs one."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


class TeamsSender:
    platform: Platform = Platform.TEAMS

    def __init__(
        self,
        adapter: CloudAdapter,
        app_id: str,
        store: ReferenceStore,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.adapter = adapter
        self.app_id = app_id
        self.store = store
        self.policy = policy or RetryPolicy()
        self.sleep = sleep

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        if address.platform != Platform.TEAMS:
            return DeliveryResult(DeliveryOutcome.GONE, "not_teams")
        target = self.store.target(address)
        if target is None:
            return DeliveryResult(DeliveryOutcome.GONE, "no_reference")
        if target.unreachable:
            return DeliveryResult(DeliveryOutcome.GONE, "unreachable")
        if not replies:
            return DeliveryResult(DeliveryOutcome.SENT)
        try:
            reference = ConversationReference().deserialize(target.reference)
            _run(self._send(reference, replies))
        except SendFailed as exc:
            return self._failed(target.row_id, exc)
        except Exception as exc:
            log.error("teams_send_failed", extra={"error": type(exc).__name__})
            return DeliveryResult(DeliveryOutcome.RETRY, f"error:{type(exc).__name__}"[:64])
        log.info("teams_sent", extra={"parts": len(replies)})
        return DeliveryResult(DeliveryOutcome.SENT)

    async def send_to(
        self, reference: dict[str, Any], replies: list[Reply], policy: RetryPolicy | None = None
    ) -> None:
        """Send now, from inside a turn, over a stored reference (an educator's personal chat
        answering what they asked for in a channel). Raises SendFailed."""
        await self._send(ConversationReference().deserialize(reference), replies, policy)

    async def _send(
        self,
        reference: ConversationReference,
        replies: list[Reply],
        policy: RetryPolicy | None = None,
    ) -> None:
        activities = pack(cards.render(replies))
        retry = policy or self.policy

        async def callback(context: TurnContext) -> None:
            # Straight to the conversation (POST .../activities), not TurnContext.send_activity,
            # which would make each nudge a reply to the made-up continuation activity.
            connector = context.turn_state[self.adapter.BOT_CONNECTOR_CLIENT_KEY]
            single_attempt_transport(connector)
            conversation_id = reference.conversation.id
            for activity in activities:
                TurnContext.apply_conversation_reference(activity, reference)
                activity.reply_to_id = None
                send = partial(
                    connector.conversations.send_to_conversation, conversation_id, activity
                )
                await send_with_retry(send, retry, self.sleep)

        await self.adapter.continue_conversation(reference, callback, self.app_id)

    def _failed(self, row_id: int, exc: SendFailed) -> DeliveryResult:
        log.warning("teams_send_refused", extra={"status": exc.status, "code": exc.code or None})
        if exc.retryable:
            reason = "rate_limited" if exc.status == 429 else f"http_{exc.status or 'network'}"
            return DeliveryResult(DeliveryOutcome.RETRY, reason)
        if exc.status == 403 or exc.status == 404:
            reason = GONE_REASONS.get(exc.code, "forbidden" if exc.status == 403 else "not_found")
            self.store.mark_unreachable(row_id, reason)
            return DeliveryResult(DeliveryOutcome.GONE, reason)
        return DeliveryResult(DeliveryOutcome.RETRY, f"http_{exc.status}")


def build_teams_sender(api: CoachAPI) -> Sender | None:
    """The Teams sender from settings; without an app id it sends unauthenticated (local).

    In production without an app id Teams is simply not set up (a Slack-only school): no
    sender, rather than a clock that refuses to start.
    """
    if api.settings.is_production and not teams_configured(api.settings):
        return None
    config = bot_framework_config(api.settings)
    store = ReferenceStore(api)
    return TeamsSender(build_adapter(config), config.APP_ID, store)
