"""Tables for school calendars: one calendar per workspace, and the days it is closed.

The closed days carry their workspace's (platform, workspace) so the tick's due query can
ask "is this slot's local day closed?" with one indexed EXISTS, without a join. The names
are the district's own event titles (a public calendar), never anything an educator wrote.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class SchoolCalendar(Base):
    """What was imported for a workspace, and when (importing again replaces it)."""

    __tablename__ = "school_calendars"
    __table_args__ = (UniqueConstraint("platform", "workspace"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(128))
    source: Mapped[str] = mapped_column(String(255))  # the file's name, for `calendar list`
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ClosedDay(Base):
    """One local date a workspace's school is closed (a holiday, a day of a break)."""

    __tablename__ = "closed_days"
    __table_args__ = (UniqueConstraint("platform", "workspace", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(128))
    day: Mapped[date] = mapped_column(Date())
    name: Mapped[str] = mapped_column(String(200))
