"""Pacing sends per workspace, shared by every clock through the database.

A platform allows a workspace so many sends a second and refuses the rest (Slack: 429 with
Retry-After). A tick sends a little under that (`TickPolicy.pace_share` of the allowance),
so refusals are rare and no send waits inside the tick for one.

The `send_pace` row of a workspace holds the moment its next send may start. After each
claimed batch, the tick reserves one moment per claim of that workspace with one UPDATE
(`next_at` = later of itself and now, plus one interval per claim) and each sender thread
waits for its claim's moment. Clocks sharing the database reserve from the same row, so
together they keep one pace; a clock counting for itself alone would not know the others.
A refusal moves the row on for everyone (`hold`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from sqlalchemy import Engine, case, update
from sqlalchemy.dialects import postgresql, sqlite

from bot.weekly.pace_models import SendPace
from scheduler.claim import Claim

Workspace = tuple[str, str]  # (platform, workspace)


class Pace:
    """Reserves send moments per workspace for the claims of one tick."""

    def __init__(
        self,
        engine: Engine,
        allowed_per_second: Mapping[str, float],
        share: float,
        wall: Callable[[], float] = time.time,
    ) -> None:
        # Seconds between two sends of one workspace, per paced platform.
        self.intervals = {
            platform: 1.0 / (rate * share) for platform, rate in allowed_per_second.items() if rate
        }
        self.engine = engine
        self.wall = wall

    def reserve(self, claims: Sequence[Claim]) -> list[Claim]:
        """The claims, each with the moment it may be sent (`not_before`): one statement per
        workspace in the batch, whatever the number of its claims."""
        groups: dict[Workspace, list[int]] = defaultdict(list)
        for index, claim in enumerate(claims):
            if claim.platform in self.intervals:
                groups[(claim.platform, claim.workspace)].append(index)
        if not groups:
            return list(claims)
        paced = list(claims)
        for (platform, workspace), indexes in groups.items():
            interval = self.intervals[platform]
            first = self._take(platform, workspace, interval * len(indexes))
            for step, index in enumerate(indexes):
                paced[index] = replace(claims[index], not_before=first + step * interval)
        return paced

    def hold(self, platform: str, workspace: str, seconds: float) -> None:
        """The platform refused a send: no new moment of this workspace sooner than `seconds`."""
        if platform not in self.intervals:
            return
        until = self.wall() + seconds
        with self.engine.begin() as connection:
            connection.execute(
                update(SendPace)
                .where(SendPace.platform == platform, SendPace.workspace == workspace)
                .values(next_at=case((SendPace.next_at > until, SendPace.next_at), else_=until))
            )

    def _take(self, platform: str, workspace: str, seconds: float) -> float:
        """Move the workspace's next moment on by `seconds`; the first reserved moment."""
        now = self.wall()
        later = case((SendPace.next_at > now, SendPace.next_at), else_=now)
        take = (
            update(SendPace)
            .where(SendPace.platform == platform, SendPace.workspace == workspace)
            .values(next_at=later + seconds)
            .returning(SendPace.next_at)
        )
        with self.engine.begin() as connection:
            after = connection.scalar(take)
            if after is None:  # the workspace's first send: its row, then the same UPDATE
                row = {"platform": platform, "workspace": workspace, "next_at": 0.0}
                dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
                connection.execute(dialect.insert(SendPace).values(row).on_conflict_do_nothing())
                after = connection.scalar(take)
        assert after is not None
        return float(after) - seconds
