"""bench clock-cpu: the clock's CPU per nudge, in process, and where it goes.

One tick (`run_tick`, the clock's own code: claim, 8 sender threads, recorders) of 1,000
due nudges on a throwaway PostgreSQL, through the real Slack sender to the fake Slack (its
own process, so its CPU is not counted; no rate limit and no pace, so nothing waits but
the CPU). The figure is this process's CPU time (every thread) over the nudges sent.
After warm-up ticks (a running clock has compiled its statements in its first minute),
`RUNS` measured ticks of each kind, the due rows reset between ticks: "first" with new
senders (a clock that has not sent to these educators before), "later" with senders that
have (a week on); then one "first" tick under cProfile, one
profiler per thread, merged, for the top costs (cProfile slows everything, so its own
total is not the figure).

    python -m bench clock-cpu [--profile N]   # N: rows of the profile to print (default 25)
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

from adapters.senders import build_senders
from bench import procs
from bench.bare import BOT_TOKEN
from bench.fanout import fake_slack, seeded_database, stats
from bot.app import build_app
from bot.settings import Settings
from scheduler.tick import TickPolicy, run_tick

NUDGES = 1_000
RUNS = 3
UNPACED = TickPolicy(allowed_per_second={})
FIRST = "first"  # a clock that has not sent to these educators before
LATER = "later"  # the same clock a week on (Slack: their DM channels known)
PROFILE_FILE = "/tmp/bench-clock-cpu.prof"


def reset(engine: Engine, due_at: datetime) -> None:
    """Every subscription due again, as on the first week: no ledger, no send counted."""
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM nudge_ledger"))
        connection.execute(
            text(
                "UPDATE subscriptions SET next_send_at = :at, slot_at = :at, unanswered = 0,"
                " asked_at = NULL, paused_until = NULL, last_sent_at = NULL"
            ),
            {"at": due_at},
        )


def one_tick(run: Callable[[], Any]) -> tuple[float, float, int]:
    """(CPU s of this process, wall s, nudges sent) for one tick."""
    cpu, wall = time.process_time(), time.perf_counter()
    report = run()
    sent = report.counts().get("sent", 0)
    return time.process_time() - cpu, time.perf_counter() - wall, sent


def profiled(run: Callable[[], Any]) -> pstats.Stats:
    """One tick with a profiler in every thread it starts (and this one), merged."""
    profiles: list[cProfile.Profile] = []
    original = threading.Thread.run

    def run_profiled(thread: threading.Thread) -> None:
        profile = cProfile.Profile(time.thread_time)  # CPU, not waits
        profiles.append(profile)
        profile.runcall(original, thread)

    threading.Thread.run = run_profiled  # type: ignore[method-assign,assignment]
    main = cProfile.Profile(time.thread_time)
    try:
        main.runcall(run)
    finally:
        threading.Thread.run = original  # type: ignore[method-assign]
    merged = pstats.Stats(main)
    for profile in profiles:
        merged.add(profile)
    return merged


def main(rows: int = 25, runs: int = RUNS) -> None:
    print(f"## bench clock-cpu ({procs.machine()})", flush=True)
    fake, fake_url = fake_slack(rate=0)
    with (
        seeded_database(NUDGES) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        settings = Settings(
            database_url=url, slack_bot_token=BOT_TOKEN, slack_api_url=fake_url + "api/"
        )
        now = datetime.now(UTC)
        core = build_app(settings, clock=lambda: now, migrate=False)
        due_at = now - timedelta(minutes=1)

        def tick(senders: Any) -> Callable[[], Any]:
            return lambda: run_tick(core, senders, now, UNPACED)

        one_tick(tick(build_senders(core)))  # warm-up
        later = build_senders(core)
        reset(core.engine, due_at)
        one_tick(tick(later))  # these senders have met every educator once
        figures: dict[str, list[tuple[float, float, int]]] = {FIRST: [], LATER: []}
        for _ in range(runs):
            first = build_senders(core)  # a new clock: no DM channel known yet
            reset(core.engine, due_at)
            figures[FIRST].append(one_tick(tick(first)))
            reset(core.engine, due_at)
            figures[LATER].append(one_tick(tick(later)))
        reset(core.engine, due_at)
        profile = profiled(tick(build_senders(core)))
        posted = stats(fake_url)["posted"]
        core.engine.dispose()
    print("| week | tick | nudges sent | clock CPU ms | CPU ms per nudge | wall s |")
    print("|---|---|---|---|---|---|")
    for week, runs_ in figures.items():
        for n, (cpu, wall, sent) in enumerate(runs_, 1):
            per = cpu * 1000 / max(1, sent)
            print(f"| {week} | {n} | {sent} | {cpu * 1000:.0f} | {per:.2f} | {wall:.2f} |")
        median = statistics.median(cpu * 1000 / max(1, sent) for cpu, _, sent in runs_)
        print(f"  {week}: median CPU per nudge {median:.2f} ms", flush=True)
    print(f"  posted to the fake in all: {posted}")
    profile.dump_stats(PROFILE_FILE)
    print(f"  profile of one tick (cProfile, every thread): {PROFILE_FILE}; by own time:")
    profile.sort_stats("tottime").print_stats(rows)
    print(f"after: {procs.machine()}", flush=True)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
