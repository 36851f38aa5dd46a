"""Channels' weekly team prompts: a channel subscription is its own owner (it knows its
platform, workspace and channel), so its rows are selected alone and the post is
addressed to the channel."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from bot.app import CoachApp
from bot.channels.compose import keep_going_question, team_prompt
from bot.channels.settings import keeper_mention
from bot.delivery import Address
from bot.i18n import speaking
from bot.inbound import Platform
from bot.language import library_for
from bot.lifecycle import workspace_removed
from bot.replies import Reply
from bot.storage.sets import id_in
from bot.weekly.backoff import QuietRule
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription
from bot.weekly.closed import closed_on_slot_day
from bot.weekly.rotation import Offer, Pick
from content.languages import DEFAULT_LANGUAGE
from content.loader import Library
from scheduler.due import Due, planned_week


class TeamPrompts:
    """A `Kind` (scheduler/kind.py) over `ChannelSubscription` (its own owner) and
    `ChannelLedger`."""

    name = "channel"
    log_prefix = "team_prompt_"
    ledger_model = ChannelLedger
    # The coach never reads the channel: "heard" is a `channel` word or a button click there.
    quiet: QuietRule | None = QuietRule(span=timedelta(weeks=6))

    def item_counts(self, library: Library) -> dict[str, int]:
        return library.team_prompts.counts()

    def offer(self, library: Library, owner: ChannelSubscription) -> Offer:
        return Offer.in_file_order(library.team_prompts.counts())

    def last_heard(self, owner: ChannelSubscription) -> datetime | None:
        return owner.last_heard_at

    def due(
        self, session: Session, now: datetime, platforms: list[str], limit: int
    ) -> list[Due[ChannelSubscription, ChannelLedger, ChannelSubscription]]:
        closed = closed_on_slot_day(
            ChannelSubscription, ChannelSubscription.platform, ChannelSubscription.workspace
        )
        removed = workspace_removed(ChannelSubscription.platform, ChannelSubscription.workspace)
        rows = session.execute(
            select(ChannelSubscription, ChannelLedger, closed, removed)
            .outerjoin(ChannelLedger, planned_week(ChannelLedger, ChannelSubscription))
            .where(
                ChannelSubscription.next_send_at <= now,
                ChannelSubscription.enabled.is_(True),
                # An expression, not the column: SQLite keeps no statistics and would pick
                # the (platform, workspace, channel) index over the due one.
                (ChannelSubscription.platform + "").in_(platforms),
            )
            .order_by(ChannelSubscription.next_send_at, ChannelSubscription.id)
            .limit(limit)
            .with_for_update(of=ChannelSubscription, skip_locked=True)
        ).all()
        return [Due(sub, sub, week, bool(shut), bool(gone), {}) for sub, week, shut, gone in rows]

    def load(
        self, session: Session, ledger_id: int, *, lock: bool = False
    ) -> tuple[ChannelLedger, ChannelSubscription, ChannelSubscription]:
        query = _LEDGER_WITH_CHANNEL
        if lock:
            query = query.with_for_update(of=ChannelSubscription)
        ledger, subscription = session.execute(query, {"ledger_id": ledger_id}).one()
        return ledger, subscription, subscription

    def load_many(
        self, session: Session, ledger_ids: list[int], *, lock: bool = False
    ) -> dict[int, tuple[ChannelLedger, ChannelSubscription, ChannelSubscription]]:
        query = (
            select(ChannelLedger, ChannelSubscription)
            .join(ChannelSubscription, ChannelSubscription.id == ChannelLedger.subscription_id)
            .where(id_in(session, ChannelLedger.id, ledger_ids))
            .order_by(ChannelSubscription.id)
        )
        if lock:
            query = query.with_for_update(of=ChannelSubscription)
        return {ledger.id: (ledger, sub, sub) for ledger, sub in session.execute(query)}

    def compose(
        self,
        core: CoachApp,
        session: Session,
        ledger: ChannelLedger,
        subscription: ChannelSubscription,
        owner: ChannelSubscription,
        pick: Pick,
    ) -> tuple[Address, list[Reply]]:
        address = Address(
            Platform(subscription.platform),
            subscription.workspace,
            user_id="",
            conversation=subscription.channel,
        )
        language = subscription.language or DEFAULT_LANGUAGE
        with speaking(language):
            if ledger.ask:  # in the channel, where it surely arrives, naming its keeper
                who = keeper_mention(session, subscription)
                return address, [keep_going_question(ledger.id, who)]
            library = library_for(core.library, language)
            return address, team_prompt(library, pick.topic, pick.nudge_index, ledger.id)


# Built once: the send step loads one row per prompt.
_LEDGER_WITH_CHANNEL: Select[ChannelLedger, ChannelSubscription] = (
    select(ChannelLedger, ChannelSubscription)
    .join(ChannelSubscription, ChannelSubscription.id == ChannelLedger.subscription_id)
    .where(ChannelLedger.id == bindparam("ledger_id"))
)

TEAM_PROMPTS = TeamPrompts()
