"""Writing a batch's new weeks, and closing a week's ledger row (the claim and record steps)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Table
from sqlalchemy.orm import Session

from bot.storage.sets import insert_skipping_conflicts
from bot.weekly.models import LedgerColumns, LedgerStatus, ScheduleColumns
from bot.weekly.schedule import week_key
from bot.weekly.subscriptions import handled_weeks, reschedule


def finish(
    session: Session,
    subscription: ScheduleColumns,
    ledger: LedgerColumns,
    status: str,
    reason: str | None,
    now: datetime,
) -> None:
    """Close the week with `status` and schedule the subscription's next week.

    A week whose reminder was asked for had its message delivered already: whatever becomes
    of the reminder, the week stays sent (the reason says what happened to the reminder)."""
    close_week(ledger, status, reason, now)
    session.flush()
    reschedule(session, subscription, ledger.due_at)


def close_week(ledger: LedgerColumns, status: str, reason: str | None, now: datetime) -> None:
    """`finish` without scheduling the next week (`finish_all` does that for a group)."""
    if ledger.remind_at is not None and status != LedgerStatus.SENT:
        status, reason = LedgerStatus.SENT, f"reminder_{reason or status}"[:64]
    ledger.status = status
    ledger.reason = reason
    ledger.finished_at = now


def finish_all(
    session: Session,
    model: type[LedgerColumns],
    closed: Sequence[tuple[ScheduleColumns, LedgerColumns]],
) -> None:
    """Schedule the next week of each closed week's subscription (`close_week`): one flush
    and one look-up of the weeks already handled for the whole group, not one of each per row."""
    if not closed:
        return
    session.flush()
    since = min(week_key(ledger.due_at, sub.timezone) for sub, ledger in closed)
    handled = handled_weeks(session, model, [sub.id for sub, _ in closed], since)
    for subscription, ledger in closed:
        reschedule(session, subscription, ledger.due_at, handled.get(subscription.id, set()))


def insert_new_weeks(
    session: Session, model: type[LedgerColumns], rows: Sequence[dict[str, object]]
) -> dict[int, int]:
    """Write the batch's new weeks in one statement; returns subscription id -> ledger id for
    the rows written. A (subscription, week) already there (another clock's, a moment ago)
    is left alone and not returned: `ON CONFLICT DO NOTHING` instead of a savepoint per row."""
    if not rows:
        return {}
    table: Table = model.__table__  # type: ignore[attr-defined]
    written = insert_skipping_conflicts(
        session, table, rows, ["subscription_id", "week"], ("subscription_id", "id")
    )
    return {subscription_id: ledger_id for subscription_id, ledger_id in written}
