"""One row of a kind's due query, how it finds the planned send's ledger row, and whom a
subscription sends to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from sqlalchemy import ColumnElement, and_

from bot.weekly.models import LedgerColumns, ScheduleColumns


class Owner(Protocol):
    """Whom a subscription sends to: an educator, or (for team prompts) the channel itself."""

    @property
    def platform(self) -> str: ...

    @property
    def workspace(self) -> str: ...


SubscriptionV = TypeVar("SubscriptionV")
LedgerV = TypeVar("LedgerV")
OwnerV = TypeVar("OwnerV")


@dataclass(frozen=True)
class Due(Generic[SubscriptionV, LedgerV, OwnerV]):
    """One due subscription as the due query found it, with what the same query answered."""

    subscription: SubscriptionV
    owner: OwnerV
    # The ledger row written for the planned send (`due_at` = `slot_at`), if there is one
    # (a retry, a reminder, a lease): found by an outer join rather than a look-up.
    ledger: LedgerV | None
    closed: bool  # its planned day (`slot_day`) is closed on the owner's school calendar
    removed: bool  # the owner's workspace removed the app
    # The kind's own ledger columns for a new week (the nudge's check-in); the same keys for
    # every row of a kind, since a batch's new weeks are one INSERT.
    extras: dict[str, object]


def planned_week(
    ledger: type[LedgerColumns], subscription: type[ScheduleColumns]
) -> ColumnElement[bool]:
    """The due query's outer join to the ledger row of the planned send. A row of the same
    week with another `due_at` is not found this way; the claim's INSERT then meets it
    (ON CONFLICT) and looks it up (scheduler/claim.py)."""
    return and_(ledger.subscription_id == subscription.id, ledger.due_at == subscription.slot_at)
