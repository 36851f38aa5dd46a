"""The pace of sends per workspace, shared by every clock on the database.

A platform allows a workspace only so many sends a second (Slack answers 429 beyond it).
One row per (platform, workspace) holds the moment its next send may start; each clock
moves it on as it reserves moments for its sends (scheduler/pace.py), so several clocks
together keep one pace. Ids of workspaces only: nothing an educator wrote.
"""

from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base


class SendPace(Base):
    __tablename__ = "send_pace"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(128), primary_key=True)
    # Seconds since the epoch (UTC): when the workspace's next send may start. A number, not
    # a timestamp, so one UPDATE can add a fraction of a second on SQLite and PostgreSQL.
    next_at: Mapped[float] = mapped_column(Float, default=0.0)
