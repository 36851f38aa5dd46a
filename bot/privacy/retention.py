"""Daily deletion: old reflections and assessments, and the data of removed workspaces.

`run_daily_privacy` is the one entry point: the clock calls it once a day (see
scheduler/maintenance.py when it exists), and tests call it with any `now`.

- Reflections older than COACH_RETENTION_DAYS (by when they were written) are deleted,
  with every row that references them; so are self-assessments (by when they were taken)
  when that table exists.
- Each educator who lost sealed text that way, and keeps other text, is re-keyed
  (bot/privacy/rekey.py): their remaining text moves to a new data key and the old key is
  destroyed, so the copies the database still keeps of what was deleted open with no key.
- Workspaces marked uninstalled (bot/lifecycle.py) longer than COACH_UNINSTALL_GRACE_DAYS
  ago lose every educator's data and every other record keyed to the workspace. The
  `workspaces` row itself stays, as the record that the deletion happened.
- An educator who removed the coach themselves, or a channel or chat it was removed from
  (a `Removal`), longer than COACH_UNINSTALL_GRACE_DAYS ago: everything about that
  educator (their data key first, as `forget` does), or that channel's settings and where
  to reach it. The removal row goes with them.
- After the transaction commits, the residue scrub runs (bot/storage/scrub.py), every day:
  it also finishes any earlier scrub that an older transaction or a failure held up.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Table, delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.lifecycle import EDUCATOR
from bot.privacy.export import find_educator
from bot.privacy.forget import forget_educator
from bot.privacy.rekey import owners_of_sealed_rows, rekey_educator
from bot.privacy.scope import (
    channel_scope,
    delete_scope,
    educator_scope,
    scope_from,
    table_named,
    workspace_scope,
)
from bot.settings import Settings
from bot.storage.keyring import Keyring
from bot.storage.models import Removal, Workspace
from bot.storage.scrub import scrub_after_commit
from bot.storage.sealing import SealError

if TYPE_CHECKING:
    from bot.app import CoachApp

log = logging.getLogger("coach.privacy")

# Tables whose rows expire after COACH_RETENTION_DAYS, and the column that dates each row.
EXPIRING = {"reflections": "created_at", "assessment_results": "taken_at"}


@dataclass
class RetentionReport:
    expired: Counter[str] = field(default_factory=Counter)
    rekeyed_educators: int = 0
    rekeyed_values: int = 0
    workspaces_deleted: list[str] = field(default_factory=list)
    workspace_rows: Counter[str] = field(default_factory=Counter)
    removals_done: int = 0
    removal_rows: Counter[str] = field(default_factory=Counter)


def expire_old_records(
    session: Session, now: datetime, retention_days: int, keyring: Keyring, report: RetentionReport
) -> None:
    """Delete expiring rows older than the retention period, with rows that reference them,
    and re-key each educator who lost sealed text."""
    cutoff = now - timedelta(days=retention_days)
    roots: dict[Table, ColumnElement[bool]] = {}
    for name, dated_by in EXPIRING.items():
        table = table_named(name)
        if table is not None and dated_by in table.c:
            roots[table] = table.c[dated_by] < cutoff
    scope = scope_from(roots)
    owners = owners_of_sealed_rows(session, scope)
    report.expired = delete_scope(session, scope)
    for educator_id in sorted(owners):
        try:
            with session.begin_nested():
                report.rekeyed_values += rekey_educator(session, keyring, educator_id)
                report.rekeyed_educators += 1
        except SealError as exc:
            # The deletion stands; only its copies stay readable to the old key.
            log.warning("retention_rekey_skipped", extra={"reason": exc.reason})


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
    return names, deleted


def delete_removed(session: Session, now: datetime, grace_days: int) -> tuple[int, Counter[str]]:
    """Carry out removals older than the grace period; (how many, rows deleted per table)."""
    cutoff = now - timedelta(days=grace_days)
    due = session.execute(
        select(Removal.id, Removal.platform, Removal.workspace, Removal.kind, Removal.subject)
        .where(Removal.removed_at <= cutoff)
        .order_by(Removal.id)
    ).all()
    deleted: Counter[str] = Counter()
    for removal_id, platform, workspace, kind, subject in due:
        if kind == EDUCATOR:
            educator = find_educator(session, platform, workspace, subject)
            if educator is not None:
                deleted.update(forget_educator(session, educator))
            else:  # never talked to the coach: only where to reach them
                deleted.update(
                    delete_scope(session, educator_scope(None, platform, workspace, subject))
                )
        else:
            deleted.update(delete_scope(session, channel_scope(platform, workspace, subject)))
        session.execute(delete(Removal).where(Removal.id == removal_id))
    return len(due), deleted


def apply_retention(
    session: Session, settings: Settings, now: datetime, keyring: Keyring
) -> RetentionReport:
    """Every deletion, in the caller's transaction; the scrub follows its commit."""
    report = RetentionReport()
    expire_old_records(session, now, settings.coach_retention_days, keyring, report)
    report.workspaces_deleted, report.workspace_rows = delete_uninstalled_workspaces(
        session, now, settings.coach_uninstall_grace_days
    )
    report.removals_done, report.removal_rows = delete_removed(
        session, now, settings.coach_uninstall_grace_days
    )
    scrub_after_commit(session)
    return report


def run_daily_privacy(
    sessions: sessionmaker[Session], settings: Settings, now: datetime, keyring: Keyring
) -> RetentionReport:
    """The daily job: one transaction, so a failure part-way deletes nothing."""
    with sessions.begin() as session:
        report = apply_retention(session, settings, now, keyring)
    log.info(
        "retention_done",
        extra={
            "expired": dict(report.expired),
            "rekeyed_educators": report.rekeyed_educators,
            "rekeyed_values": report.rekeyed_values,
            "workspaces_deleted": len(report.workspaces_deleted),
            "workspace_rows": dict(report.workspace_rows),
            "removals_done": report.removals_done,
            "removal_rows": dict(report.removal_rows),
            "retention_days": settings.coach_retention_days,
            "grace_days": settings.coach_uninstall_grace_days,
        },
    )
    return report


def daily_job(core: CoachApp, now: datetime) -> None:
    """The clock's daily-maintenance entry (scheduler/maintenance.py DAILY_JOBS)."""
    run_daily_privacy(core.sessions, core.settings, now, core.coach.sealer)
