"""Tables for weekly nudges: who gets one and when, and what was sent each week.

Subscriptions and the ledger hold no free text: a nudge is recorded by topic slug and
nudge index into the content, and reasons are short machine words.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column
from sqlalchemy.sql.expression import false as sa_false

from bot.storage.base import Base, UTCDateTime


class ScheduleColumns:
    """The weekly rule, the rotation and the next send: shared by every subscription kind
    (an educator's nudges here, a channel's team prompts in bot/weekly/channel_models.py), so
    the schedule, rotation and tick code works on either.

    `next_send_at` is when a tick should next look at this row (the week's slot, or a
    retry, or a short lease while a clock is sending); it is NULL when the subscription is
    off, so the index only ever holds subscriptions that are on. `slot_at` is the scheduled
    local send time of the week being handled, in UTC.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM", 24-hour
    timezone: Mapped[str] = mapped_column(String(64))  # IANA name
    focus_topic: Mapped[str | None] = mapped_column(String(32))  # None: rotate
    # Rotation order for a later "growth areas first"; None: the framework's order.
    topic_order: Mapped[str | None] = mapped_column(String(512))
    rotation_cycle: Mapped[int] = mapped_column(Integer, default=0)
    rotation_seen: Mapped[str] = mapped_column(String(512), default="")  # slugs, comma-separated
    focus_step: Mapped[int] = mapped_column(Integer, default=0)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A break asked for ahead ("pause for winter break, dec 21 to jan 4"): no sends from this
    # moment until `paused_until`. None: the pause, if any, runs from now.
    pause_from: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A send every 1, 2 or 4 weeks, counted from the Monday `rhythm_from` (bot/weekly/rhythm.py).
    every_weeks: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    rhythm_from: Mapped[date | None] = mapped_column(Date())
    # Backing off (bot/weekly/backoff.py): sends in a row with no click and no reply since,
    # the last send, and when the keep-going question went out (None: not asked).
    unanswered: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    slot_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The local date of the planned send, so the due query can ask a school calendar whether
    # that day is closed (bot/calendar/) without working out zones in SQL.
    slot_day: Mapped[date | None] = mapped_column(Date())
    # Indexed with `id` (each kind's `due_index`): the clock reads due rows in that order,
    # so a batch stops after its LIMIT instead of sorting every row due at the same minute.
    next_send_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    off_reason: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


def due_index(table: str) -> Index:
    """The clock's due query reads (next_send_at, id) in order (scheduler/kinds/)."""
    return Index(f"ix_{table}_due", "next_send_at", "id")


class Subscription(ScheduleColumns, Base):
    """One educator's weekly nudge: the local rule, the rotation, and when it is due next."""

    __tablename__ = "subscriptions"
    __table_args__ = (due_index("subscriptions"),)

    educator_id: Mapped[int] = mapped_column(
        ForeignKey("educators.id", ondelete="CASCADE"), unique=True
    )


class LedgerStatus:
    CLAIMED = "claimed"  # picked by a clock; the platform has not been called
    SENDING = "sending"  # the platform is being called (unknown outcome after a crash)
    RETRY = "retry"  # a transient failure; tried again later the same week
    SENT = "sent"
    FAILED = "failed"  # given up for this week (permanent failure, or retries used up)
    MISSED = "missed"  # found too late (past the grace period)
    SKIPPED = "skipped"  # not sent on purpose (paused, workspace removed)
    # Sent, and asked to come once more the next day ("Remind me tomorrow"): `remind_at`.
    REMIND = "remind"

    IN_PROGRESS = (CLAIMED, SENDING, RETRY, REMIND)
    FINAL = (SENT, FAILED, MISSED, SKIPPED)


class LedgerColumns:
    """One row per subscription per local ISO week, written before the platform is called.

    The unique key (subscription, week) makes "exactly once a week" a database fact: two
    clocks, a crash and restart, or a daylight-saving fold cannot produce a second row for
    the same week. `__subscription_table__` names the subscription table it belongs to.
    """

    __subscription_table__: ClassVar[str]

    id: Mapped[int] = mapped_column(Integer, primary_key=True)

    @declared_attr
    def subscription_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey(f"{cls.__subscription_table__}.id", ondelete="CASCADE"))

    week: Mapped[str] = mapped_column(String(10))  # ISO week in the subscription's zone
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    topic: Mapped[str | None] = mapped_column(String(32))
    nudge_index: Mapped[int | None] = mapped_column(Integer)  # index into the topic's items
    reason: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the one reminder of a sent week's message is (or was) due; None: none asked for.
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # This week's message is the keep-going question (bot/weekly/backoff.py), not a topic.
    ask: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class NudgeLedger(LedgerColumns, Base):
    """An educator's weekly nudges, one row per week."""

    __tablename__ = "nudge_ledger"
    __subscription_table__ = "subscriptions"
    __table_args__ = (UniqueConstraint("subscription_id", "week"),)

    checkin_reflection_id: Mapped[int | None] = mapped_column(Integer)
    # What the educator did with it: "done" or "skipped" (their buttons), or None.
    response: Mapped[str | None] = mapped_column(String(16))
