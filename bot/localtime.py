"""Showing times in the educator's own time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.dates import day_with_year_label
from bot.turn import Turn


def educator_zone(turn: Turn) -> ZoneInfo:
    for name in (turn.educator.timezone, turn.settings.coach_default_tz):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def local_date_label(moment: datetime, turn: Turn) -> str:
    local = moment.astimezone(educator_zone(turn))
    return day_with_year_label(local.date())
