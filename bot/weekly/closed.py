"""The school calendar inside the tick's due query: one correlated EXISTS per row, answered
by the unique (platform, workspace, day) index of `closed_days`, so a closed day costs the
tick no query of its own."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import InstrumentedAttribute

from bot.calendar.models import ClosedDay
from bot.weekly.models import ScheduleColumns


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
