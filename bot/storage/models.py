"""The core tables: educators, their journal, reflections in progress, seen deliveries.

Free text an educator wrote lives only in columns named in FREE_TEXT_COLUMNS;
the store seals it (encrypts, when a key is set) before it reaches them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class Educator(Base):
    """One educator on one platform: (platform, workspace or tenant, user id)."""

    __tablename__ = "educators"
    __table_args__ = (UniqueConstraint("platform", "workspace", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(128))
    user_id: Mapped[str] = mapped_column(String(128))
    timezone: Mapped[str | None] = mapped_column(String(64))
    reframe_offers: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Who they are (`profile`): what the coach offers first. Unset until they say.
    role: Mapped[str | None] = mapped_column(String(16))
    grade_band: Mapped[str | None] = mapped_column(String(16))
    # When the first hello asked (asked once; they may skip).
    profile_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Messages home composed (`draft`), saved or not: an unsaved draft leaves only this.
    drafts_made: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The language the coach speaks to them: their own choice (`language es`), else their
    # platform's (Slack's locale, Teams' activity.locale, kept for sends the coach starts).
    language: Mapped[str | None] = mapped_column(String(8))
    platform_language: Mapped[str | None] = mapped_column(String(8))
    # When Spanish was offered to them for writing in it (offered once; they may say "sí").
    language_offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The one next step the last reply offered ("reflect time"), which a typed yes takes
    # (bot/offers.py): a command line, never the educator's words.
    offer: Mapped[str | None] = mapped_column(String(80))  # bot/offers.py OFFER_CHARS
    offer_made_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FlowState(Base):
    """The reflection (or other guided flow) an educator is in the middle of.

    Saved after every turn. `version` is a row version: an update that raced
    another (a double click, a duplicate delivery) fails instead of advancing twice.
    """

    __tablename__ = "flow_states"

    educator_id: Mapped[int] = mapped_column(
        ForeignKey("educators.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(64))
    content_version: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # sealed JSON: may hold the educator's answers
    version: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Reflection(Base):
    """One finished reflection in an educator's journal, with its planned action."""

    __tablename__ = "reflections"
    __table_args__ = (Index("ix_reflections_educator_created", "educator_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    educator_id: Mapped[int] = mapped_column(ForeignKey("educators.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    answers: Mapped[str] = mapped_column(Text)  # sealed JSON list of {prompt, answer}
    action: Mapped[str] = mapped_column(Text)  # sealed
    action_status: Mapped[str] = mapped_column(String(16), default="planned")
    outcome_note: Mapped[str | None] = mapped_column(Text)  # sealed
    outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SeenDelivery(Base):
    """Ids of platform deliveries already handled, so retries are handled once."""

    __tablename__ = "seen_deliveries"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    delivery_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Workspace(Base):
    """A Slack workspace or Teams tenant the coach has seen, and whether it removed the app."""

    __tablename__ = "workspaces"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(128), primary_key=True)
    uninstalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)


class Removal(Base):
    """The coach removed from less than a whole workspace: by one educator (a personal
    uninstall in Teams) or from one channel or chat. Its data is deleted after
    COACH_UNINSTALL_GRACE_DAYS unless the coach is added back first (bot/lifecycle.py)."""

    __tablename__ = "removals"
    __table_args__ = (UniqueConstraint("platform", "workspace", "kind", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))  # "educator" or "channel"
    subject: Mapped[str] = mapped_column(String(512))  # the user id, or the channel id
    removed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


FREE_TEXT_COLUMNS = (
    FlowState.payload,
    Reflection.answers,
    Reflection.action,
    Reflection.outcome_note,
)
