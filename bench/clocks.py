"""bench clocks: one `coach clock` and then two on one PostgreSQL, side by side in one run.

Sends are network-bound: the fake Slack (its own process) answers every call after 25 ms
and sets no rate limit. The due nudges are spread over 30 workspaces, so no workspace's
pace (scheduler/pace.py, 57 a second each) is what limits a clock. Each half gets a fresh
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


def one_run(clocks: int, nudges: int) -> dict[str, Any]:
    fake, fake_url = fake_slack(rate=0, latency=LATENCY)
    with (
        seeded_database(nudges, workspaces=WORKSPACES) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        run = FanoutRun(url, fake_url, nudges)
        started = [run.clock() for _ in range(clocks)]
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
        f"| {clocks} | {nudges:,} | {final['posted']:,} | {elapsed:.1f} | {rate:.1f}/s "
        f"| {final['duplicates']} | {lost} | {dict(ledger)} | {procs.machine()} |",
        flush=True,
    )
    return {"rate": rate, "duplicates": final["duplicates"], "lost": lost}


def main(nudges: int = NUDGES) -> None:
    print(f"## bench clocks ({procs.machine()})", flush=True)
    print("| clocks | nudges | posted | seconds | sustained | duplicates | lost | ledger | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    one = one_run(1, nudges)
    two = one_run(2, nudges)
    ratio = two["rate"] / one["rate"] if one["rate"] else 0.0
    clean = one["duplicates"] == two["duplicates"] == 0 and one["lost"] == two["lost"] == 0
    print(
        f"  two clocks / one clock: {ratio:.2f}x (>= 1.6x: {'met' if ratio >= 1.6 else 'MISSED'});"
        f" 0 duplicates and 0 lost in both: {clean}",
        flush=True,
    )
    print(f"after: {procs.machine()}", flush=True)
