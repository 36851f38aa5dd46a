"""Step 1 of a tick: claim a batch of due subscriptions, in one transaction.

Due subscriptions are selected by the indexed `next_send_at` with a LIMIT (on PostgreSQL
`FOR UPDATE SKIP LOCKED`, so several clocks share the work); a ledger row keyed
(subscription, local ISO week) is written with status `claimed`, and the subscription is
leased (its next look moved a few minutes on). Rows that need no send this week (paused,
workspace removed, missed, already final, another clock's, interrupted, a week given up)
are settled here instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.calendar.store import WorkspaceKey, closed_from, next_open_day
from bot.lifecycle import WORKSPACE_UNINSTALLED
from bot.storage.models import Workspace
from bot.weekly.backoff import note_heard, quiet_ran_out, should_ask
from bot.weekly.models import LedgerStatus
from bot.weekly.rotation import Pick, next_pick, record_sent
from bot.weekly.schedule import end_of_local_week, local_to_utc, week_key, zone_info
from bot.weekly.subscriptions import plan, reschedule, turn_off
from scheduler.context import TickContext
from scheduler.kind import LedgerT, Owner, OwnerT, SubscriptionT
from scheduler.ledger import finish


@dataclass(frozen=True)
class Claim:
    ledger_id: int
    claimed_at: datetime


def claim_batch(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT], platforms: list[str]
) -> tuple[list[Claim], int]:
    """Claim up to one batch of due subscriptions; returns the claims and rows looked at."""
    claims: list[Claim] = []
    with tick.core.sessions.begin() as session:
        rows = tick.kind.due(session, tick.now, platforms, tick.policy.batch_size)
        # Look-ups for the whole batch instead of round trips per row.
        removed = _uninstalled_workspaces(session, [owner for _, owner, _ in rows])
        ledgers = _ledgers_by_week(tick, session, [sub for sub, _, _ in rows])
        calendars = _calendars_of_closed(session, rows)
        for subscription, owner, closed in rows:
            batch = _Batch(removed, ledgers, calendars if closed else None)
            claim = _claim_one(tick, session, subscription, owner, batch)
            if claim is not None:
                claims.append(claim)
    return claims, len(rows)


@dataclass(frozen=True)
class _Batch(Generic[LedgerT]):
    """What the batch's look-ups found, for one row."""

    removed: set[tuple[str, str]]
    ledgers: dict[tuple[int, str], LedgerT]
    # The closed days of the batch's workspaces when this row's planned day is closed.
    closed: dict[WorkspaceKey, set[date]] | None


def _calendars_of_closed(
    session: Session, rows: list[tuple[SubscriptionT, OwnerT, bool]]
) -> dict[WorkspaceKey, set[date]]:
    """One query, only when some row's day is closed: where each of them goes instead."""
    shut = [(sub, owner) for sub, owner, closed in rows if closed and sub.slot_day is not None]
    if not shut:
        return {}
    first = min(sub.slot_day for sub, _ in shut if sub.slot_day is not None)
    return closed_from(session, {(owner.platform, owner.workspace) for _, owner in shut}, first)


def _uninstalled_workspaces(session: Session, owners: list[OwnerT]) -> set[tuple[str, str]]:
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
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscriptions: list[SubscriptionT],
) -> dict[tuple[int, str], LedgerT]:
    if not subscriptions:
        return {}
    model = tick.kind.ledger_model
    ids = [subscription.id for subscription in subscriptions]
    weeks = {
        week_key(sub.slot_at or sub.next_send_at or tick.now, sub.timezone) for sub in subscriptions
    }
    found = session.scalars(
        select(model).where(model.subscription_id.in_(ids), model.week.in_(weeks))
    )
    return {(ledger.subscription_id, ledger.week): ledger for ledger in found}


