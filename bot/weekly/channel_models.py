"""Tables for team prompts: a channel's weekly discussion prompt, and what was posted each week.

A channel subscription belongs to the channel (platform, workspace, channel id), not to an
educator. `turned_on_by` names the educator who turned it on (the one who may change it,
besides a workspace admin); when that educator is forgotten it is cleared (SET NULL) and
the channel keeps its prompts. It holds no free text: prompts are recorded by topic slug
and index into content/team_prompts.yaml, and reasons are short machine words.

The schedule, rotation and ledger columns are the nudges' own (`ScheduleColumns`,
`LedgerColumns`), so the same schedule, rotation and tick code runs both.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime
from bot.weekly.models import LedgerColumns, ScheduleColumns, due_index


class ChannelSubscription(ScheduleColumns, Base):
    """One team channel's weekly discussion prompt."""

    __tablename__ = "channel_subscriptions"
    __table_args__ = (
        UniqueConstraint("platform", "workspace", "channel"),
        due_index("channel_subscriptions"),
    )

    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(128))
    # Slack's channel id, or the Teams channel conversation id (without a thread suffix).
    channel: Mapped[str] = mapped_column(String(512))
    turned_on_by: Mapped[int | None] = mapped_column(
        ForeignKey("educators.id", ondelete="SET NULL"), index=True
    )
    # The last word from the channel the coach can see without reading it: a `channel`
    # command said there, or a click on a prompt's or the keep-going question's buttons.
    # Backing off (bot/weekly/backoff.py) counts the quiet from it.
    last_heard_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The language its prompts are written in (`channel language es`); unset: English.
    language: Mapped[str | None] = mapped_column(String(8))


class ChannelLedger(LedgerColumns, Base):
    """One row per channel subscription per local ISO week: a prompt is posted at most once."""

    __tablename__ = "channel_ledger"
    __subscription_table__ = "channel_subscriptions"
    __table_args__ = (UniqueConstraint("subscription_id", "week"),)
