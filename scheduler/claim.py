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
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.lifecycle import WORKSPACE_UNINSTALLED
from bot.storage.models import Workspace
from bot.weekly.backoff import note_heard, quiet_ran_out, should_ask
from bot.weekly.models import LedgerStatus
from bot.weekly.rotation import Pick, next_pick, record_sent
from bot.weekly.schedule import end_of_local_week, week_key
from bot.weekly.subscriptions import reschedule, turn_off
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
        # Two look-ups for the whole batch instead of two round trips per row.
        removed = _uninstalled_workspaces(session, [owner for _, owner in rows])
        ledgers = _ledgers_by_week(tick, session, [sub for sub, _ in rows])
        for subscription, owner in rows:
            claim = _claim_one(tick, session, subscription, owner, removed, ledgers)
            if claim is not None:
                claims.append(claim)
    return claims, len(rows)


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
    removed: set[tuple[str, str]],
    ledgers: dict[tuple[int, str], LedgerT],
) -> Claim | None:
    now, policy = tick.now, tick.policy
    slot = subscription.slot_at or subscription.next_send_at or now
    if (owner.platform, owner.workspace) in removed:
        turn_off(subscription, WORKSPACE_UNINSTALLED, now)
        tick.note(subscription, owner, "skipped", None, slot, WORKSPACE_UNINSTALLED)
        return None
    if subscription.paused_until is not None and subscription.paused_until > slot:
        reschedule(session, subscription, slot)
        return None
    week = week_key(slot, subscription.timezone)
    ledger = ledgers.get((subscription.id, week))
    if ledger is None:
        if now - slot > policy.grace:
            _record_missed(tick, session, subscription, owner, week, slot)
            return None
        note_heard(subscription, tick.kind.last_heard(owner))
        quiet_ran_out(subscription, slot)  # asked, and still no word after the wait
        pick = next_pick(subscription, tick.item_counts)
        ledger = tick.kind.new_ledger(session, subscription, owner, pick, slot, now)
        ledger.ask = should_ask(subscription, tick.kind.quiet_limit)
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
