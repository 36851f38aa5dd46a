"""What a tick tells its caller: one line per subscription handled, and a summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from bot.weekly.models import LedgerColumns, ScheduleColumns
from bot.weekly.schedule import week_key, zone_info
from scheduler.due import Owner


@dataclass(frozen=True)
class TickLine:
    """One nudge handled by this tick. Ids, topics and times only: never message text."""

    subscription_id: int
    platform: str
    outcome: str  # sent, retry, failed, missed, skipped, interrupted
    week: str
    local_slot: str
    topic: str | None = None
    nudge_index: int | None = None
    reason: str = ""
    kind: str = "nudge"  # or "channel": a team prompt

    def render(self) -> str:
        topic = f" {self.topic}#{self.nudge_index}" if self.topic is not None else ""
        reason = f" reason={self.reason}" if self.reason else ""
        label = "subscription" if self.kind == "nudge" else f"{self.kind}_subscription"
        return (
            f"{self.outcome:<11} {label}={self.subscription_id} platform={self.platform} "
            f"week={self.week} local={self.local_slot}{topic}{reason}"
        )


@dataclass
class TickReport:
    at: datetime
    lines: list[TickLine] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(line.outcome for line in self.lines)

    def summary(self) -> str:
        counts = self.counts()
        parts = ", ".join(
            f"{counts.get(name, 0)} {name}"
            for name in ("sent", "retry", "failed", "missed", "skipped", "interrupted")
        )
        return f"tick at {self.at.isoformat()}: {len(self.lines)} handled ({parts})"


def tick_line(
    kind: str,
    subscription: ScheduleColumns,
    owner: Owner,
    outcome: str,
    ledger: LedgerColumns | None,
    slot: datetime,
    reason: str = "",
) -> TickLine:
    return TickLine(
        kind=kind,
        subscription_id=subscription.id,
        platform=owner.platform,
        outcome=outcome,
        week=ledger.week if ledger else week_key(slot, subscription.timezone),
        local_slot=_local_slot(slot, subscription.timezone),
        topic=ledger.topic if ledger else None,
        nudge_index=ledger.nudge_index if ledger else None,
        reason=reason,
    )


def _local_slot(slot: datetime, zone: str) -> str:
    try:
        local = slot.astimezone(zone_info(zone))
    except ValueError:
        return slot.isoformat()
    return f"{local:%a %Y-%m-%d %H:%M} {zone}"
