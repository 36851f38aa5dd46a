"""The terminal's own table: nudges waiting for an educator's next `coach chat`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class ConsoleInbox(Base):
    """Nudges for terminal educators, waiting for their next `coach chat`.

    The payload is sealed like every column that may quote what an educator wrote (a
    check-in question quotes their planned action); rows are deleted once shown.
    """

    __tablename__ = "nudge_inbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    educator_id: Mapped[int] = mapped_column(
        ForeignKey("educators.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    payload: Mapped[str] = mapped_column(Text)  # sealed JSON of reply parts


FREE_TEXT_COLUMNS = (ConsoleInbox.payload,)
