"""Importing and listing a workspace's school calendar: what `coach calendar` does, kept
out of the command line so it can be driven (and tested) with any sessions and clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from bot.calendar.ics import CalendarError, Closed, check_size, read_closed_days
from bot.calendar.models import SchoolCalendar
from bot.calendar.store import WorkspaceKey, calendar_of, closed_days, replace_calendar
from bot.inbound import Platform


def parse_workspace(text: str) -> WorkspaceKey | None:
    """PLATFORM:WORKSPACE, the platform one the coach speaks on."""
    platform, _, workspace = text.partition(":")
    platform, workspace = platform.strip().casefold(), workspace.strip()
    if platform not in {p.value for p in Platform} or not workspace or len(workspace) > 128:
        return None
    return platform, workspace


def import_file(
    sessions: sessionmaker[Session], workspace: WorkspaceKey, path: Path, now: datetime
) -> list[Closed]:
    """Replace the workspace's closed days with the file's; CalendarError (nothing changed)
    for a file that cannot be used."""
    try:
        check_size(path.stat().st_size)  # a huge file is refused before it is read
        data = path.read_bytes()
    except OSError as exc:
        raise CalendarError(f"it cannot be read ({exc.strerror or type(exc).__name__})") from exc
    days = read_closed_days(data, now.date())
    with sessions.begin() as session:
        replace_calendar(session, workspace, path.name, days, now)
    return days


@dataclass(frozen=True)
class Listing:
    calendar: SchoolCalendar | None
    days: list[Closed]


def list_calendar(sessions: sessionmaker[Session], workspace: WorkspaceKey) -> Listing:
    with sessions() as session:
        calendar = calendar_of(session, workspace)
        if calendar is not None:
            session.expunge(calendar)
        return Listing(calendar, closed_days(session, workspace))
