"""Educators' weekly nudges: due by the educator's platform, addressed to the educator."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from bot.app import CoachApp
from bot.delivery import Address
from bot.followthrough import check_in_waiting
from bot.i18n import speaking
from bot.inbound import Platform
from bot.language import educator_language, library_for
from bot.lifecycle import workspace_removed
from bot.nudges.compose import compose_nudge, keep_going_question
from bot.profiles import nudge_offer, profile_of
from bot.replies import Reply
from bot.storage.models import Educator
from bot.storage.sets import id_in
from bot.weekly.backoff import QuietRule
from bot.weekly.closed import closed_on_slot_day
from bot.weekly.models import NudgeLedger, Subscription
from bot.weekly.rotation import Offer, Pick
from bot.weekly.schedule import zone_info
from content.fit import Profile
from content.loader import Library
from scheduler.due import Due, planned_week


class Nudges:
    """A `Kind` (scheduler/kind.py) over `Subscription`, `NudgeLedger` and `Educator`."""

    name = "nudge"
    log_prefix = "nudge_"
    ledger_model = NudgeLedger
    quiet: QuietRule | None = QuietRule(sends=3)

    def __init__(self) -> None:
        # A handful of profiles (5 roles x 4 bands, and unset): each offer is worked out once
        # per content version.
        self._offers: dict[tuple[str, Profile], Offer] = {}

    def item_counts(self, library: Library) -> dict[str, int]:
        return {slug: len(t.nudges) for slug, t in library.topics.items()}

    def offer(self, library: Library, owner: Educator) -> Offer:
        profile = profile_of(owner)
        key = (library.version, profile)
        if key not in self._offers:
            self._offers[key] = nudge_offer(library, profile)
        return self._offers[key]

    def last_heard(self, owner: Educator) -> datetime | None:
        return owner.last_seen_at

    def due(
        self, session: Session, now: datetime, platforms: list[str], limit: int
    ) -> list[Due[Subscription, NudgeLedger, Educator]]:
        closed = closed_on_slot_day(Subscription, Educator.platform, Educator.workspace)
        removed = workspace_removed(Educator.platform, Educator.workspace)
        # The nudge carries the check-in on last week's planned action, if one is waiting.
        checkin = check_in_waiting(Educator.id, now)
        rows = session.execute(
            select(Subscription, Educator, NudgeLedger, closed, removed, checkin)
            .join(Educator, Educator.id == Subscription.educator_id)
            .outerjoin(NudgeLedger, planned_week(NudgeLedger, Subscription))
            .where(
                Subscription.next_send_at <= now,
                Subscription.enabled.is_(True),
                # An expression, not the column: SQLite keeps no statistics and would start
                # from the educators' (platform, ...) index, reading every educator.
                (Educator.platform + "").in_(platforms),
            )
            .order_by(Subscription.next_send_at, Subscription.id)
            .limit(limit)
            .with_for_update(of=Subscription, skip_locked=True)
        ).all()
        return [
            Due(sub, educator, week, bool(shut), bool(gone), {"checkin_reflection_id": checkin})
            for sub, educator, week, shut, gone, checkin in rows
        ]

    def load(
        self, session: Session, ledger_id: int, *, lock: bool = False
    ) -> tuple[NudgeLedger, Subscription, Educator]:
        query = _LEDGER_WITH_OWNER.with_for_update(of=Subscription) if lock else _LEDGER_WITH_OWNER
        ledger, subscription, educator = session.execute(query, {"ledger_id": ledger_id}).one()
        return ledger, subscription, educator

    def load_many(
        self, session: Session, ledger_ids: list[int], *, lock: bool = False
    ) -> dict[int, tuple[NudgeLedger, Subscription, Educator]]:
        query = (
            select(NudgeLedger, Subscription, Educator)
            .join(Subscription, Subscription.id == NudgeLedger.subscription_id)
            .join(Educator, Educator.id == Subscription.educator_id)
            .where(id_in(session, NudgeLedger.id, ledger_ids))
            .order_by(Subscription.id)
        )
        if lock:
            query = query.with_for_update(of=Subscription)
        return {ledger.id: (ledger, sub, owner) for ledger, sub, owner in session.execute(query)}

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
        # In the language they have now, not the one they had when they subscribed.
        language = educator_language(owner)
        with speaking(language):
            if ledger.ask:
                return address, [keep_going_question(ledger.id)]
            replies = compose_nudge(
                session,
                library=library_for(core.library, language),
                sealer=core.coach.sealer,
                educator_id=owner.id,
                zone=zone_info(subscription.timezone),
                topic=pick.topic,
                nudge_index=pick.nudge_index,
                ledger_id=ledger.id,
                checkin_reflection_id=ledger.checkin_reflection_id,
                now=ledger.due_at,
                reminder=ledger.remind_at is not None,
            )
        return address, replies


# Built once: the send step loads one row per nudge.
_LEDGER_WITH_OWNER: Select[NudgeLedger, Subscription, Educator] = (
    select(NudgeLedger, Subscription, Educator)
    .join(Subscription, Subscription.id == NudgeLedger.subscription_id)
    .join(Educator, Educator.id == Subscription.educator_id)
    .where(NudgeLedger.id == bindparam("ledger_id"))
)


NUDGES = Nudges()
