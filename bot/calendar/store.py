"""Keeping a workspace's closed days, and finding the next open school day.

Importing replaces the workspace's calendar in one transaction: the old days go and the
new ones come together, so a second import never duplicates and a failed one changes
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from bot.calendar.ics import Closed
from bot.calendar.models import ClosedDay, SchoolCalendar
from bot.storage.twins import add_once

WorkspaceKey = tuple[str, str]  # (platform, workspace)
# How far the next open day is looked for: past any break a school has.
_SEARCH_DAYS = 120


def replace_calendar(
    session: Session, workspace: WorkspaceKey, source: str, days: Sequence[Closed], now: datetime
) -> None:
    platform, name = workspace

    def find() -> SchoolCalendar | None:
        # Locked: a twin import for the same workspace waits here until this one commits.
        return session.scalar(
            select(SchoolCalendar)
            .where(SchoolCalendar.platform == platform, SchoolCalendar.workspace == name)
            .with_for_update()
        )

    calendar = find()
    if calendar is None:
        calendar = add_once(
            session,
            SchoolCalendar(platform=platform, workspace=name, source="", imported_at=now),
            find,
        )
    session.execute(
        delete(ClosedDay).where(ClosedDay.platform == platform, ClosedDay.workspace == name)
    )
    calendar.source = source[:255]
    calendar.imported_at = now
    session.add_all(
        ClosedDay(platform=platform, workspace=name, day=closed.day, name=closed.name)
        for closed in days
    )


def calendar_of(session: Session, workspace: WorkspaceKey) -> SchoolCalendar | None:
    platform, name = workspace
    return session.scalar(
        select(SchoolCalendar).where(
            SchoolCalendar.platform == platform, SchoolCalendar.workspace == name
        )
    )


def closed_days(session: Session, workspace: WorkspaceKey) -> list[Closed]:
    platform, name = workspace
    rows = session.execute(
        select(ClosedDay.day, ClosedDay.name)
        .where(ClosedDay.platform == platform, ClosedDay.workspace == name)
        .order_by(ClosedDay.day)
    ).all()
    return [Closed(day, day_name) for day, day_name in rows]


def closed_from(
    session: Session, workspaces: Iterable[WorkspaceKey], first: date
) -> dict[WorkspaceKey, set[date]]:
    """The closed days on or after `first` of several workspaces, in one query (per batch)."""
    wanted = sorted(set(workspaces))
    if not wanted:
        return {}
    rows = session.execute(
        select(ClosedDay.platform, ClosedDay.workspace, ClosedDay.day).where(
            tuple_(ClosedDay.platform, ClosedDay.workspace).in_(wanted), ClosedDay.day >= first
        )
    ).all()
    found: dict[WorkspaceKey, set[date]] = {workspace: set() for workspace in wanted}
    for platform, name, day in rows:
        found[(platform, name)].add(day)
    return found


def next_open_day(day: date, closed: set[date]) -> date | None:
    """The first school day (Monday to Friday) after `day` that is not closed."""
    for offset in range(1, _SEARCH_DAYS + 1):
        candidate = day + timedelta(days=offset)
        if candidate.weekday() < 5 and candidate not in closed:
            return candidate
    return None
