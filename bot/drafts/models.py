"""Saved messages home. A draft is kept only when the educator saves it; an unsaved one
leaves only the count on their profile (educators.drafts_made)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class SavedDraft(Base):
    __tablename__ = "saved_drafts"
    __table_args__ = (Index("ix_saved_drafts_educator_created", "educator_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    educator_id: Mapped[int] = mapped_column(ForeignKey("educators.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    purpose: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)  # sealed: the message, with the child's name
    # The planned "send it" action whose check-in asks whether it went out and was answered.
    reflection_id: Mapped[int | None] = mapped_column(
        ForeignKey("reflections.id", ondelete="SET NULL")
    )


FREE_TEXT_COLUMNS = (SavedDraft.text,)
