"""The Teams turn: store where the activity came from, then answer it.

A plain bot with `on_turn` rather than `TeamsActivityHandler`: the coach needs only
messages, card clicks and install or removal events, and the handler's member look-up
on every conversationUpdate (a connector call that can fail) buys it nothing.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from adapters.teams import cards
from adapters.teams.answered import show_answer
from adapters.teams.inbound import Where, submitted_value, to_inbound, where_of
from adapters.teams.models import PERSONAL
from adapters.teams.pacing import Pacer
from adapters.teams.packing import pack
from adapters.teams.private import PersonalChat
from adapters.teams.references import ReferenceStore, Remembered, clean_reference
from adapters.teams.retry import (
    RetryPolicy,
    SendFailed,
    send_with_retry,
    single_attempt_transport,
)
from bot import messages
from bot.api import CoachAPI, storage_unavailable
from bot.i18n import speaking
from bot.language import language_of_locale
from bot.replies import Reply
from bot.routing import Audience, answer_privately, audience
from content.languages import DEFAULT_LANGUAGE

log = logging.getLogger("coach.teams")

INSTALL_ACTIONS = ("add", "add-upgrade")
REMOVE_ACTIONS = ("remove", "remove-upgrade")


class CoachTeamsBot:
    def __init__(
        self, api: CoachAPI, store: ReferenceStore, policy: RetryPolicy, personal: PersonalChat
    ) -> None:
        self.api = api
        self.store = store
        self.policy = policy
        self.personal = personal
        self.pacer = Pacer()

    async def on_turn(self, context: TurnContext, inbox_id: int | None = None) -> None:
        """`inbox_id`: the activity's inbox row, when it was kept (adapters/teams/inbox.py)."""
        activity = context.activity
        where = where_of(activity)
        if where is None:
            return
        # The adapter's own few words ("Choose") follow Teams' language; the coach's follow
        # the educator's (bot/language.py).
        platform_language = language_of_locale(activity.locale) or DEFAULT_LANGUAGE
        with self.api.storage_deadline(), speaking(platform_language):
            await self._turn(context, where, inbox_id)

    async def _turn(self, context: TurnContext, where: Where, inbox_id: int | None) -> None:
        activity = context.activity
        remembered = await self._remember(activity, where)
        kind = activity.type
        if kind == ActivityTypes.message:
            await self._on_message(context, where, remembered, inbox_id)
        elif kind == ActivityTypes.installation_update:
            await self._on_installation_update(context, where, remembered)
        elif kind == ActivityTypes.conversation_update:
            await self._on_conversation_update(context, where, remembered)
        elif kind == ActivityTypes.invoke:
            await self._on_invoke(context, where, remembered)
        # Anything else (typing, messageReaction, event...) is noted and ignored.

    async def _remember(self, activity: Activity, where: Where) -> Remembered | None:
        if not activity.service_url:
            return None
        reference = TurnContext.get_conversation_reference(activity).serialize()
        return await asyncio.to_thread(
            partial(self.store.remember, leaving=_is_removal(activity)),
            where,
            str(activity.service_url),
            clean_reference(reference, where),
        )

    async def _on_message(
        self,
        context: TurnContext,
        where: Where,
        remembered: Remembered | None,
        inbox_id: int | None = None,
    ) -> None:
        inbound = to_inbound(context.activity)
        if inbound is None:
            return
        if inbound.value is not None and where.kind == PERSONAL:
            await show_answer(context)
        shared = where.kind != PERSONAL
        if shared and audience(inbound.text, inbound.value) is Audience.EDUCATOR:
            # Theirs alone (bot/routing.py): answered in their personal chat, not here.
            await self.personal.answer(context, inbound, self.policy, inbox_id)
            return
        replies = await asyncio.to_thread(self.api.handle, inbound, inbox_id)
        if (
            remembered is not None
            and remembered.senders_own
            and not remembered.educator_linked
            and where.kind == PERSONAL
        ):
            await asyncio.to_thread(
                self.store.link_educator, remembered.row_id, inbound.workspace, inbound.user
            )
        if shared and answer_privately(inbound.text, inbound.value, replies):
            # `help` said mid-reflection answers with the reflection's question: private too.
            await self.personal.deliver_replies(context, inbound, replies, self.policy)
            return
        await self.send(context, replies)

    async def _on_installation_update(
        self, context: TurnContext, where: Where, remembered: Remembered | None
    ) -> None:
        action = context.activity.action
        if remembered is None:
            return
        if action in INSTALL_ACTIONS:
            await self._welcome(context, where, remembered)
        elif action in REMOVE_ACTIONS:
            await self._removed(where, remembered)

    async def _on_conversation_update(
        self, context: TurnContext, where: Where, remembered: Remembered | None
    ) -> None:
        activity = context.activity
        bot_id = activity.recipient.id if activity.recipient is not None else None
        added = {member.id for member in activity.members_added or []}
        removed = {member.id for member in activity.members_removed or []}
        if remembered is None or bot_id is None:
            return
        if bot_id in removed:
            await self._removed(where, remembered)
        elif bot_id in added:
            await self._welcome(context, where, remembered)

    async def _on_invoke(
        self, context: TurnContext, where: Where, remembered: Remembered | None
    ) -> None:
        """Action.Execute (should a card ever use it): answered like an Action.Submit click."""
        activity = context.activity
        if activity.name == "adaptiveCard/action" and isinstance(activity.value, dict):
            action = activity.value.get("action")
            data = action.get("data") if isinstance(action, dict) else None
            if isinstance(data, dict) and submitted_value(Activity(value=data)) is not None:
                activity.value = data
                await self._on_message(context, where, remembered)
        body = {"statusCode": 200, "type": "application/vnd.microsoft.activity.message"}
        await context.send_activity(
            Activity(
                type=ActivityTypes.invoke_response,
                value=InvokeResponse(status=200, body={**body, "value": ""}),
            )
        )

    async def _welcome(self, context: TurnContext, where: Where, remembered: Remembered) -> None:
        if await asyncio.to_thread(self.store.claim_welcome, remembered.row_id):
            log.info("teams_welcome", extra={"kind": where.kind})
            await self.send(context, [self.api.welcome_card(in_channel=where.kind != PERSONAL)])

    async def _removed(self, where: Where, remembered: Remembered) -> None:
        if not remembered.senders_own:
            return  # only the educator may uninstall from their own personal chat
        log.info("teams_removed", extra={"kind": where.kind})
        await asyncio.to_thread(self.store.removed, remembered.row_id)

    async def send(self, context: TurnContext, replies: list[Reply]) -> None:
        """The replies in as few messages as fit, paced under Teams' per-conversation limits."""
        single_attempt_transport(context.turn_state.get(context.adapter.BOT_CONNECTOR_CLIENT_KEY))
        conversation = context.activity.conversation
        key = str(conversation.id) if conversation is not None else ""
        for activity in pack(cards.render(replies)):
            await self.pacer.wait(key)
            await send_with_retry(partial(context.send_activity, activity), self.policy)


def _is_removal(activity: Activity) -> bool:
    """An uninstall, or the coach itself among the members removed."""
    if activity.type == ActivityTypes.installation_update:
        return activity.action in REMOVE_ACTIONS
    if activity.type == ActivityTypes.conversation_update and activity.recipient is not None:
        return any(member.id == activity.recipient.id for member in activity.members_removed or [])
    return False


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """Log the failure (its kind only: never the educator's words) and apologise once."""
    status = error.status if isinstance(error, SendFailed) else None
    log.error("teams_turn_failed", extra={"error": type(error).__name__, "status": status})
    if context.activity.type != ActivityTypes.message or isinstance(error, SendFailed):
        return
    # The same sentence as Slack and the terminal when it is the database that failed.
    text = messages.STORAGE_DOWN if storage_unavailable(error) else messages.SOMETHING_WENT_WRONG
    try:
        await context.send_activity(cards.text_activity(str(text)))
    except Exception as exc:  # the connector itself is failing: nothing more to say
        log.warning("teams_apology_failed", extra={"error": type(exc).__name__})
