"""bench clocks: one `coach clock` and then two on one PostgreSQL, side by side in one run.

The fake Slack (its own process) answers every call after 25 ms and sets no rate limit.
Each pair of runs sets the clocks' senders (COACH_CLOCK_SENDERS): at the default 8 a clock
on this 2-core machine is CPU-bound (about 7 ms of CPU a nudge, 160 sends a second of
network room); at 2 it is network-bound (two calls of 25 ms a nudge, at most 40 a second
a clock), which is what the issue's target is about: whether two clocks share the work
without getting in each other's way, not whether two cores are faster than one. The due
nudges are spread over 30 workspaces, so no workspace's pace (scheduler/pace.py, 57 a
second each) is what limits a clock. Each half gets a fresh
throwaway database with the same rows and a fresh fake Slack; throughput is posts a second
between the first and the last post the fake saw.
"""

from __future__ import annotations

import signal
import time
from typing import Any

from bench import procs
from bench.fanout import FanoutRun, fake_slack, ledger_counts, seeded_database, stats

NUDGES = 3_000
WORKSPACES = 30
LATENCY = 0.025  # seconds per Slack call
SENDERS = (2, 8)  # network-bound, then the default


def one_run(clocks: int, nudges: int, senders: int) -> dict[str, Any]:
    fake, fake_url = fake_slack(rate=0, latency=LATENCY)
    with (
        seeded_database(nudges, workspaces=WORKSPACES) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        run = FanoutRun(url, fake_url, nudges)
        started = [run.clock(COACH_CLOCK_SENDERS=str(senders)) for _ in range(clocks)]
        try:
            run.wait(started, nudges, limit=600, quiet=15)
            time.sleep(2)  # let the last sends be recorded
        finally:
            for clock in started:
                clock.send_signal(signal.SIGTERM)
            for clock in started:
                clock.wait(timeout=60)
        final = stats(fake_url)
        ledger = ledger_counts(url)
    elapsed = (final["last"] or 0) - (final["first"] or 0)
    rate = (final["posted"] - 1) / elapsed if elapsed > 0 else 0.0
    lost = nudges - final["channels"]
    print(
        f"| {senders} | {clocks} | {nudges:,} | {final['posted']:,} | {elapsed:.1f} | {rate:.1f}/s "
        f"| {final['duplicates']} | {lost} | {dict(ledger)} | {procs.machine()} |",
        flush=True,
    )
    return {"rate": rate, "duplicates": final["duplicates"], "lost": lost}


def main(nudges: int = NUDGES) -> None:
    print(f"## bench clocks ({procs.machine()})", flush=True)
    print(
        "| senders | clocks | nudges | posted | seconds | sustained | duplicates | lost "
        "| ledger | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    ratios = []
    for senders in SENDERS:
        one = one_run(1, nudges, senders)
        two = one_run(2, nudges, senders)
        ratio = two["rate"] / one["rate"] if one["rate"] else 0.0
        clean = one["duplicates"] == two["duplicates"] == 0 and one["lost"] == two["lost"] == 0
        ratios.append(
            f"  {senders} senders: two clocks / one clock {ratio:.2f}x "
            f"(>= 1.6x: {'met' if ratio >= 1.6 else 'MISSED'}); "
            f"0 duplicates and 0 lost in both: {clean}"
        )
    print("\n".join(ratios), flush=True)
    print(f"after: {procs.machine()}", flush=True)
