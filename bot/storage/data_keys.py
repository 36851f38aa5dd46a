"""Each educator's own data key, stored sealed under the master key (envelope encryption).

The data key seals everything the educator writes; destroying this one row (`forget`)
makes every copy of that text unreadable at once, wherever a copy survives: WAL, free
pages, dead PostgreSQL tuples, backups.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime

KEY_TABLE = "educator_keys"
NOT_EXPORTED = "not_exported"
"""Table info flag: rows are the coach's own machinery, not the educator's data."""


class EducatorKey(Base):
    __tablename__ = KEY_TABLE
    __table_args__ = {"info": {NOT_EXPORTED: True}}  # noqa: RUF012

    educator_id: Mapped[int] = mapped_column(
        ForeignKey("educators.id", ondelete="CASCADE"), primary_key=True
    )
    # A Fernet key sealed under the newest master key; `coach db rotate-key` re-seals it.
    wrapped_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