def _claim_one(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscription: SubscriptionT,
    owner: OwnerT,
    batch: _Batch[LedgerT],
) -> Claim | None:
    now, policy = tick.now, tick.policy
    slot = subscription.slot_at or subscription.next_send_at or now
    if (owner.platform, owner.workspace) in batch.removed:
        turn_off(subscription, WORKSPACE_UNINSTALLED, now)
        tick.note(subscription, owner, "skipped", None, slot, WORKSPACE_UNINSTALLED)
        return None
    if subscription.paused_until is not None and subscription.paused_until > slot:
        reschedule(session, subscription, slot)
        return None
    week = week_key(slot, subscription.timezone)
    ledger = batch.ledgers.get((subscription.id, week))
    if batch.closed is not None and (ledger is None or ledger.status == LedgerStatus.REMIND):
        _closed_day(tick, session, subscription, owner, ledger, batch.closed)
        return None
    if ledger is None:
        if now - slot > policy.grace:
            _record_missed(tick, session, subscription, owner, week, slot)
            return None
        heard = tick.kind.last_heard(owner)
        note_heard(subscription, heard)
        quiet_ran_out(subscription, slot)  # asked, and still no word after the wait
        pick = next_pick(subscription, tick.item_counts)
        ledger = tick.kind.new_ledger(session, subscription, owner, pick, slot, now)
        ledger.ask = should_ask(subscription, tick.kind.quiet, heard, slot)
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
        _record_interrupted(tick, session, subscription, owner, ledger)
        return None
    elif ledger.status == LedgerStatus.RETRY and now >= end_of_local_week(
        ledger.due_at, subscription.timezone
    ):
        finish(session, subscription, ledger, LedgerStatus.FAILED, "week_over", now)
        tick.note(subscription, owner, "failed", ledger, ledger.due_at, "week_over")
        return None
    elif ledger.status == LedgerStatus.REMIND and now - (ledger.remind_at or now) > policy.grace:
        # A reminder is about one day: found this late, it would only confuse.
        finish(session, subscription, ledger, LedgerStatus.SENT, "reminder_missed", now)
        return None
    else:  # a stale claim (never sent), a retry or a reminder: claim it (again)
        ledger.status = LedgerStatus.CLAIMED
        ledger.claimed_at = now
    subscription.next_send_at = now + policy.lease
    session.flush()
    return Claim(ledger.id, now)


def _closed_day(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscription: SubscriptionT,
    owner: Owner,
    ledger: LedgerT | None,
    calendars: dict[WorkspaceKey, set[date]],
) -> None:
    """The planned day is closed: the week's send goes on the next open school day at the
    same local time (once: it is that week's send); a reminder is simply called off."""
    slot = subscription.slot_at or tick.now
    if ledger is not None:  # a reminder: the week's message was delivered already
        finish(session, subscription, ledger, LedgerStatus.SENT, "reminder_closed_day", tick.now)
        tick.note(subscription, owner, "skipped", ledger, slot, "closed_day")
        return
    closed = calendars.get((owner.platform, owner.workspace), set())
    day = next_open_day(subscription.slot_day or slot.date(), closed)
    if day is None:  # closed for months on end: try again after that
        reschedule(session, subscription, slot + timedelta(days=1))
        return
    zone = zone_info(subscription.timezone)
    plan(subscription, local_to_utc(day, slot.astimezone(zone).time(), zone))
    tick.note(subscription, owner, "moved", None, slot, "closed_day")


def _record_missed(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscription: SubscriptionT,
    owner: Owner,
    week: str,
    slot: datetime,
) -> None:
    ledger = tick.kind.ledger_model()
    ledger.subscription_id = subscription.id
    ledger.week = week
    ledger.due_at = slot
    ledger.status = LedgerStatus.MISSED
    ledger.attempts = 0
    ledger.reason = "past_grace"
    ledger.claimed_at = tick.now
    ledger.finished_at = tick.now
    try:
        with session.begin_nested():
            session.add(ledger)
    except IntegrityError:
        return
    # The next slot still within the grace period may be sent; older ones are skipped.
    reschedule(session, subscription, max(slot, tick.now - tick.policy.grace))
    tick.note(subscription, owner, "missed", ledger, slot)


def _record_interrupted(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscription: SubscriptionT,
    owner: Owner,
    ledger: LedgerT,
) -> None:
    # It may have been delivered: count it as seen so the rotation never repeats it.
    if ledger.topic is not None:
        record_sent(subscription, Pick(ledger.topic, ledger.nudge_index or 0))
    finish(session, subscription, ledger, LedgerStatus.FAILED, "interrupted", tick.now)
    tick.note(subscription, owner, "interrupted", ledger, ledger.due_at, "interrupted")
