"""After an erasure commits, clear what the database keeps of deleted rows.

SQLite runs with `secure_delete` on (bot/storage/db.py), so deleted rows are zeroed in the
pages that held them; the WAL still holds earlier copies of those pages until a checkpoint,
so a TRUNCATE checkpoint copies the pages home and empties the WAL.

PostgreSQL keeps deleted tuples in the heap until VACUUM; the one that matters is the
destroyed data key (everything else the educator wrote is sealed under it), so the small
key table is rewritten (VACUUM FULL) and its old file dropped. pg_wal and backups still
hold the wrapped key until they age out: retiring the master key that wrapped it (`coach
db rotate-key`, then removing the old key) makes those copies unreadable too.

Runs on a connection of its own once the erasing transaction has committed; a failure is
logged and never turns a completed erasure into an error for the educator.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from bot.storage.data_keys import KEY_TABLE

log = logging.getLogger("coach.privacy")

PENDING = "scrub_after_commit"
LOCK_TIMEOUT = "5s"


def scrub_after_commit(session: Session) -> None:
    """Ask for a scrub once this session's current transaction commits (once per session)."""
    if session.info.get(PENDING):
        return
    session.info[PENDING] = True
    event.listen(session, "after_commit", _after_commit, once=True)


def _after_commit(session: Session) -> None:
    session.info.pop(PENDING, None)
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    scrub(engine)


def scrub(engine: Engine) -> dict[str, Any]:
    """Clear residue now; returns what was done (for logs and tests), never raises."""
    try:
        if engine.dialect.name == "sqlite":
            return _sqlite(engine)
        if engine.dialect.name == "postgresql":
            return _postgresql(engine)
    except Exception as exc:
        log.warning("erasure_scrub_failed", extra={"error": type(exc).__name__})
        return {"failed": type(exc).__name__}
    return {}


def _sqlite(engine: Engine) -> dict[str, Any]:
    # Outside any transaction: a connection inside one is a reader the checkpoint waits on.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    busy, wal_pages, moved = (int(value) for value in row)
    if busy:
        # A reader held an older snapshot; the next checkpoint finishes the job.
        log.warning("erasure_checkpoint_busy", extra={"wal_pages": wal_pages, "moved": moved})
    return {"busy": busy, "wal_pages": wal_pages, "moved": moved}


def _postgresql(engine: Engine) -> dict[str, Any]:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"SET lock_timeout = '{LOCK_TIMEOUT}'"))
        connection.execute(text(f"VACUUM FULL {KEY_TABLE}"))
    return {"rewritten": KEY_TABLE}
