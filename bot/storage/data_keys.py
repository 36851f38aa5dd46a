"""Each educator's own data key, stored sealed under the master key (envelope encryption).

The data key seals everything the educator writes; destroying this one row (`forget`)
makes every copy of that text unreadable at once, wherever a copy survives: WAL, free
pages, dead PostgreSQL tuples, backups.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text, text
from sqlalchemy.orm import Mapped, Session, mapped_column

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


# pg_advisory_xact_lock's first key: "the data key of educator <second key>".
DATA_KEY_LOCK = 0x636B


def lock_data_key(session: Session, educator_id: int, *, shared: bool) -> None:
    """Hold the educator's data key steady until this transaction ends (PostgreSQL).

    Writers take it shared just before they commit text sealed under the key; re-keying
    (bot/privacy/rekey.py) takes it exclusively. An advisory lock, so it writes nothing.
    SQLite needs none: it has one writer at a time, and both sides check while writing.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    session.execute(
        text(f"SELECT {function}(:space, :educator)"),
        {"space": DATA_KEY_LOCK, "educator": educator_id},
    )
