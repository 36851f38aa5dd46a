"""Closing a week's ledger row, shared by the claim and the record steps."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.weekly.models import LedgerColumns, ScheduleColumns
from bot.weekly.subscriptions import reschedule


def finish(
    session: Session,
    subscription: ScheduleColumns,
    ledger: LedgerColumns,
    status: str,
    reason: str | None,
    now: datetime,
) -> None:
    """Close the week with `status` and schedule the subscription's next week."""
    ledger.status = status
    ledger.reason = reason
    ledger.finished_at = now
    session.flush()
    reschedule(session, subscription, ledger.due_at)
