"""The school calendar inside the tick's due query: one correlated EXISTS per row, answered
by the unique (platform, workspace, day) index of `closed_days`, so a closed day costs the
tick no query of its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.calendar.models import ClosedDay
from bot.calendar.store import WorkspaceKey, closed_from, next_open_day
from bot.weekly.models import ScheduleColumns
from bot.weekly.schedule import local_to_utc, zone_info


def closed_on_slot_day(
    subscription: type[ScheduleColumns],
    platform: InstrumentedAttribute[str],
    workspace: InstrumentedAttribute[str],
) -> ColumnElement[bool]:
    """Whether the subscription's planned local day is closed for the owner's workspace."""
    return (
        exists(select(ClosedDay.id))
        .where(
            ClosedDay.platform == platform,
            ClosedDay.workspace == workspace,
            ClosedDay.day == subscription.slot_day,
        )
        .label("closed_on_slot_day")
    )


def moved_send(
    session: Session, subscription: ScheduleColumns, workspace: WorkspaceKey
) -> datetime | None:
    """Where the next send really goes when its day is closed (None: it goes as planned),
    for showing settings; the tick moves it the same way when it comes due."""
    planned, day = subscription.slot_at, subscription.slot_day
    if planned is None or day is None or subscription.next_send_at != planned:
        return None
    closed = closed_from(session, [workspace], day).get(workspace, set())
    if day not in closed:
        return None
    opens = next_open_day(day, closed)
    if opens is None:
        return None
    zone = zone_info(subscription.timezone)
    return local_to_utc(opens, planned.astimezone(zone).time(), zone)
