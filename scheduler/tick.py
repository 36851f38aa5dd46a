"""One pass of the scheduler: claim what is due, send it, record what happened.

Exactly once a week per subscription:
1. Claim (`scheduler/claim.py`, one transaction per batch): due subscriptions are locked
   (on PostgreSQL `FOR UPDATE SKIP LOCKED`, so several clocks share the work), a ledger
   row keyed (subscription, local ISO week) is written `claimed`, the subscription leased.
2. Send (`scheduler/send.py`), in several sender threads (`scheduler/fanout.py`) while the
   next batch is claimed, each at the moment its workspace's pace gave it
   (`scheduler/pace.py`, shared by every clock through the database): `claimed` ->
   `sending` is committed before the platform is called, so only one clock ever calls it
   for that row.
3. Record (`scheduler/record.py`): `sent` (rotation moves on, next week scheduled),
   `retry` (transient: later the same week), or `failed` (permanent: the subscription is
   turned off with the reason).

After a crash: a row left `claimed` was never sent and is sent by a later tick; a row left
`sending` may or may not have reached the platform, so it is recorded as `failed`
(reason "interrupted") rather than risk a second copy.

The steps know no kind of subscription: a `Tick` is given one (`scheduler/kinds/`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Generic

from sqlalchemy import Connection

from bot.app import CoachApp
from bot.delivery import Sender
from bot.inbound import Platform
from scheduler.claim import Claim, claim_batch
from scheduler.context import TickContext, TickPolicy
from scheduler.fanout import Fanout
from scheduler.kind import Kind, LedgerT, OwnerT, SubscriptionT
from scheduler.kinds.nudges import NUDGES
from scheduler.kinds.team_prompts import TEAM_PROMPTS
from scheduler.pace import Pace
from scheduler.record import Answer, record_all
from scheduler.report import TickLine, TickReport
from scheduler.send import send

__all__ = ["Tick", "TickLine", "TickPolicy", "TickReport", "run_tick"]


class Tick(Generic[SubscriptionT, LedgerT, OwnerT]):
    """One pass of one kind at one moment; `run` loops claim-and-send batches until
    nothing is due."""

    def __init__(
        self,
        kind: Kind[SubscriptionT, LedgerT, OwnerT],
        core: CoachApp,
        senders: Mapping[Platform, Sender],
        now: datetime,
        policy: TickPolicy | None = None,
        stopping: threading.Event | None = None,
    ) -> None:
        self.senders = dict(senders)
        self.stopping = stopping or threading.Event()
        policy = policy or TickPolicy()
        self.pace = Pace(core.engine, policy.allowed_per_second, policy.pace_share)
        self.context = TickContext(
            core=core,
            kind=kind,
            now=now,
            policy=policy,
            report=TickReport(at=now),
            item_counts=kind.item_counts(core.library),
        )

    @property
    def report(self) -> TickReport:
        return self.context.report

    def run(self) -> TickReport:
        policy = self.context.policy
        fanout = Fanout(
            send=self.send,
            record=lambda answers, connection: record_all(self.context, answers, connection),
            connect=self.context.core.engine.connect,
            threads=policy.senders,
            room=2 * policy.batch_size,
            group=policy.record_together,
        )
        with self.batches() as next_batch, fanout:
            for _ in range(policy.max_batches):
                if self.stopping.is_set():  # the process is stopping: send what is claimed
                    break
                claims, found = next_batch()
                fanout.put(self.pace.reserve(claims))
                if found == 0:
                    break
        return self.report

    def claim_batch(self) -> tuple[list[Claim], int]:
        """Claim up to one batch of due subscriptions; returns the claims and rows looked at."""
        return claim_batch(self.context, self._platforms())

    @contextmanager
    def batches(self) -> Iterator[Callable[[], tuple[list[Claim], int]]]:
        """`claim_batch` over one connection kept for the whole tick: one checkout (and its
        liveness ping) instead of one per batch."""
        with self.context.core.engine.connect() as connection:
            yield lambda: claim_batch(self.context, self._platforms(), connection)

    def _platforms(self) -> list[str]:
        return [platform.value for platform in self.senders]

    def send(self, claim: Claim, connection: Connection | None = None) -> Answer | None:
        return send(self.context, self.senders, claim, self.pace, connection)


def run_tick(
    core: CoachApp,
    senders: Mapping[Platform, Sender],
    now: datetime,
    policy: TickPolicy | None = None,
    stopping: threading.Event | None = None,
) -> TickReport:
    """Send everything due at `now` through the given senders (one per platform): the
    educators' weekly nudges, then the channels' team prompts, in one report. Once
    `stopping` is set, nothing more is claimed; what was claimed is sent and recorded."""
    if now.tzinfo is None:
        raise ValueError("the tick needs an aware time")
    report = Tick(NUDGES, core, senders, now, policy, stopping).run()
    report.lines.extend(Tick(TEAM_PROMPTS, core, senders, now, policy, stopping).run().lines)
    return report
