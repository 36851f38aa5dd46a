"""bench tick: time to find and claim 1,000 due nudges among 10k / 100k / 1M subscriptions.

Uses the scheduler's real claim (`Tick.claim_batch`, batches of 200 until nothing is due)
on a throwaway PostgreSQL database (and a SQLite file up to 100k). Sending is not part of
this figure (bench fanout measures it). On PostgreSQL the hand-written SQL floor
(bench/claim_floor.py) claims the same rows in the same run, alternating with the
scheduler, and is printed beside it. Each size: median of 3 runs each, the due rows reset
between runs. The due educators have reflections, so the check-in look-up reads rows.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from bench import procs, seed
from bench.claim_floor import claim_floor
from bot.app import CoachApp, build_app
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


def claim_all(core: CoachApp, now: datetime) -> tuple[float, int]:
    """Claim everything due at `now` as `Tick.run` does, on a core whose engine has claimed
    before (a running clock's is: its statements are compiled once, in its first minute)."""
    tick = Tick(NUDGES, core, {Platform.SLACK: NoSend()}, now)
    started = time.perf_counter()
    claimed = 0
    with tick.batches() as next_batch:
        for _ in range(100):
            claims, found = next_batch()
            claimed += len(claims)
            if found == 0:
                break
    return time.perf_counter() - started, claimed


def _median_ms(times: list[float]) -> str:
    low, high = min(times) * 1000, max(times) * 1000
    return f"{statistics.median(times) * 1000:.0f} ({low:.0f}-{high:.0f})"


def run(kind: str) -> dict[int, float]:
    now = datetime.now(UTC).replace(microsecond=0)
    due_at = now - timedelta(minutes=1)
    results: dict[int, float] = {}
    with procs.database(kind) as url:
        procs.migrate(url)
        core = build_app(Settings(database_url=url), migrate=False)
        clock = build_app(Settings(database_url=url), clock=lambda: now, migrate=False)
        engine = core.engine
        have = 0
        for size in SIZES[kind]:
            started = time.perf_counter()
            seed.add_subscriptions(engine, have + 1, size + 1, due=DUE, due_at=due_at)
            if have == 0:  # the due educators exist now
                seed.add_reflections(engine, DUE, due_at)
            have = size
            load_s = time.perf_counter() - started
            times: list[float] = []
            floors: list[float] = []
            if size == SIZES[kind][0]:  # warm both up once, as a running clock is
                seed.reset_due(engine, DUE, due_at)
                claim_all(clock, now)
                if kind == "postgres":
                    seed.reset_due(engine, DUE, due_at)
                    claim_floor(engine, now)
            for _ in range(RUNS):
                seed.reset_due(engine, DUE, due_at)
                seconds, claimed = claim_all(clock, now)
                assert claimed == DUE, f"claimed {claimed} of {DUE}"
                times.append(seconds)
                if kind == "postgres":
                    seed.reset_due(engine, DUE, due_at)
                    seconds, claimed = claim_floor(engine, now)
                    assert claimed == DUE, f"floor claimed {claimed} of {DUE}"
                    floors.append(seconds)
            results[size] = statistics.median(times)
            floor = _median_ms(floors) if floors else "-"
            ratio = f"{results[size] / statistics.median(floors):.1f}x" if floors else "-"
            print(
                f"| {kind} | {size:,} | {DUE:,} | {_median_ms(times)} | {floor} | {ratio} | "
                f"{load_s:.1f} |",
                flush=True,
            )
        clock.engine.dispose()
        core.engine.dispose()
    return results


def main() -> None:
    print(f"## bench tick ({procs.machine()})", flush=True)
    print(
        "| database | subscriptions | due | scheduler's claim ms, median (range) of 3 "
        "| hand-written SQL floor ms | claim / floor | seed s |"
    )
    print("|---|---|---|---|---|---|---|", flush=True)
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
