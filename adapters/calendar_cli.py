"""`coach calendar import FILE.ics --workspace PLATFORM:WORKSPACE` and `coach calendar list
--workspace PLATFORM:WORKSPACE`: a district's closed days, for operators."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.calendar.ics import CalendarError
from bot.calendar.service import import_file, list_calendar, parse_workspace
from bot.calendar.store import WorkspaceKey
from bot.settings import Settings
from bot.storage.db import ensure_schema, make_engine, make_sessions

USAGE = "--workspace must look like PLATFORM:WORKSPACE, e.g. slack:T0123 or teams:TENANT-ID"


def _workspace(args: argparse.Namespace, command: str) -> WorkspaceKey | None:
    workspace = parse_workspace(str(args.workspace))
    if workspace is None:
        print(f"coach calendar {command}: {USAGE}", file=sys.stderr)
    return workspace


def import_calendar(args: argparse.Namespace) -> int:
    workspace = _workspace(args, "import")
    if workspace is None:
        return 2
    path = Path(args.file)
    engine = make_engine(Settings().database_url)
    try:
        ensure_schema(engine)
        try:
            days = import_file(make_sessions(engine), workspace, path, datetime.now(UTC))
        except CalendarError as exc:
            print(
                f"coach calendar import: {path.name} cannot be used: {exc}. Nothing was changed.",
                file=sys.stderr,
            )
            return 1
    finally:
        engine.dispose()
    label = ":".join(workspace)
    if not days:
        print(f"Imported {path.name} for {label}: it has no all-day closed days, so none are set.")
        return 0
    print(
        f"Imported {path.name} for {label}: {len(days)} closed days, "
        f"{days[0].day.isoformat()} to {days[-1].day.isoformat()}. A nudge or team prompt "
        "due on one of them goes on the next open school day at the same time."
    )
    return 0


def list_closed_days(args: argparse.Namespace) -> int:
    workspace = _workspace(args, "list")
    if workspace is None:
        return 2
    engine = make_engine(Settings().database_url)
    try:
        ensure_schema(engine)
        listing = list_calendar(make_sessions(engine), workspace)
    finally:
        engine.dispose()
    label = ":".join(workspace)
    if listing.calendar is None:
        print(
            f"No school calendar for {label}. Import one with "
            f"`coach calendar import FILE.ics --workspace {label}`."
        )
        return 0
    imported = listing.calendar.imported_at.astimezone(UTC)
    print(
        f"School calendar for {label}: {listing.calendar.source}, imported "
        f"{imported:%Y-%m-%d %H:%M} UTC; {len(listing.days)} closed days."
    )
    for closed in listing.days:
        print(f"{closed.day.isoformat()} {closed.day:%a}  {closed.name}")
    return 0
