"""One pass of the scheduler: claim what is due, send it, record what happened.

Exactly once a week per subscription:
1. Claim (one transaction per batch): due subscriptions are selected by the indexed
   `next_send_at` with a LIMIT (on PostgreSQL `FOR UPDATE SKIP LOCKED`, so several clocks
   share the work); a ledger row keyed (subscription, local ISO week) is written with
   status `claimed`, and the subscription is leased (its next look moved a few minutes on).
2. Send, one nudge at a time: `claimed` -> `sending` is a conditional update committed
   before the platform is called, so only one clock ever calls it for that row.
3. Record: `sent` (rotation moves on, next week scheduled), `retry` (transient: later the
   same week), or `failed` (permanent: the subscription is turned off with the reason).

After a crash: a row left `claimed` was never sent and is sent by a later tick; a row left
`sending` may or may not have reached the platform, so it is recorded as `failed`
(reason "interrupted") rather than risk a second copy.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import ClassVar, Protocol

from sqlalchemy import Select, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.app import CoachApp
from bot.delivery import Address, DeliveryOutcome, DeliveryResult, Sender
from bot.followthrough import awaiting_check_in
from bot.inbound import Platform
from bot.nudges.compose import compose_nudge
from bot.replies import Reply
from bot.storage.models import Educator, Workspace
from bot.weekly.models import (
    LedgerColumns,
    LedgerStatus,
    NudgeLedger,
    ScheduleColumns,
    Subscription,
)
from bot.weekly.rotation import Pick, next_pick, record_sent
from bot.weekly.schedule import end_of_local_week, week_key, zone_info
from bot.weekly.subscriptions import reschedule, turn_off

log = logging.getLogger("coach.scheduler")

WORKSPACE_UNINSTALLED = "workspace_uninstalled"


class Owner(Protocol):
    """Whom a subscription sends to: an educator, or (for team prompts) the channel itself."""

    @property
    def platform(self) -> str: ...

    @property
    def workspace(self) -> str: ...


@dataclass(frozen=True)
class TickPolicy:
    grace: timedelta = timedelta(hours=12)  # later than this after the slot: missed
    lease: timedelta = timedelta(minutes=15)  # how long a claim keeps other clocks away
    batch_size: int = 200
    retry_first: timedelta = timedelta(minutes=10)
    retry_longest: timedelta = timedelta(hours=6)
    max_attempts: int = 8
    max_batches: int = 1000  # a safety stop; a tick normally ends when nothing is due


@dataclass(frozen=True)
class TickLine:
    """One nudge handled by this tick. Ids, topics and times only: never message text."""

    subscription_id: int
    platform: str
    outcome: str  # sent, retry, failed, missed, skipped, interrupted
    week: str
    local_slot: str
    topic: str | None = None
    nudge_index: int | None = None
    reason: str = ""
    kind: str = "nudge"  # or "channel": a team prompt

    def render(self) -> str:
        topic = f" {self.topic}#{self.nudge_index}" if self.topic is not None else ""
        reason = f" reason={self.reason}" if self.reason else ""
        label = "subscription" if self.kind == "nudge" else f"{self.kind}_subscription"
        return (
            f"{self.outcome:<11} {label}={self.subscription_id} platform={self.platform} "
            f"week={self.week} local={self.local_slot}{topic}{reason}"
        )


@dataclass
class TickReport:
    at: datetime
    lines: list[TickLine] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(line.outcome for line in self.lines)

    def summary(self) -> str:
        counts = self.counts()
        parts = ", ".join(
            f"{counts.get(name, 0)} {name}"
            for name in ("sent", "retry", "failed", "missed", "skipped", "interrupted")
        )
        return f"tick at {self.at.isoformat()}: {len(self.lines)} handled ({parts})"


@dataclass(frozen=True)
class _Claim:
    ledger_id: int
    claimed_at: datetime


def _local_slot(slot: datetime, zone: str) -> str:
    try:
        local = slot.astimezone(zone_info(zone))
    except ValueError:
        return slot.isoformat()
    return f"{local:%a %Y-%m-%d %H:%M} {zone}"


def _line(
    subscription: ScheduleColumns,
    educator: Owner,
    outcome: str,
    ledger: LedgerColumns | None,
    slot: datetime,
    reason: str = "",
) -> TickLine:
    return TickLine(
        kind="nudge" if isinstance(subscription, Subscription) else "channel",
        subscription_id=subscription.id,
        platform=educator.platform,
        outcome=outcome,
        week=ledger.week if ledger else week_key(slot, subscription.timezone),
        local_slot=_local_slot(slot, subscription.timezone),
        topic=ledger.topic if ledger else None,
        nudge_index=ledger.nudge_index if ledger else None,
        reason=reason,
    )


class Tick:
    """One pass at one moment; `run` loops claim-and-send batches until nothing is due.

    This class sends educators' weekly nudges; a subclass overrides the few hooks below
    (`_due`, `_load`, `_new_ledger`, `_compose`, `_item_counts`) to send another kind of
    subscription (team prompts: scheduler/channel_tick.py) with the same claim, ledger,
    retry and record machinery.
    """

    subscription_model: ClassVar[type[ScheduleColumns]] = Subscription
    ledger_model: ClassVar[type[LedgerColumns]] = NudgeLedger
    log_prefix: ClassVar[str] = "nudge_"

    def __init__(
        self,
        core: CoachApp,
        senders: Mapping[Platform, Sender],
        now: datetime,
        policy: TickPolicy | None = None,
    ) -> None:
        self.core = core
        self.senders = dict(senders)
        self.now = now
        self.policy = policy or TickPolicy()
        self.report = TickReport(at=now)
        self.nudge_counts = self._item_counts()

    # --- what differs between subscription kinds ----------------------------------------

    def _item_counts(self) -> dict[str, int]:
        """How many items (nudges) each topic has, for the rotation."""
        return {slug: len(t.nudges) for slug, t in self.core.library.topics.items()}

    def _due(self, session: Session, platforms: list[str]) -> list[tuple[ScheduleColumns, Owner]]:
        """Due subscriptions with their owners, locked (skip locked) for this clock."""
        rows = session.execute(
            select(Subscription, Educator)
            .join(Educator, Educator.id == Subscription.educator_id)
            .where(
                Subscription.next_send_at <= self.now,
                Subscription.enabled.is_(True),
                Educator.platform.in_(platforms),
            )
            .order_by(Subscription.next_send_at, Subscription.id)
            .limit(self.policy.batch_size)
            .with_for_update(of=Subscription, skip_locked=True)
        ).all()
        return [(subscription, educator) for subscription, educator in rows]

    def _load(
        self, session: Session, ledger_id: int, *, lock: bool = False
    ) -> tuple[LedgerColumns, ScheduleColumns, Owner]:
        """One ledger row with its subscription and owner (optionally locking the subscription)."""
        query = _ledger_with_owner(ledger_id)
        if lock:
            query = query.with_for_update(of=Subscription)
        ledger, subscription, educator = session.execute(query).one()
        return ledger, subscription, educator

    def _new_ledger(
        self,
        session: Session,
        subscription: ScheduleColumns,
        owner: Owner,
        pick: Pick,
        slot: datetime,
    ) -> LedgerColumns:
        assert isinstance(owner, Educator)
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
            claimed_at=self.now,
        )

    def _compose(
        self, session: Session, ledger: LedgerColumns, subscription: ScheduleColumns, owner: Owner
    ) -> tuple[Address, list[Reply]]:
        assert isinstance(ledger, NudgeLedger) and isinstance(owner, Educator)
        assert ledger.topic is not None
        replies = compose_nudge(
            session,
            library=self.core.library,
            sealer=self.core.coach.sealer,
            educator_id=owner.id,
            zone=zone_info(subscription.timezone),
            topic=ledger.topic,
            nudge_index=ledger.nudge_index or 0,
            ledger_id=ledger.id,
            checkin_reflection_id=ledger.checkin_reflection_id,
        )
        return Address(Platform(owner.platform), owner.workspace, owner.user_id), replies

    # --- the pass ---------------------------------------------------------------------

    def run(self) -> TickReport:
        for _ in range(self.policy.max_batches):
            claims, found = self.claim_batch()
            for claim in claims:
                self.send(claim)
            if found == 0:
                break
        return self.report

    # --- 1. claim -------------------------------------------------------------------

    def claim_batch(self) -> tuple[list[_Claim], int]:
        """Claim up to one batch of due subscriptions; returns the claims and rows looked at."""
        platforms = [platform.value for platform in self.senders]
        claims: list[_Claim] = []
        with self.core.sessions.begin() as session:
            rows = self._due(session, platforms)
            # Two look-ups for the whole batch instead of two round trips per row.
            removed = self._uninstalled_workspaces(session, [owner for _, owner in rows])
            ledgers = self._ledgers_by_week(session, [sub for sub, _ in rows])
            for subscription, educator in rows:
                claim = self._claim_one(session, subscription, educator, removed, ledgers)
                if claim is not None:
                    claims.append(claim)
        return claims, len(rows)

    def _uninstalled_workspaces(
        self, session: Session, owners: list[Owner]
    ) -> set[tuple[str, str]]:
        workspaces = {(owner.platform, owner.workspace) for owner in owners}
        if not workspaces:
            return set()
        rows = session.execute(
            select(Workspace.platform, Workspace.workspace).where(
                Workspace.uninstalled_at.is_not(None),
                Workspace.workspace.in_({workspace for _, workspace in workspaces}),
            )
        ).all()
        return {(platform, workspace) for platform, workspace in rows} & workspaces

    def _ledgers_by_week(
        self, session: Session, subscriptions: list[ScheduleColumns]
    ) -> dict[tuple[int, str], LedgerColumns]:
        if not subscriptions:
            return {}
        model = self.ledger_model
        ids = [subscription.id for subscription in subscriptions]
        weeks = {
            week_key(sub.slot_at or sub.next_send_at or self.now, sub.timezone)
            for sub in subscriptions
        }
        found = session.scalars(
            select(model).where(model.subscription_id.in_(ids), model.week.in_(weeks))
        )
        return {(ledger.subscription_id, ledger.week): ledger for ledger in found}

    def _claim_one(
        self,
        session: Session,
        subscription: ScheduleColumns,
        educator: Owner,
        removed: set[tuple[str, str]],
        ledgers: dict[tuple[int, str], LedgerColumns],
    ) -> _Claim | None:
        now, policy = self.now, self.policy
        slot = subscription.slot_at or subscription.next_send_at or now
        if (educator.platform, educator.workspace) in removed:
            turn_off(subscription, WORKSPACE_UNINSTALLED, now)
            self.report.lines.append(
                _line(subscription, educator, "skipped", None, slot, WORKSPACE_UNINSTALLED)
            )
            return None
        if subscription.paused_until is not None and subscription.paused_until > slot:
            reschedule(session, subscription, slot)
            return None
        week = week_key(slot, subscription.timezone)
        ledger = ledgers.get((subscription.id, week))
        if ledger is None:
            if now - slot > policy.grace:
                self._record_missed(session, subscription, educator, week, slot)
                return None
            pick = next_pick(subscription, self.nudge_counts)
            ledger = self._new_ledger(session, subscription, educator, pick, slot)
            try:
                with session.begin_nested():
                    session.add(ledger)
            except IntegrityError:  # another clock wrote this week's row a moment ago
                return None
        elif ledger.status in LedgerStatus.FINAL:
            reschedule(session, subscription, max(slot, ledger.due_at))
            return None
        elif ledger.status in (LedgerStatus.CLAIMED, LedgerStatus.SENDING) and (
            now - ledger.claimed_at < policy.lease
        ):
            subscription.next_send_at = ledger.claimed_at + policy.lease  # another clock's
            return None
        elif ledger.status == LedgerStatus.SENDING:
            self._record_interrupted(session, subscription, educator, ledger)
            return None
        elif ledger.status == LedgerStatus.RETRY and now >= end_of_local_week(
            ledger.due_at, subscription.timezone
        ):
            self._finish(session, subscription, ledger, LedgerStatus.FAILED, "week_over")
            self.report.lines.append(
                _line(subscription, educator, "failed", ledger, ledger.due_at, "week_over")
            )
            return None
        else:  # a stale claim (never sent) or a retry: claim it again
            ledger.status = LedgerStatus.CLAIMED
            ledger.claimed_at = now
        subscription.next_send_at = now + policy.lease
        session.flush()
        return _Claim(ledger.id, now)

    def _record_missed(
        self,
        session: Session,
        subscription: ScheduleColumns,
        educator: Owner,
        week: str,
        slot: datetime,
    ) -> None:
        ledger = self.ledger_model()
        ledger.subscription_id = subscription.id
        ledger.week = week
        ledger.due_at = slot
        ledger.status = LedgerStatus.MISSED
        ledger.attempts = 0
        ledger.reason = "past_grace"
        ledger.claimed_at = self.now
        ledger.finished_at = self.now
        try:
            with session.begin_nested():
                session.add(ledger)
        except IntegrityError:
            return
        # The next slot still within the grace period may be sent; older ones are skipped.
        reschedule(session, subscription, max(slot, self.now - self.policy.grace))
        self.report.lines.append(_line(subscription, educator, "missed", ledger, slot))

    def _record_interrupted(
        self,
        session: Session,
        subscription: ScheduleColumns,
        educator: Owner,
        ledger: LedgerColumns,
    ) -> None:
        # It may have been delivered: count it as seen so the rotation never repeats it.
        if ledger.topic is not None:
            record_sent(subscription, Pick(ledger.topic, ledger.nudge_index or 0))
        self._finish(session, subscription, ledger, LedgerStatus.FAILED, "interrupted")
        self.report.lines.append(
            _line(subscription, educator, "interrupted", ledger, ledger.due_at, "interrupted")
        )

    def _finish(
        self,
        session: Session,
        subscription: ScheduleColumns,
        ledger: LedgerColumns,
        status: str,
        reason: str | None,
    ) -> None:
        ledger.status = status
        ledger.reason = reason
        ledger.finished_at = self.now
        session.flush()
        reschedule(session, subscription, ledger.due_at)

    # --- 2. send and 3. record ------------------------------------------------------

    def send(self, claim: _Claim) -> None:
        prepared = self._start_sending(claim)
        if prepared is None:
            return
        sender, address, replies = prepared
        try:
            result = sender.deliver(address, replies)
        except Exception as exc:  # a sender must not raise; if one does, treat it as transient
            log.warning("sender_raised", extra={"error": type(exc).__name__})
            result = DeliveryResult(DeliveryOutcome.RETRY, "sender_error")
        self._record(claim, result)

    def _start_sending(self, claim: _Claim) -> tuple[Sender, Address, list[Reply]] | None:
        model = self.ledger_model
        with self.core.sessions.begin() as session:
            moved = session.execute(
                update(model)
                .where(
                    model.id == claim.ledger_id,
                    model.status == LedgerStatus.CLAIMED,
                    model.claimed_at == claim.claimed_at,
                )
                .values(status=LedgerStatus.SENDING, attempts=model.attempts + 1)
                .execution_options(synchronize_session=False)
            )
            if getattr(moved, "rowcount", 0) != 1:
                return None  # another clock took it over
            ledger, subscription, educator = self._load(session, claim.ledger_id)
            if not subscription.enabled or ledger.topic not in self.nudge_counts:
                reason = "turned_off" if not subscription.enabled else "unknown_topic"
                self._finish(session, subscription, ledger, LedgerStatus.SKIPPED, reason)
                self.report.lines.append(
                    _line(subscription, educator, "skipped", ledger, ledger.due_at, reason)
                )
                return None
            address, replies = self._compose(session, ledger, subscription, educator)
        return self.senders[address.platform], address, replies

    def _record(self, claim: _Claim, result: DeliveryResult) -> None:
        with self.core.sessions.begin() as session:
            ledger, subscription, educator = self._load(session, claim.ledger_id, lock=True)
            reason = result.reason[:64] if result.reason else None
            outcome = result.outcome
            if outcome is DeliveryOutcome.SENT:
                if ledger.topic is not None:
                    record_sent(subscription, Pick(ledger.topic, ledger.nudge_index or 0))
                self._finish(session, subscription, ledger, LedgerStatus.SENT, None)
                line = "sent"
            elif outcome is DeliveryOutcome.GONE:
                ledger.status = LedgerStatus.FAILED
                ledger.reason = reason or "gone"
                ledger.finished_at = self.now
                turn_off(subscription, reason or "gone", self.now)
                line = "failed"
            else:
                retry_at = self.now + min(
                    self.policy.retry_first * (2 ** max(0, ledger.attempts - 1)),
                    self.policy.retry_longest,
                )
                week_end = end_of_local_week(ledger.due_at, subscription.timezone)
                if ledger.attempts >= self.policy.max_attempts or retry_at >= week_end:
                    self._finish(
                        session, subscription, ledger, LedgerStatus.FAILED, reason or "gave_up"
                    )
                    line = "failed"
                else:
                    ledger.status = LedgerStatus.RETRY
                    ledger.reason = reason or "transient"
                    subscription.next_send_at = retry_at
                    line = "retry"
            self.report.lines.append(
                _line(subscription, educator, line, ledger, ledger.due_at, ledger.reason or "")
            )
        log.info(
            self.log_prefix + line,
            extra={
                "subscription_id": subscription.id,
                "platform": educator.platform,
                "topic": ledger.topic,
                "reason": ledger.reason or "",
            },
        )


def _ledger_with_owner(ledger_id: int) -> Select[NudgeLedger, Subscription, Educator]:
    return (
        select(NudgeLedger, Subscription, Educator)
        .join(Subscription, Subscription.id == NudgeLedger.subscription_id)
        .join(Educator, Educator.id == Subscription.educator_id)
        .where(NudgeLedger.id == ledger_id)
    )


def run_tick(
    core: CoachApp,
    senders: Mapping[Platform, Sender],
    now: datetime,
    policy: TickPolicy | None = None,
) -> TickReport:
    """Send everything due at `now` through the given senders (one per platform): the
    educators' weekly nudges, then the channels' team prompts, in one report."""
    if now.tzinfo is None:
        raise ValueError("the tick needs an aware time")
    from scheduler.channel_tick import ChannelTick  # it builds on Tick

    report = Tick(core, senders, now, policy).run()
    report.lines.extend(ChannelTick(core, senders, now, policy).run().lines)
    return report
