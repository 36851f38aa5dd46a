"""Educators' weekly nudges: due by the educator's platform, addressed to the educator."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from bot.app import CoachApp
from bot.delivery import Address
from bot.followthrough import awaiting_check_in
from bot.inbound import Platform
from bot.nudges.compose import compose_nudge, keep_going_question
from bot.replies import Reply
from bot.storage.models import Educator
from bot.weekly.backoff import QuietRule
from bot.weekly.closed import closed_on_slot_day
from bot.weekly.models import LedgerStatus, NudgeLedger, Subscription
from bot.weekly.rotation import Pick
from bot.weekly.schedule import week_key, zone_info
from content.loader import Library


class Nudges:
    """A `Kind` (scheduler/kind.py) over `Subscription`, `NudgeLedger` and `Educator`."""

    name = "nudge"
    log_prefix = "nudge_"
    ledger_model = NudgeLedger
    quiet: QuietRule | None = QuietRule(sends=3)

    def item_counts(self, library: Library) -> dict[str, int]:
        return {slug: len(t.nudges) for slug, t in library.topics.items()}

    def last_heard(self, owner: Educator) -> datetime | None:
        return owner.last_seen_at

    def due(
        self, session: Session, now: datetime, platforms: list[str], limit: int
    ) -> list[tuple[Subscription, Educator, bool]]:
        closed = closed_on_slot_day(Subscription, Educator.platform, Educator.workspace)
        rows = session.execute(
            select(Subscription, Educator, closed)
            .join(Educator, Educator.id == Subscription.educator_id)
            .where(
                Subscription.next_send_at <= now,
                Subscription.enabled.is_(True),
                Educator.platform.in_(platforms),
            )
            .order_by(Subscription.next_send_at, Subscription.id)
            .limit(limit)
            .with_for_update(of=Subscription, skip_locked=True)
        ).all()
        return [(subscription, educator, bool(shut)) for subscription, educator, shut in rows]

    def load(
        self, session: Session, ledger_id: int, *, lock: bool = False
    ) -> tuple[NudgeLedger, Subscription, Educator]:
        query = _ledger_with_owner(ledger_id)
        if lock:
            query = query.with_for_update(of=Subscription)
        ledger, subscription, educator = session.execute(query).one()
        return ledger, subscription, educator

    def new_ledger(
        self,
        session: Session,
        subscription: Subscription,
        owner: Educator,
        pick: Pick,
        slot: datetime,
        now: datetime,
    ) -> NudgeLedger:
        # The nudge carries the check-in on last week's planned action, if one is waiting.
        checkin = awaiting_check_in(session, owner.id)
        return NudgeLedger(
            subscription_id=subscription.id,
            week=week_key(slot, subscription.timezone),
            due_at=slot,
            status=LedgerStatus.CLAIMED,
            attempts=0,
            topic=pick.topic,
            nudge_index=pick.nudge_index,
            checkin_reflection_id=checkin.id if checkin else None,
            claimed_at=now,
        )

    def compose(
        self,
        core: CoachApp,
        session: Session,
        ledger: NudgeLedger,
        subscription: Subscription,
        owner: Educator,
        pick: Pick,
    ) -> tuple[Address, list[Reply]]:
        address = Address(Platform(owner.platform), owner.workspace, owner.user_id)
        if ledger.ask:
            return address, [keep_going_question(ledger.id)]
        replies = compose_nudge(
            session,
            library=core.library,
            sealer=core.coach.sealer,
            educator_id=owner.id,
            zone=zone_info(subscription.timezone),
            topic=pick.topic,
            nudge_index=pick.nudge_index,
            ledger_id=ledger.id,
            checkin_reflection_id=ledger.checkin_reflection_id,
            reminder=ledger.remind_at is not None,
        )
        return address, replies


def _ledger_with_owner(ledger_id: int) -> Select[NudgeLedger, Subscription, Educator]:
    return (
        select(NudgeLedger, Subscription, Educator)
        .join(Subscription, Subscription.id == NudgeLedger.subscription_id)
        .join(Educator, Educator.id == Subscription.educator_id)
        .where(NudgeLedger.id == ledger_id)
    )


NUDGES = Nudges()
