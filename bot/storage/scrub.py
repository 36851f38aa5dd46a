"""After an erasure commits, clear what the database keeps of deleted rows.

SQLite runs with `secure_delete` on (bot/storage/db.py), so deleted rows are zeroed in the
pages that held them; the WAL still holds earlier copies of those pages until a checkpoint,
so a TRUNCATE checkpoint copies the pages home and empties the WAL.

PostgreSQL keeps deleted tuples in the heap until VACUUM; the one that matters is the
destroyed data key (everything else the educator wrote is sealed under it), so the small
key table is rewritten (VACUUM FULL) and its old file dropped. VACUUM FULL copies a deleted
row along while any transaction in the database may still see it (one that began before
the erasure: a long report, pg_dump, an autovacuum ANALYZE), so the rewrite waits, briefly,
until no session holds a snapshot from before the erasing transaction (pg_stat_activity).
If one still does, or the scrub fails (a slow checkpoint under load), a follow-up thread
waits for those sessions, up to FOLLOW_UP_S, and does it all again; the daily retention
job scrubs too, whatever happened.

Then pg_wal, which still holds the wrapped key: the coach switches to a new WAL segment and
asks for a checkpoint, after which PostgreSQL removes the segments before it. That needs
the `pg_checkpoint` role (PostgreSQL 15+) and EXECUTE on pg_switch_wal() (docs/INSTALL.md),
and `wal_recycle = off`, or the old segments are renamed for reuse with their bytes intact;
archiving, `wal_keep_size` and replication slots keep segments too. Whatever keeps them is
logged by name (`erasure_wal_retained`); retiring the master key (`coach db rotate-key`)
makes such copies, and backups, unreadable.

Runs on a connection of its own once the erasing transaction has committed; a failure is
logged and never turns a completed erasure into an error for the educator.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bot.storage.data_keys import KEY_TABLE
from bot.storage.key_cache import forget_cached_keys

log = logging.getLogger("coach.privacy")

PENDING = "scrub_after_commit"
ERASED_BELOW = "scrub_erased_below"
LOCK_TIMEOUT = "5s"
# Waits before rewriting the key table while an older snapshot may still see the key: under
# 2 s in all, as a forget's scrub runs inside the educator's turn (COACH_DB_TIMEOUT_S).
SNAPSHOT_WAITS_S = (0.1, 0.2, 0.5, 1.0)
INSUFFICIENT_PRIVILEGE = "42501"
# A follow-up (outside the turn, in a thread) waits this long for older snapshots to end.
FOLLOW_UP_S = 600.0
FOLLOW_UP_POLL_S = 1.0

_follow_ups: set[threading.Thread] = set()
_follow_ups_lock = threading.Lock()


def scrub_after_commit(session: Session) -> None:
    """Ask for a scrub once this session's current transaction commits (once per session).
    Opened data keys this process cached (bot/storage/key_cache.py) go now and at commit."""
    forget_cached_keys()
    if session.info.get(PENDING):
        return
    session.info[PENDING] = True
    if session.get_bind().dialect.name == "postgresql":
        event.listen(session, "before_commit", _note_erasure_horizon, once=True)
    event.listen(session, "after_commit", _after_commit, once=True)


def _note_erasure_horizon(session: Session) -> None:
    """The first transaction id not yet given out, as the erasing transaction ends: every row
    version it deleted or replaced (savepoints included) carries an id below it."""
    session.flush()
    session.info[ERASED_BELOW] = session.scalar(
        text("SELECT CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text)")
    )


def _after_commit(session: Session) -> None:
    forget_cached_keys()
    session.info.pop(PENDING, None)
    erased_below = session.info.pop(ERASED_BELOW, None)
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    scrub(engine, erased_below)


def scrub(engine: Engine, erased_below: str | None = None) -> dict[str, Any]:
    """Clear residue now; returns what was done (for logs and tests), never raises.

    `erased_below`: on PostgreSQL, a transaction id above the erasure's (None: no wait)."""
    try:
        if engine.dialect.name == "sqlite":
            return _sqlite(engine)
        if engine.dialect.name == "postgresql":
            done = _postgresql(engine, erased_below, SNAPSHOT_WAITS_S)
            if done["older_snapshots"]:
                _follow_up(engine, erased_below)
            return done
    except Exception as exc:
        log.warning("erasure_scrub_failed", extra={"error": type(exc).__name__})
        if engine.dialect.name == "postgresql":
            _follow_up(engine, erased_below)
        return {"failed": type(exc).__name__}
    return {}


