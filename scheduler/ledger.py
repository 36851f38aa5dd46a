"""Closing a week's ledger row, shared by the claim and the record steps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.weekly.models import LedgerColumns, LedgerStatus, ScheduleColumns
from bot.weekly.subscriptions import reschedule


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
    if ledger.remind_at is not None and status != LedgerStatus.SENT:
        status, reason = LedgerStatus.SENT, f"reminder_{reason or status}"[:64]
    ledger.status = status
    ledger.reason = reason
    ledger.finished_at = now
    session.flush()
    reschedule(session, subscription, ledger.due_at)
