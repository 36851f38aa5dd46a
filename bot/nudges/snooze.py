"""The nudge's snooze buttons: "Remind me tomorrow" (once, the next day at the same local
time) and the way "Not this week" calls off a reminder still to come.

A reminder re-uses the week's ledger row (status `remind`, `remind_at`): the subscription's
`slot_at` points back at that week so the clock finds the row, and its `next_send_at` is the
reminder's time. Nothing here runs in the tick: the clock just finds the row due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy.orm import Session

from bot.nudges.settings import subscription_zone
from bot.weekly.models import LedgerStatus, NudgeLedger, Subscription
from bot.weekly.schedule import local_to_utc
from bot.weekly.subscriptions import reschedule


@dataclass(frozen=True)
class Snooze:
    outcome: Literal["set", "once", "too_late", "off"]
    at: datetime | None = None  # when the reminder comes (for "set")


def remind_tomorrow(
    session: Session, ledger: NudgeLedger, subscription: Subscription, now: datetime
) -> Snooze:
    if not subscription.enabled:
        return Snooze("off")
    if ledger.remind_at is not None or ledger.status != LedgerStatus.SENT:
        return Snooze("once")
    zone = subscription_zone(subscription)
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    at = local_to_utc(tomorrow, ledger.due_at.astimezone(zone).time(), zone)
    upcoming = subscription.next_send_at
    if upcoming is not None and at >= upcoming:
        return Snooze("too_late")
    ledger.status = LedgerStatus.REMIND
    ledger.remind_at = at
    subscription.slot_at = ledger.due_at
    subscription.slot_day = tomorrow  # a closed day calls the reminder off (scheduler/claim.py)
    subscription.next_send_at = at
    subscription.updated_at = now
    return Snooze("set", at)


def call_off_reminder(
    session: Session, ledger: NudgeLedger, subscription: Subscription, now: datetime
) -> None:
    """ "Not this week" after "Remind me tomorrow": the week is sent, and that is enough."""
    if ledger.status != LedgerStatus.REMIND:
        return
    ledger.status = LedgerStatus.SENT
    ledger.reason = "reminder_called_off"
    ledger.finished_at = now
    session.flush()
    reschedule(session, subscription, ledger.due_at)
