"""A lighter rhythm: a send every 1, 2 or 4 weeks, counted in whole local weeks.

The weeks are counted from `rhythm_from`, the Monday of the week the rhythm was set for,
so a rhythm never drifts with a late send, a retry or a day moved for a closed school day:
a week is on the rhythm when it lies a whole number of rhythms after that Monday.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.weekly.models import ScheduleColumns
from bot.weekly.schedule import zone_info


def local_monday(moment_utc: datetime, zone: str) -> date:
    """The Monday that starts the local ISO week of an instant."""
    day = moment_utc.astimezone(zone_info(zone)).date()
    return day - timedelta(days=day.weekday())


def on_rhythm(subscription: ScheduleColumns, slot_utc: datetime) -> bool:
    every = subscription.every_weeks or 1
    if every <= 1 or subscription.rhythm_from is None:
        return True
    weeks = (local_monday(slot_utc, subscription.timezone) - subscription.rhythm_from).days // 7
    return weeks % every == 0
