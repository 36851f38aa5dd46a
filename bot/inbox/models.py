"""The inbox: a platform message the coach acknowledged and has not finished answering.

A row is written, in one short transaction, before the platform hears 200; the turn that
answers it stores its replies in the row in the turn's own transaction; the row is deleted
once the replies were sent. A row still here after its claim ran out belongs to a process
that died: another one (or the same one, restarted) finishes it. Rows live seconds, hold
only what running the turn needs, sealed under the educator's data key, and `forget`
removes them with the educator (the foreign key).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime
from bot.storage.data_keys import NOT_EXPORTED


class InboxMessage(Base):
    __tablename__ = "inbox_messages"
    # One row per platform delivery: a platform's retry of an accepted message is not a
    # second message. Not exported: the coach's machinery, gone seconds after it came.
    __table_args__ = (
        UniqueConstraint("platform", "delivery_id"),
        {"info": {NOT_EXPORTED: True}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    delivery_id: Mapped[str] = mapped_column(String(255))
    educator_id: Mapped[int] = mapped_column(
        ForeignKey("educators.id", ondelete="CASCADE"), index=True
    )
    # What the adapter does with it (a slash command, a DM, a button click).
    kind: Mapped[str] = mapped_column(String(16))
    # The message was the first the coach heard from this educator (they get the welcome).
    first_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[str] = mapped_column(Text, info={"json_text": True})  # sealed JSON
    replies: Mapped[str | None] = mapped_column(Text, info={"json_text": True})  # sealed JSON
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Until this moment plus the lease, the process that claimed the row is answering it.
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


FREE_TEXT_COLUMNS = (InboxMessage.payload, InboxMessage.replies)
