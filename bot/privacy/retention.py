"""Daily deletion: old reflections and assessments, and the data of removed workspaces.

`run_daily_privacy` is the one entry point: the clock calls it once a day (see
scheduler/maintenance.py when it exists), and tests call it with any `now`.

- Reflections older than COACH_RETENTION_DAYS (by when they were written) are deleted,
  with every row that references them; so are self-assessments (by when they were taken)
  when that table exists.
- Workspaces marked uninstalled (bot/lifecycle.py) longer than COACH_UNINSTALL_GRACE_DAYS
  ago lose every educator's data and every other record keyed to the workspace. The
  `workspaces` row itself stays, as the record that the deletion happened.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.orm import Session, sessionmaker

from bot.privacy.scope import delete_scope, scope_from, table_named, workspace_scope
from bot.settings import Settings
from bot.storage.data_keys import KEY_TABLE
from bot.storage.models import Workspace
from bot.storage.scrub import scrub_after_commit

if TYPE_CHECKING:
    from bot.app import CoachApp

log = logging.getLogger("coach.privacy")

# Tables whose rows expire after COACH_RETENTION_DAYS, and the column that dates each row.
EXPIRING = {"reflections": "created_at", "assessment_results": "taken_at"}


@dataclass
class RetentionReport:
    expired: Counter[str] = field(default_factory=Counter)
    workspaces_deleted: list[str] = field(default_factory=list)
    workspace_rows: Counter[str] = field(default_factory=Counter)


def expire_old_records(session: Session, now: datetime, retention_days: int) -> Counter[str]:
    """Delete expiring rows older than the retention period, with rows that reference them."""
    cutoff = now - timedelta(days=retention_days)
    roots: dict[Table, ColumnElement[bool]] = {}
    for name, dated_by in EXPIRING.items():
        table = table_named(name)
        if table is not None and dated_by in table.c:
            roots[table] = table.c[dated_by] < cutoff
    return delete_scope(session, scope_from(roots))


def delete_uninstalled_workspaces(
    session: Session, now: datetime, grace_days: int
) -> tuple[list[str], Counter[str]]:
    cutoff = now - timedelta(days=grace_days)
    removed = session.scalars(
        select(Workspace).where(
            Workspace.uninstalled_at.is_not(None), Workspace.uninstalled_at <= cutoff
        )
    ).all()
    names: list[str] = []
    deleted: Counter[str] = Counter()
    for workspace in removed:
        rows = delete_scope(session, workspace_scope(workspace.platform, workspace.workspace))
        if rows:
            names.append(f"{workspace.platform}:{workspace.workspace}")
            deleted.update(rows)
    if deleted.get(KEY_TABLE):
        scrub_after_commit(session)  # their data keys went with them: clear the residue
    return names, deleted


def apply_retention(session: Session, settings: Settings, now: datetime) -> RetentionReport:
    """Both deletions, in the caller's transaction."""
    report = RetentionReport()
    report.expired = expire_old_records(session, now, settings.coach_retention_days)
    report.workspaces_deleted, report.workspace_rows = delete_uninstalled_workspaces(
        session, now, settings.coach_uninstall_grace_days
    )
    return report


def run_daily_privacy(
    sessions: sessionmaker[Session], settings: Settings, now: datetime
) -> RetentionReport:
    """The daily job: one transaction, so a failure part-way deletes nothing."""
    with sessions.begin() as session:
        report = apply_retention(session, settings, now)
    log.info(
        "retention_done",
        extra={
            "expired": dict(report.expired),
            "workspaces_deleted": len(report.workspaces_deleted),
            "workspace_rows": dict(report.workspace_rows),
            "retention_days": settings.coach_retention_days,
            "grace_days": settings.coach_uninstall_grace_days,
        },
    )
    return report


def daily_job(core: CoachApp, now: datetime) -> None:
    """The clock's daily-maintenance entry (scheduler/maintenance.py DAILY_JOBS)."""
    run_daily_privacy(core.sessions, core.settings, now)
