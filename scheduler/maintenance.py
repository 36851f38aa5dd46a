"""Daily jobs the clock runs once a day (UTC), after the nudges.

Each job is `(core, now) -> None` and runs in its own try, so one failing job never stops
the others or the nudges. Retention deletion (issue 7) adds itself to DAILY_JOBS here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.app import CoachApp
from bot.privacy.retention import daily_job as privacy_daily_job
from bot.storage.pruning import prune_seen_deliveries

log = logging.getLogger("coach.maintenance")

DailyJob = Callable[[CoachApp, datetime], None]


# Add daily jobs here, e.g. ("retention", delete_expired) from the retention module.
def _prune_seen_deliveries(core: CoachApp, now: datetime) -> None:
    prune_seen_deliveries(core.sessions, now)


DAILY_JOBS: list[tuple[str, DailyJob]] = [
    ("privacy_retention", privacy_daily_job),
    ("prune_seen_deliveries", _prune_seen_deliveries),
]


def run_daily(core: CoachApp, now: datetime, jobs: list[tuple[str, DailyJob]] | None = None) -> int:
    """Run every daily job; returns how many failed (each failure is logged by name)."""
    failures = 0
    for name, job in DAILY_JOBS if jobs is None else jobs:
        try:
            job(core, now)
            log.info("daily_job_done", extra={"job": name})
        except Exception as exc:
            failures += 1
            log.error("daily_job_failed", extra={"job": name, "error": type(exc).__name__})
    return failures
