"""bench retention: the daily retention job with re-keying (issue 13), on PostgreSQL and SQLite.

EDUCATORS educators each have a year of weekly reflections (KEPT of them recent, one
expired). The job deletes the expired ones and re-keys each educator: every value they keep
is opened with the old data key and sealed with a new one. Printed: the job's wall time
(median of RUNS, the data reseeded each run), values re-keyed, and the scrub that follows
(on PostgreSQL: VACUUM FULL of the key table, WAL switch and checkpoint) timed on its own.
"""

from __future__ import annotations

import json
import statistics
import time
from datetime import UTC, datetime, timedelta

from bench import procs
from bot.app import CoachApp, build_app
from bot.privacy.retention import run_daily_privacy
from bot.settings import Settings
from bot.storage.models import Educator, Reflection
from bot.storage.scrub import scrub

EDUCATORS = 100
KEPT = 51  # plus one expired: a year of weekly reflections
RUNS = 3
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _seed(core: CoachApp) -> None:
    with core.sessions.begin() as session:
        for number in range(EDUCATORS):
            educator = Educator(
                platform="slack",
                workspace="TBENCH",
                user_id=f"U{number:05d}",
                created_at=NOW - timedelta(days=400),
                last_seen_at=NOW,
            )
            session.add(educator)
            session.flush()
            sealer = core.coach.sealer.for_educator(session, educator)
            for week in range(KEPT + 1):
                written = NOW - timedelta(days=370 if week == KEPT else 7 * week)
                answers = [{"prompt": "What happened?", "answer": f"words {number} {week}"}]
                session.add(
                    Reflection(
                        educator_id=educator.id,
                        topic="relational",
                        created_at=written,
                        answers=sealer.seal(json.dumps(answers)),
                        action=sealer.seal(f"call the family, week {week}"),
                        outcome_note=sealer.seal("it went fine"),
                    )
                )


def _empty(core: CoachApp) -> None:
    with core.sessions.begin() as session:
        session.query(Reflection).delete()
        session.query(Educator).delete()


def run(kind: str) -> None:
    with procs.database(kind) as url:
        procs.migrate(url)
        core = build_app(Settings(database_url=url), clock=lambda: NOW, migrate=False)
        try:
            took, scrubs, values = [], [], 0
            for _ in range(RUNS):
                _empty(core)
                _seed(core)
                started = time.perf_counter()
                report = run_daily_privacy(core.sessions, core.settings, NOW, core.coach.sealer)
                took.append(time.perf_counter() - started)
                values = report.rekeyed_values
                started = time.perf_counter()
                scrub(core.engine)
                scrubs.append(time.perf_counter() - started)
            print(
                f"| {kind} | {EDUCATORS} x {KEPT + 1} | {report.rekeyed_educators} | {values} "
                f"| {statistics.median(took) * 1000:.0f} ms "
                f"| {statistics.median(took) * 1000 / EDUCATORS:.1f} ms "
                f"| {statistics.median(scrubs) * 1000:.0f} ms |"
            )
        finally:
            core.engine.dispose()


def main() -> None:
    print(f"machine: {procs.machine()}")
    print(
        "| database | educators x reflections | re-keyed | values | daily job (with scrub) "
        "| per educator | scrub alone |"
    )
    for kind in ("postgres", "sqlite"):
        run(kind)
