"""Renders bot/routing.py's rule for Teams: what an educator asks for in a team channel or
group chat that is theirs alone is answered in their personal chat with the coach, and the
channel gets one line (contract: "Where answers go").

The answer is sent proactively over the personal chat's stored conversation reference (the
one Teams gave when the educator first talked to the coach one to one). Without one, nothing
is run: the channel is told, in one line, to say it in a personal chat.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from botbuilder.core import TurnContext

from adapters.teams import cards
from adapters.teams import messages as teams_messages
from adapters.teams.references import ReferenceStore, Target
from adapters.teams.retry import RetryPolicy, SendFailed, send_with_retry
from adapters.teams.sender import TeamsSender
from bot.api import CoachAPI
from bot.delivery import Address
from bot.inbound import Inbound, Platform
from bot.replies import Reply

log = logging.getLogger("coach.teams")


class PersonalChat:
    def __init__(self, api: CoachAPI, store: ReferenceStore, sender: TeamsSender) -> None:
        self.api = api
        self.store = store
        self.sender = sender

    async def target(self, inbound: Inbound) -> Target | None:
        """The educator's own personal chat with the coach, if it can be reached."""
        address = Address(Platform.TEAMS, inbound.workspace, inbound.user)
        target = await asyncio.to_thread(self.store.target, address)
        return None if target is None or target.unreachable else target

    async def answer(
        self,
        context: TurnContext,
        inbound: Inbound,
        policy: RetryPolicy,
        inbox_id: int | None = None,
    ) -> None:
        """Run what was asked and answer it privately; with no personal chat, run nothing.
        `inbox_id`: the message's inbox row, which keeps the replies until they were sent."""
        target = await self.target(inbound)
        if target is None:
            log.info("teams_private_needs_personal_chat")
            await self.say(context, str(teams_messages.SAY_IT_PRIVATELY), policy)
            return
        replies = await asyncio.to_thread(self.api.handle, inbound, inbox_id)
        await self.deliver(context, target, replies, policy)

    async def deliver_replies(
        self, context: TurnContext, inbound: Inbound, replies: list[Reply], policy: RetryPolicy
    ) -> None:
        """Replies already made (a channel word that led into a private question)."""
        target = await self.target(inbound)
        if target is None:
            await self.say(context, str(teams_messages.SAY_IT_PRIVATELY), policy)
            return
        await self.deliver(context, target, replies, policy)

    async def deliver(
        self, context: TurnContext, target: Target, replies: list[Reply], policy: RetryPolicy
    ) -> None:
        if not replies:
            return
        try:
            await self.sender.send_to(target.reference, replies, policy)
        except Exception as exc:  # SendFailed, or the connector client failing to start
            status = exc.status if isinstance(exc, SendFailed) else None
            log.warning(
                "teams_private_send_failed", extra={"error": type(exc).__name__, "status": status}
            )
            await self.say(context, str(teams_messages.PERSONAL_CHAT_UNREACHABLE), policy)
            return
        await self.say(context, str(teams_messages.ANSWERED_PRIVATELY), policy)

    async def say(self, context: TurnContext, text: str, policy: RetryPolicy) -> None:
        activity = cards.text_activity(text)
        await send_with_retry(partial(context.send_activity, activity), policy)
