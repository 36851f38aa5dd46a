"""bench tick: time to find and claim 1,000 due nudges among 10k / 100k / 1M subscriptions.

Uses the scheduler's real claim (`Tick.claim_batch`, batches of 200 until nothing is due)
on a throwaway PostgreSQL database (and a SQLite file up to 100k). Sending is not part of
this figure (bench fanout measures it). Each size: median of 3 runs, the due rows reset
between runs.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from bench import procs, seed
from bot.app import build_app
from bot.delivery import Address, DeliveryOutcome, DeliveryResult
from bot.inbound import Platform
from bot.replies import Reply
from bot.settings import Settings
from scheduler.kinds.nudges import NUDGES
from scheduler.tick import Tick

DUE = 1000
SIZES = {"postgres": (10_000, 100_000, 1_000_000), "sqlite": (10_000, 100_000)}
RUNS = 3


class NoSend:
    platform = Platform.SLACK

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        return DeliveryResult(DeliveryOutcome.SENT)


def claim_all(url: str, now: datetime) -> tuple[float, int]:
    core = build_app(Settings(database_url=url), clock=lambda: now, migrate=False)
    try:
        tick = Tick(NUDGES, core, {Platform.SLACK: NoSend()}, now)
        started = time.perf_counter()
        claimed = 0
        for _ in range(100):
            claims, found = tick.claim_batch()
            claimed += len(claims)
            if found == 0:
                break
        return time.perf_counter() - started, claimed
    finally:
        core.engine.dispose()


def run(kind: str) -> dict[int, float]:
    now = datetime.now(UTC).replace(microsecond=0)
    due_at = now - timedelta(minutes=1)
    results: dict[int, float] = {}
    with procs.database(kind) as url:
        procs.migrate(url)
        core = build_app(Settings(database_url=url), migrate=False)
        have = 0
        for size in SIZES[kind]:
            started = time.perf_counter()
            seed.add_subscriptions(core.engine, have + 1, size + 1, due=DUE, due_at=due_at)
            have = size
            load_s = time.perf_counter() - started
            times = []
            for _ in range(RUNS):
                seed.reset_due(core.engine, DUE, due_at)
                seconds, claimed = claim_all(url, now)
                assert claimed == DUE, f"claimed {claimed} of {DUE}"
                times.append(seconds)
            results[size] = statistics.median(times)
            print(
                f"| {kind} | {size:,} | {DUE:,} | {results[size] * 1000:.0f} | "
                f"{min(times) * 1000:.0f}-{max(times) * 1000:.0f} | {load_s:.1f} |",
                flush=True,
            )
        core.engine.dispose()
    return results


def main() -> None:
    print(f"## bench tick ({procs.machine()})", flush=True)
    print("| database | subscriptions | due | find+claim ms (median of 3) | range ms | seed s |")
    print("|---|---|---|---|---|---|", flush=True)
    for kind in ("postgres", "sqlite"):
        results = run(kind)
        sizes = sorted(results)
        if 100_000 in results and 1_000_000 in results:
            growth = results[1_000_000] / results[100_000]
            print(
                f"  target {kind}: < 1 s at 1M: "
                f"{'met' if results[1_000_000] < 1 else 'MISSED'}; growth 100k->1M "
                f"{growth:.2f}x (< 2x: {'met' if growth < 2 else 'MISSED'})",
                flush=True,
            )
        elif len(sizes) > 1:
            growth = results[sizes[-1]] / results[sizes[0]]
            print(f"  {kind}: growth {sizes[0]:,}->{sizes[-1]:,} {growth:.2f}x", flush=True)
    print(f"after: {procs.machine()}", flush=True)
