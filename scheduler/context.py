"""What one tick of one kind works with: the moment, the policy, the kind and its report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Generic

from bot.app import CoachApp
from bot.weekly.models import LedgerColumns, ScheduleColumns
from scheduler.due import Owner
from scheduler.kind import Kind, LedgerT, OwnerT, SubscriptionT
from scheduler.report import TickReport, tick_line


@dataclass(frozen=True)
class TickPolicy:
    grace: timedelta = timedelta(hours=12)  # later than this after the slot: missed
    lease: timedelta = timedelta(minutes=15)  # how long a claim keeps other clocks away
    batch_size: int = 200
    retry_first: timedelta = timedelta(minutes=10)
    retry_longest: timedelta = timedelta(hours=6)
    max_attempts: int = 8
    max_batches: int = 1000  # a safety stop; a tick normally ends when nothing is due
    # Sender threads per tick: a send mostly waits on the network, so several overlap.
    senders: int = 8
    # What each platform allows per workspace, in sends a second (scheduler/pace.py). Slack
    # publishes about 1 a second per channel "plus a workspace-wide limit" without its
    # number (the fake Slack of `bench fanout` allows 60); Teams about 30 a second per
    # tenant. A platform not named here is not paced (the terminal).
    allowed_per_second: Mapping[str, float] = field(
        default_factory=lambda: {"slack": 60.0, "teams": 30.0}
    )
    pace_share: float = 0.95  # of the allowance: a little under it, so refusals stay rare
    record_together: int = 50  # answers recorded in one transaction, at most


@dataclass
class TickContext(Generic[SubscriptionT, LedgerT, OwnerT]):
    core: CoachApp
    kind: Kind[SubscriptionT, LedgerT, OwnerT]
    now: datetime
    policy: TickPolicy
    report: TickReport
    item_counts: dict[str, int]  # per topic, for the rotation

    def note(
        self,
        subscription: ScheduleColumns,
        owner: Owner,
        outcome: str,
        ledger: LedgerColumns | None,
        slot: datetime,
        reason: str = "",
    ) -> None:
        """Add a line for one subscription handled to this tick's report."""
        self.report.lines.append(
            tick_line(self.kind.name, subscription, owner, outcome, ledger, slot, reason)
        )
