"""`coach clock` (the scheduler process) and `coach nudge tick [--at ISO-8601]` (one pass)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import FrameType
from typing import TextIO

from bot.app import CoachApp, build_app
from bot.delivery import Sender
from bot.engine import utc_now
from bot.inbound import Platform
from bot.settings import Settings
from scheduler.context import TickPolicy
from scheduler.maintenance import run_daily
from scheduler.report import TickReport
from scheduler.tick import run_tick

log = logging.getLogger("coach.clock")

DAILY_HOUR_UTC = 3  # quiet hours for every US zone


def parse_at(text: str) -> datetime:
    """An ISO-8601 instant; one without an offset is read as UTC."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# The adapters know the platforms; the composition root hands the clock their senders.
SendersFactory = Callable[[CoachApp], Mapping[Platform, Sender]]


def print_report(report: TickReport, out: TextIO) -> None:
    for line in report.lines:
        print(line.render(), file=out)
    print(report.summary(), file=out, flush=True)


def tick(
    args: argparse.Namespace,
    *,
    build_senders: SendersFactory,
    core: CoachApp | None = None,
    senders: Mapping[Platform, Sender] | None = None,
    out: TextIO | None = None,
) -> int:
    """One pass now, or as if now were `--at`. `core` and `senders` may be given in-process."""
    at_text: str | None = getattr(args, "at", None)
    try:
        now = parse_at(at_text) if at_text else utc_now()
    except ValueError:
        print(
            f"coach nudge tick: --at {at_text!r} is not an ISO-8601 time "
            "such as 2026-11-17T12:30:00Z",
            file=sys.stderr,
        )
        return 2
    owned = core is None
    app = core or build_app(Settings(), clock=lambda: now)
    try:
        report = run_tick(app, senders if senders is not None else build_senders(app), now)
        print_report(report, out or sys.stdout)
    finally:
        if owned:
            app.engine.dispose()
    return 0


def clock_policy(settings: Settings) -> TickPolicy:
    """The running clock's tick policy: the defaults, with the operator's number of senders."""
    return TickPolicy(senders=settings.coach_clock_senders)


def clock(args: argparse.Namespace, *, build_senders: SendersFactory) -> int:
    """The scheduler process: a tick each minute and the daily jobs, until SIGTERM or Ctrl-C."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    core = build_app(Settings())
    senders = build_senders(core)
    policy = clock_policy(core.settings)
    log.info("clock_started", extra={"platforms": ",".join(sorted(p.value for p in senders))})
    stopping = threading.Event()

    def tick_job() -> None:
        try:
            report = run_tick(core, senders, utc_now(), policy, stopping=stopping)
        except Exception as exc:  # the next minute tries again; the ledger keeps it exact
            log.error("tick_failed", extra={"error": type(exc).__name__})
            return
        counts = report.counts()
        if report.lines:
            log.info(
                "tick_done",
                extra={k: counts.get(k, 0) for k in ("sent", "retry", "failed", "missed")},
            )

    def daily_job() -> None:
        run_daily(core, utc_now())

    scheduler = BlockingScheduler(timezone=UTC)
    scheduler.add_job(
        tick_job,
        "interval",
        minutes=1,
        id="nudge_tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=30,
        next_run_time=datetime.now(UTC),
    )
    scheduler.add_job(
        daily_job,
        "cron",
        hour=DAILY_HOUR_UTC,
        minute=7,
        id="daily_maintenance",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )

    def stop(signum: int, frame: FrameType | None) -> None:
        log.info("clock_stopping", extra={"signal": signum})
        stopping.set()  # a tick in progress claims no more
        scheduler.shutdown(wait=True)  # and sends and records what it claimed first

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        scheduler.start()
    finally:
        # shutdown(wait=True) above has let a tick in progress finish and record its nudges.
        core.engine.dispose()
    log.info("clock_stopped")
    return 0
