"""The tick for team prompts: the nudges' claim, ledger, send and record, for channels.

A channel subscription is its own owner (it knows its platform, workspace and channel),
so the hooks select it alone, record weeks in `channel_ledger`, and address the post to
the channel. Everything else (exactly once per local week, leases, retries, a GONE
platform answer turning the subscription off with its reason) is `Tick`'s.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.channels.compose import team_prompt
from bot.delivery import Address
from bot.inbound import Platform
from bot.replies import Reply
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription
from bot.weekly.models import LedgerColumns, LedgerStatus, ScheduleColumns
from bot.weekly.rotation import Pick
from bot.weekly.schedule import week_key
from scheduler.tick import Owner, Tick


class ChannelTick(Tick):
    subscription_model = ChannelSubscription
    ledger_model = ChannelLedger
    log_prefix = "team_prompt_"

    def _item_counts(self) -> dict[str, int]:
        return self.core.library.team_prompts.counts()

    def _due(self, session: Session, platforms: list[str]) -> list[tuple[ScheduleColumns, Owner]]:
        rows = session.scalars(
            select(ChannelSubscription)
            .where(
                ChannelSubscription.next_send_at <= self.now,
                ChannelSubscription.enabled.is_(True),
                ChannelSubscription.platform.in_(platforms),
            )
            .order_by(ChannelSubscription.next_send_at, ChannelSubscription.id)
            .limit(self.policy.batch_size)
            .with_for_update(skip_locked=True)
        ).all()
        return [(subscription, subscription) for subscription in rows]

    def _load(
        self, session: Session, ledger_id: int, *, lock: bool = False
    ) -> tuple[LedgerColumns, ScheduleColumns, Owner]:
        query = (
            select(ChannelLedger, ChannelSubscription)
            .join(ChannelSubscription, ChannelSubscription.id == ChannelLedger.subscription_id)
            .where(ChannelLedger.id == ledger_id)
        )
        if lock:
            query = query.with_for_update(of=ChannelSubscription)
        ledger, subscription = session.execute(query).one()
        return ledger, subscription, subscription

    def _new_ledger(
        self,
        session: Session,
        subscription: ScheduleColumns,
        owner: Owner,
        pick: Pick,
        slot: datetime,
    ) -> LedgerColumns:
        return ChannelLedger(
            subscription_id=subscription.id,
            week=week_key(slot, subscription.timezone),
            due_at=slot,
            status=LedgerStatus.CLAIMED,
            attempts=0,
            topic=pick.topic,
            nudge_index=pick.nudge_index,
            claimed_at=self.now,
        )

    def _compose(
        self, session: Session, ledger: LedgerColumns, subscription: ScheduleColumns, owner: Owner
    ) -> tuple[Address, list[Reply]]:
        assert isinstance(subscription, ChannelSubscription) and ledger.topic is not None
        address = Address(
            Platform(subscription.platform),
            subscription.workspace,
            user_id="",
            conversation=subscription.channel,
        )
        return address, team_prompt(self.core.library, ledger.topic, ledger.nudge_index or 0)
