"""bench fanout: 10,000 due nudges through the real `coach clock` to a rate-limited fake Slack.

The fake Slack (bench/fakes.py, its own process) allows RATE chat.postMessage per second
per workspace (a token bucket, burst = one second's worth) and answers 429 + Retry-After
beyond it. All 10,000 educators are in one workspace, so the workspace limit binds. The
clock's resident memory is sampled every second. Afterwards the ledger and the fake's
per-channel counts give duplicates and losses.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, text

from bench import procs, seed
from bench.bare import BOT_TOKEN

NUDGES = 10_000
RATE = 60.0  # allowed chat.postMessage per second in the workspace
TIME_LIMIT = 420.0


def stats(fake_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(fake_url + "stats", timeout=5) as response:
        result: dict[str, Any] = json.load(response)
    return result


def ledger_counts(url: str) -> Counter[str]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT status, count(*) FROM nudge_ledger GROUP BY status")
            ).all()
    finally:
        engine.dispose()
    return Counter({str(status): int(n) for status, n in rows})


@dataclass
class FanoutRun:
    url: str
    fake_url: str
    nudges: int
    rss: list[tuple[float, int, float]] = field(default_factory=list)  # (s, posted, MB)

    def clock(self, **settings: str) -> subprocess.Popen[bytes]:
        env = procs.base_env(
            DATABASE_URL=self.url,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_API_URL=self.fake_url + "api/",
            **settings,
        )
        return subprocess.Popen(
            [procs.COACH, "clock"],
            env=env,
            cwd=str(procs.ROOT),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def tick_at(self, at: datetime) -> str:
        env = procs.base_env(
            DATABASE_URL=self.url, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_API_URL=self.fake_url + "api/"
        )
        done = subprocess.run(
            [procs.COACH, "nudge", "tick", "--at", at.isoformat()],
            env=env,
            cwd=str(procs.ROOT),
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
        )
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr

    def wait(
        self,
        procs_: list[subprocess.Popen[bytes]],
        until_posted: int,
        limit: float = TIME_LIMIT,
        quiet: float = 8.0,
    ) -> dict[str, Any]:
        """Sample until `until_posted` reached, or no progress for `quiet` s after the first
        post, or the limit."""
        started = time.monotonic()
        last_posted, last_change = -1, started
        current = stats(self.fake_url)
        while time.monotonic() - started < limit:
            current = stats(self.fake_url)
            now = time.monotonic()
            alive = [p for p in procs_ if p.poll() is None]
            if alive:
                self.rss.append(
                    (now - started, current["posted"], max(procs.rss_mb(p.pid) for p in alive))
                )
            if current["posted"] != last_posted:
                last_posted, last_change = current["posted"], now
            # Quiet counts once posting began: a clock on a busy machine takes a while to start.
            stalled = current["posted"] > 0 and now - last_change > quiet
            if current["posted"] >= until_posted or stalled:
                break
            time.sleep(1.0)
        return current


def seeded_database(nudges: int, kind: str = "postgres", workspaces: int = 1) -> Any:
    """A context manager: a throwaway database with `nudges` due right now (and a URL),
    their educators spread evenly over `workspaces` workspaces."""
    from contextlib import contextmanager

    @contextmanager
    def context() -> Any:
        with procs.database(kind) as url:
            procs.migrate(url)
            engine = create_engine(url)
            due_at = datetime.now(UTC) - timedelta(minutes=1)
            size = -(-nudges // workspaces)
            for n, start in enumerate(range(1, nudges + 1, size)):
                stop = min(nudges + 1, start + size)
                seed.add_subscriptions(
                    engine, start, stop, due=stop, due_at=due_at, workspace=f"T{n + 1:04d}"
                )
            engine.dispose()
            yield url

    return context()


def fake_slack(rate: float, storm: float = 0.0, latency: float = 0.0) -> tuple[list[str], str]:
    port = procs.free_port()
    args = [procs.PYTHON, "-m", "bench.fakes", "slack", "--port", str(port), "--rate", str(rate)]
    args += ["--storm", str(storm), "--latency", str(latency)]
    return args, f"http://127.0.0.1:{port}/"


def report_rss(samples: list[tuple[float, int, float]], label: str) -> None:
    if not samples:
        return
    marks = [samples[0], *samples[len(samples) // 4 :: max(1, len(samples) // 4)], samples[-1]]
    trail = ", ".join(f"{t:.0f}s/{n} sent: {mb:.0f} MB" for t, n, mb in marks)
    peak = max(mb for _, _, mb in samples)
    print(f"  {label} RSS: {trail}; peak {peak:.0f} MB (< 250 MB: {peak < 250})", flush=True)


def main(nudges: int = NUDGES, rate: float = RATE) -> None:
    print(f"## bench fanout ({procs.machine()})", flush=True)
    fake, fake_url = fake_slack(rate)
    with (
        seeded_database(nudges) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        run = FanoutRun(url, fake_url, nudges)
        clock = run.clock()
        try:
            final = run.wait([clock], nudges)
            time.sleep(2)  # let the last sends be recorded
        finally:
            clock.send_signal(signal.SIGTERM)
            clock.wait(timeout=60)
        final = stats(fake_url)
        ledger = ledger_counts(url)
    elapsed = (final["last"] or 0) - (final["first"] or 0)
    achieved = (final["posted"] - 1) / elapsed if elapsed > 0 else 0.0
    lost = nudges - final["channels"]
    print(
        f"| {nudges:,} | {rate:.0f}/s | {final['posted']:,} | {elapsed:.1f} | {achieved:.1f}/s "
        f"| {achieved / rate:.0%} | {final['duplicates']} | {lost} | {final['refused']} "
        f"| {dict(ledger)} |",
        flush=True,
    )
    print(
        f"  targets: >= 90% of allowed rate: {'met' if achieved >= 0.9 * rate else 'MISSED'}; "
        f"duplicates 0: {final['duplicates'] == 0}; lost 0: {lost == 0}",
        flush=True,
    )
    report_rss(run.rss, "coach clock")
    print(f"after: {procs.machine()} (pid {os.getpid()})", flush=True)
