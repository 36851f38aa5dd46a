"""Finished self-assessments. Ratings only: nothing here is the educator's own words."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class AssessmentResult(Base):
    __tablename__ = "assessment_results"
    __table_args__ = (Index("ix_assessment_results_educator_taken", "educator_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    educator_id: Mapped[int] = mapped_column(ForeignKey("educators.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # topic slug -> level on the content's developmental scale
    scores: Mapped[dict[str, int]] = mapped_column(JSON)
