"""Step 1 of a tick: claim a batch of due subscriptions, in one transaction.

Due subscriptions are read in the order of the (next_send_at, id) index with a LIMIT (on
PostgreSQL `FOR UPDATE SKIP LOCKED`, so several clocks share the work); a ledger row keyed
(subscription, local ISO week) is written with status `claimed`, and the subscription is
leased (its next look moved a few minutes on). Rows that need no send this week (paused,
workspace removed, missed, already final, another clock's, interrupted, a week given up)
are settled here instead.

A batch costs the same few statements however many rows it holds: the due query brings
each row's planned-send ledger row, school-calendar and workspace answers and check-in with
it; each row is decided in Python; the batch's new weeks are one
`INSERT ... ON CONFLICT DO NOTHING RETURNING` (a week already written, found only now, is
settled from the row that is there) and its leases one UPDATE.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Generic

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from bot.calendar.store import WorkspaceKey, closed_from, next_open_day
from bot.lifecycle import WORKSPACE_UNINSTALLED
from bot.storage.sets import id_in
from bot.weekly.backoff import note_heard, quiet_ran_out, should_ask
from bot.weekly.models import LedgerStatus
from bot.weekly.rotation import Pick, next_pick, record_sent
from bot.weekly.schedule import end_of_local_week, local_to_utc, week_key, zone_info
from bot.weekly.subscriptions import paused_at, plan, reschedule, turn_off
from scheduler.context import TickContext
from scheduler.due import Due, Owner
from scheduler.kind import LedgerT, OwnerT, SubscriptionT
from scheduler.ledger import finish, insert_new_weeks


@dataclass(frozen=True)
class Claim:
    ledger_id: int
    claimed_at: datetime
    # Whose workspace it goes to (the pace is per workspace), and the moment the pace gave
    # it (seconds since the epoch; 0: at once). Both set after the claim (`to`, pace.py).
    platform: str = ""
    workspace: str = ""
    not_before: float = 0.0

    def to(self, owner: Owner) -> Claim:
        return replace(self, platform=owner.platform, workspace=owner.workspace)


@dataclass(frozen=True)
class _NewWeek(Generic[SubscriptionT, OwnerT]):
    """A week to write: the row's columns common to every kind, for the batch's one INSERT."""

    subscription: SubscriptionT
    owner: OwnerT
    values: dict[str, object]


def claim_batch(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    platforms: list[str],
    connection: Connection | None = None,
) -> tuple[list[Claim], int]:
    """Claim up to one batch of due subscriptions, in one transaction (on `connection`
    when a tick keeps one for its batches); returns the claims and rows looked at."""
    claims: list[Claim] = []
    leased: list[SubscriptionT] = []
    sessions = tick.core.sessions
    with sessions(bind=connection) if connection else sessions() as session, session.begin():
        rows = tick.kind.due(session, tick.now, platforms, tick.policy.batch_size)
        # The planned sends' ledger rows came with the due query; one look-up for the
        # batch's closed days, only when some row's day is closed.
        ledgers = {
            (row.subscription.id, row.ledger.week): row.ledger
            for row in rows
            if row.ledger is not None
        }
        calendars = _calendars_of_closed(session, rows)
        new_weeks: list[_NewWeek[SubscriptionT, OwnerT]] = []
        for row in rows:
            batch = _Batch(row.removed, ledgers, calendars if row.closed else None, row.extras)
            claim = _claim_one(tick, session, row.subscription, row.owner, batch)
            if isinstance(claim, _NewWeek):
                new_weeks.append(claim)
            elif claim is not None:
                claims.append(claim.to(row.owner))
                leased.append(row.subscription)
        written = _write_new_weeks(tick, session, new_weeks)
        for week in new_weeks:
            if week.subscription.id in written:
                claims.append(Claim(written[week.subscription.id], tick.now).to(week.owner))
                leased.append(week.subscription)
        conflicts = [week for week in new_weeks if week.subscription.id not in written]
        for subscription, claim in _already_there(tick, session, conflicts):
            claims.append(claim)
            leased.append(subscription)
        _lease(tick, session, leased)
    return claims, len(rows)


def _write_new_weeks(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    new_weeks: list[_NewWeek[SubscriptionT, OwnerT]],
) -> dict[int, int]:
    """One INSERT for the batch's new weeks: subscription id -> ledger id of those written."""
    if not new_weeks:
        return {}
    return insert_new_weeks(session, tick.kind.ledger_model, [week.values for week in new_weeks])