def _follow_up(engine: Engine, erased_below: str | None) -> None:
    """Finish the scrub in a thread of its own, once older snapshots are gone (it has none of
    the turn's deadline: threads start with a fresh context)."""

    def run() -> None:
        try:
            polls = round(FOLLOW_UP_S / FOLLOW_UP_POLL_S)
            done = _postgresql(engine, erased_below, (FOLLOW_UP_POLL_S,) * polls)
            log.info(
                "erasure_scrub_followed_up", extra={"older_snapshots": done["older_snapshots"]}
            )
        except Exception as exc:
            log.warning("erasure_scrub_failed", extra={"error": type(exc).__name__})
        finally:
            with _follow_ups_lock:
                _follow_ups.discard(thread)

    thread = threading.Thread(target=run, name="erasure-scrub", daemon=True)
    with _follow_ups_lock:
        _follow_ups.add(thread)
    thread.start()


def wait_for_follow_ups(timeout_s: float) -> bool:
    """Wait for scrubs finishing in the background; True when none is left."""
    deadline = time.monotonic() + timeout_s
    while True:
        with _follow_ups_lock:
            pending = list(_follow_ups)
        if not pending:
            return True
        for thread in pending:
            thread.join(max(0.0, deadline - time.monotonic()))
        if time.monotonic() >= deadline:
            with _follow_ups_lock:
                return not _follow_ups


def _sqlite(engine: Engine) -> dict[str, Any]:
    # Outside any transaction: a connection inside one is a reader the checkpoint waits on.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    busy, wal_pages, moved = (int(value) for value in row)
    if busy:
        # A reader held an older snapshot; the next checkpoint finishes the job.
        log.warning("erasure_checkpoint_busy", extra={"wal_pages": wal_pages, "moved": moved})
    return {"busy": busy, "wal_pages": wal_pages, "moved": moved}


def _postgresql(
    engine: Engine, erased_below: str | None, waits: tuple[float, ...]
) -> dict[str, Any]:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"SET lock_timeout = '{LOCK_TIMEOUT}'"))
        holders = _wait_for_older_snapshots(connection, erased_below, waits)
        if holders:
            # A rewrite now would copy the deleted key along: left to the follow-up (and to
            # the daily job's scrub).
            log.warning("erasure_key_kept_by_older_snapshot", extra={"sessions": holders})
            return {"older_snapshots": holders}
        connection.execute(text(f"VACUUM FULL {KEY_TABLE}"))
        wal = _purge_wal(connection)
    return {"rewritten": KEY_TABLE, "older_snapshots": 0, **wal}


OLDER_SNAPSHOTS = text(
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND (age(backend_xmin) > age(CAST(:x AS xid)) OR age(backend_xid) > age(CAST(:x AS xid)))"
)


def _wait_for_older_snapshots(
    connection: Connection, erased_below: str | None, waits: tuple[float, ...]
) -> int:
    """Sessions of this database whose snapshot (or transaction) is older than the erasure's
    end, so may still see rows it deleted, once the short waits are over (0: VACUUM FULL can
    drop them). Any role may read these columns of pg_stat_activity."""
    if erased_below is None:
        return 0
    # Snapshot ids are 64-bit (epoch and xid); the 32-bit xid is what sessions show.
    xid = str(int(erased_below) % 2**32)
    holders = 0
    for wait in (*waits, None):
        holders = int(connection.scalar(OLDER_SNAPSHOTS, {"x": xid}) or 0)
        if not holders or wait is None:
            return holders
        time.sleep(wait)
    return holders


def _purge_wal(connection: Connection) -> dict[str, Any]:
    """Move to a new WAL segment and checkpoint, so PostgreSQL removes the old segments."""
    try:
        connection.execute(text("SELECT pg_switch_wal()"))
        connection.execute(text("CHECKPOINT"))
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        reason = "insufficient_privilege" if code == INSUFFICIENT_PRIVILEGE else "error"
        log.warning(
            "erasure_wal_not_purged", extra={"reason": reason, "error": type(exc.orig).__name__}
        )
        return {"wal_purged": False, "wal_not_purged": reason}
    retained = _wal_retained_by(connection)
    if retained:
        log.warning("erasure_wal_retained", extra={"by": ",".join(retained)})
    return {"wal_purged": not retained, "wal_retained_by": retained}


def _wal_retained_by(connection: Connection) -> list[str]:
    """Settings that keep old WAL bytes after a checkpoint (readable by any role)."""
    row = connection.execute(
        text(
            "SELECT current_setting('wal_recycle'), current_setting('archive_mode'), "
            "pg_size_bytes(current_setting('wal_keep_size')), "
            "(SELECT count(*) FROM pg_replication_slots)"
        )
    ).one()
    recycle, archive, keep_bytes, slots = row
    retained = []
    if recycle == "on":
        retained.append("wal_recycle")
    if archive != "off":
        retained.append("archive_mode")
    if int(keep_bytes or 0) > 0:
        retained.append("wal_keep_size")
    if int(slots or 0) > 0:
        retained.append("replication_slots")
    return retained
