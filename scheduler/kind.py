"""What differs between kinds of subscription, as one small strategy the tick is given.

The tick's steps (claim, send, record) work on any `Kind`: an educator's weekly nudge
(`scheduler/kinds/nudges.py`) or a channel's team prompt (`scheduler/kinds/team_prompts.py`).
A kind is generic over its subscription, ledger and owner types, so each one gets its own
rows back with their own columns and never needs to narrow them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from bot.app import CoachApp
from bot.delivery import Address
from bot.replies import Reply
from bot.weekly.backoff import QuietRule
from bot.weekly.models import LedgerColumns, ScheduleColumns
from bot.weekly.rotation import Offer, Pick
from content.loader import Library
from scheduler.due import Due, Owner

SubscriptionT = TypeVar("SubscriptionT", bound=ScheduleColumns)
LedgerT = TypeVar("LedgerT", bound=LedgerColumns)
OwnerT = TypeVar("OwnerT", bound=Owner)


class Kind(Protocol, Generic[SubscriptionT, LedgerT, OwnerT]):
    """One kind of weekly subscription: where its rows live and what its message is."""

    # How the tick's report lines name it ("nudge": `subscription=`, else `<name>_subscription=`).
    name: str
    log_prefix: str  # of the log event for each outcome, e.g. "nudge_" + "sent"
    ledger_model: type[LedgerT]
    # How long a silence lasts before the keep-going question; None: never asks.
    quiet: QuietRule | None

    def item_counts(self, library: Library) -> dict[str, int]:
        """How many items (nudges, prompts) each topic has."""
        ...

    def offer(self, library: Library, owner: OwnerT) -> Offer:
        """What the owner's rotation picks from, and in which order, from the row `due`
        already loaded (no query)."""
        ...

    def last_heard(self, owner: OwnerT) -> datetime | None:
        """When the owner last clicked or wrote, from the row `due` already loaded."""
        ...

    def due(
        self, session: Session, now: datetime, platforms: list[str], limit: int
    ) -> list[Due[SubscriptionT, LedgerT, OwnerT]]:
        """Due subscriptions with their owners, locked (skip locked) for this clock; the
        planned send's ledger row (outer join), the calendar (`closed_on_slot_day`), the
        workspace (`workspace_removed`) and the kind's extras come with them, answered by
        the same query."""
        ...

    def load(
        self, session: Session, ledger_id: int, *, lock: bool = False
    ) -> tuple[LedgerT, SubscriptionT, OwnerT]:
        """One ledger row with its subscription and owner (optionally locking the subscription)."""
        ...

    def load_many(
        self, session: Session, ledger_ids: list[int], *, lock: bool = False
    ) -> dict[int, tuple[LedgerT, SubscriptionT, OwnerT]]:
        """`load` for many rows in one query, by ledger id (locking in subscription order)."""
        ...

    def compose(
        self,
        core: CoachApp,
        session: Session,
        ledger: LedgerT,
        subscription: SubscriptionT,
        owner: OwnerT,
        pick: Pick,
    ) -> tuple[Address, list[Reply]]:
        """Where this week's message goes and what it says."""
        ...