def _already_there(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    weeks: list[_NewWeek[SubscriptionT, OwnerT]],
) -> list[tuple[SubscriptionT, Claim]]:
    """Weeks the INSERT found already written (the same week planned at another time, or
    another clock a moment ago): settled from the row that is there, as any found row is."""
    if not weeks:
        return []
    ledgers = _ledgers_by_week(tick, session, [week.subscription for week in weeks])
    claims: list[tuple[SubscriptionT, Claim]] = []
    for week in weeks:
        batch = _Batch(False, ledgers, None, {})
        claim = _claim_one(tick, session, week.subscription, week.owner, batch)
        if isinstance(claim, Claim):  # that week's row, to send (again)
            claims.append((week.subscription, claim.to(week.owner)))
    return claims


def _lease(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscriptions: list[SubscriptionT],
) -> None:
    """One UPDATE for the batch's leases: no clock looks at these rows until it runs out.
    The loaded rows are told the same, so the session's flush does not write it again."""
    if not subscriptions:
        return
    model = type(subscriptions[0])
    until = tick.now + tick.policy.lease
    session.execute(
        update(model)
        .where(id_in(session, model.id, [subscription.id for subscription in subscriptions]))
        .values(next_send_at=until)
        .execution_options(synchronize_session=False)
    )
    for subscription in subscriptions:
        set_committed_value(subscription, "next_send_at", until)


@dataclass(frozen=True)
class _Batch(Generic[LedgerT]):
    """What the due query and the batch's look-ups found, for one row."""

    removed: bool  # the owner's workspace removed the app
    ledgers: dict[tuple[int, str], LedgerT]
    # The closed days of the batch's workspaces when this row's planned day is closed.
    closed: dict[WorkspaceKey, set[date]] | None
    extras: dict[str, object]  # the kind's own columns for a new week


def _calendars_of_closed(
    session: Session, rows: list[Due[SubscriptionT, LedgerT, OwnerT]]
) -> dict[WorkspaceKey, set[date]]:
    """One query, only when some row's day is closed: where each of them goes instead."""
    shut = [(r.subscription, r.owner) for r in rows if r.closed and r.subscription.slot_day]
    if not shut:
        return {}
    first = min(sub.slot_day for sub, _ in shut if sub.slot_day is not None)
    return closed_from(session, {(owner.platform, owner.workspace) for _, owner in shut}, first)


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
        select(model).where(id_in(session, model.subscription_id, ids), model.week.in_(weeks))
    )
    return {(ledger.subscription_id, ledger.week): ledger for ledger in found}


def _claim_one(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    session: Session,
    subscription: SubscriptionT,
    owner: OwnerT,
    batch: _Batch[LedgerT],
) -> Claim | _NewWeek[SubscriptionT, OwnerT] | None:
    """Settle one due row, or say what to claim: an existing row (a `Claim`) or a new week."""
    now, policy = tick.now, tick.policy
    slot = subscription.slot_at or subscription.next_send_at or now
    if batch.removed:
        turn_off(subscription, WORKSPACE_UNINSTALLED, now)
        tick.note(subscription, owner, "skipped", None, slot, WORKSPACE_UNINSTALLED)
        return None
    if paused_at(subscription, slot):
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
        pick = next_pick(subscription, tick.kind.offer(tick.core.library, owner))
        return _NewWeek(
            subscription,
            owner,
            {
                "subscription_id": subscription.id,
                "week": week,
                "due_at": slot,
                "status": LedgerStatus.CLAIMED,
                "attempts": 0,
                "topic": pick.topic,
                "nudge_index": pick.nudge_index,
                "claimed_at": now,
                "ask": should_ask(subscription, tick.kind.quiet, heard, slot),
                **batch.extras,
            },
        )
    if ledger.status in LedgerStatus.FINAL:
        reschedule(session, subscription, max(slot, ledger.due_at))
        return None
    if ledger.status in (LedgerStatus.CLAIMED, LedgerStatus.SENDING) and (
        now - ledger.claimed_at < policy.lease
    ):
        subscription.next_send_at = ledger.claimed_at + policy.lease  # another clock's
        return None
    if ledger.status == LedgerStatus.SENDING:
        _record_interrupted(tick, session, subscription, owner, ledger)
        return None
    if ledger.status == LedgerStatus.RETRY and now >= end_of_local_week(
        ledger.due_at, subscription.timezone
    ):
        finish(session, subscription, ledger, LedgerStatus.FAILED, "week_over", now)
        tick.note(subscription, owner, "failed", ledger, ledger.due_at, "week_over")
        return None
    if ledger.status == LedgerStatus.REMIND and now - (ledger.remind_at or now) > policy.grace:
        # A reminder is about one day: found this late, it would only confuse.
        finish(session, subscription, ledger, LedgerStatus.SENT, "reminder_missed", now)
        return None
    # A stale claim (never sent), a retry or a reminder: claim it (again).
    ledger.status = LedgerStatus.CLAIMED
    ledger.claimed_at = now
    return Claim(ledger.id, now)  # leased with the batch


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
