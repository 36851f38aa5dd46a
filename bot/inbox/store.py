"""The inbox's rows: accepted, claimed by a turn, answered, finished, or taken over after a
process died (claimed longer ago than LEASE). Each function runs in the caller's session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Insert, Table, bindparam, delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.educators import find_or_add_educator
from bot.inbox.codec import dump_replies, load_replies
from bot.inbox.models import InboxMessage
from bot.replies import Reply
from bot.storage.data_keys import EducatorKey
from bot.storage.key_cache import OpenedKey
from bot.storage.keyring import (
    DataKeyChangedError,
    EducatorSealer,
    Keyring,
    seal_with_data_key,
)
from bot.storage.models import Educator
from bot.storage.sealing import SealError
from bot.storage.twins import add_once

# How long a process may take over a message (turn and sending) before another one may
# take it over: far above a turn's COACH_DB_TIMEOUT_S plus a platform's slow answers.
LEASE = timedelta(seconds=30)


@dataclass(frozen=True)
class Arrival:
    """One platform message, as the adapter needs it to run the turn (again, after a restart)."""

    platform: str
    workspace: str
    user: str
    delivery_id: str
    kind: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Unfinished:
    row_id: int
    delivery: Arrival


def commit_without_flush_wait(session: Session) -> None:
    """PostgreSQL: this transaction's commit returns before its WAL reaches the disk. The
    row is then safe from the coach's process dying (the threat the inbox is for), though
    not from the database server crashing in the next fraction of a second; the ack it
    delays waits a few milliseconds less."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL synchronous_commit TO OFF"))


def _payload_text(delivery: Arrival) -> str:
    return json.dumps(delivery.payload, ensure_ascii=False)


@dataclass(frozen=True)
class Accepted:
    """`row_id`: None when this delivery was kept before (a retry). `key`: the educator's
    data key as the transaction opened it (educator id, wrapped, raw), for the key cache."""

    row_id: int | None
    key: tuple[int, str, bytes] | None = None


def accept(session: Session, keyring: Keyring, delivery: Arrival, now: datetime) -> Accepted:
    """Keep the message: the educator found or met, their data key opened (or made)."""
    educator, met_now = find_or_add_educator(
        session, delivery.platform, delivery.workspace, delivery.user, now, lock=False
    )
    same = select(InboxMessage).where(
        InboxMessage.platform == delivery.platform,
        InboxMessage.delivery_id == delivery.delivery_id[:255],
    )
    if session.scalar(same) is not None:
        return Accepted(None)
    sealer = keyring.for_educator(session, educator)
    row = InboxMessage(
        platform=delivery.platform,
        delivery_id=delivery.delivery_id[:255],
        educator_id=educator.id,
        kind=delivery.kind,
        first_contact=met_now,
        payload=sealer.seal(_payload_text(delivery)),
        replies=None,
        received_at=now,
        claimed_at=now,
    )
    kept = add_once(session, row, lambda: session.scalar(same))
    return Accepted(row.id if kept is row else None, sealer.opened_key())


def _insert_while_key_current(dialect: str) -> Insert:
    """INSERT INTO inbox_messages (...) SELECT ... FROM educator_keys WHERE educator_id = :e
    AND wrapped_key = :wrapped ON CONFLICT (platform, delivery_id) DO NOTHING RETURNING id."""
    inbox = cast(Table, InboxMessage.__table__)
    keys = cast(Table, EducatorKey.__table__)
    columns = inbox.c
    values = select(
        bindparam("platform", type_=columns.platform.type),
        bindparam("delivery_id", type_=columns.delivery_id.type),
        keys.c.educator_id,
        bindparam("kind", type_=columns.kind.type),
        bindparam("first_contact", type_=columns.first_contact.type),
        bindparam("payload", type_=columns.payload.type),
        bindparam("received_at", type_=columns.received_at.type),
        bindparam("claimed_at", type_=columns.claimed_at.type),
    ).where(
        keys.c.educator_id == bindparam("educator_id"),
        keys.c.wrapped_key == bindparam("wrapped"),
    )
    names = [
        "platform",
        "delivery_id",
        "educator_id",
        "kind",
        "first_contact",
        "payload",
        "received_at",
        "claimed_at",
    ]
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        make(inbox)
        .from_select(names, values)
        .on_conflict_do_nothing(index_elements=["platform", "delivery_id"])
        .returning(columns.id)
    )


_INSERTS = {name: _insert_while_key_current(name) for name in ("postgresql", "sqlite")}


def accept_known(
    connection: Connection, key: OpenedKey, delivery: Arrival, now: datetime
) -> int | None:
    """Keep a message from an educator whose opened data key is cached: one statement, no
    educator look-up, no unwrap, on a plain connection (no ORM session: this is the write
    every acknowledgement waits for). Its row id, or None when it was not kept this way (a retry
    of a kept delivery, or the key went or changed since it was cached): the caller then
    takes `accept`, which knows which.

    Raises DataKeyChangedError when the key was replaced (re-keying) between this
    statement's snapshot and its end (PostgreSQL): nothing may be committed then."""
    row_id: int | None = connection.scalar(
        _INSERTS[connection.dialect.name],
        {
            "platform": delivery.platform,
            "delivery_id": delivery.delivery_id[:255],
            "educator_id": key.educator_id,
            "wrapped": key.wrapped,
            "kind": delivery.kind,
            "first_contact": False,
            "payload": seal_with_data_key(key.fernet, _payload_text(delivery)),
            "received_at": now,
            "claimed_at": now,
        },
    )
    if row_id is not None and not _key_still(connection, key):
        raise DataKeyChangedError("the data key changed while this message was kept")
    return row_id


def _key_still(connection: Connection, key: OpenedKey) -> bool:
    """Whether the key the insert sealed with is still the educator's, and (PostgreSQL) the
    commit without waiting for its WAL flush (`commit_without_flush_wait`), in one statement.

    SQLite: one writer at a time from BEGIN IMMEDIATE on, so the key the insert read is the
    key at commit. PostgreSQL: the insert read the key in a snapshot from its start, and its
    foreign key check then took a share lock on the educator's row. Re-keying locks that row
    first (bot/privacy/rekey.py), so a re-key that held it made the insert wait and has
    committed by now (it shows in this statement's fresh snapshot), and any later one waits
    for this transaction to end. The writers' advisory lock (`lock_data_key`) adds nothing
    here: it orders writers that hold no lock on the educator's row."""
    if connection.dialect.name != "postgresql":
        return True
    current = select(EducatorKey.wrapped_key).where(EducatorKey.educator_id == key.educator_id)
    found = connection.execute(
        select(current.scalar_subquery(), func.set_config("synchronous_commit", "off", True))
    ).one()
    return bool(found[0] == key.wrapped)


def claim_for_turn(session: Session, row_id: int) -> InboxMessage | None:
    """The row, locked for the turn; None when it was finished (or its educator forgotten)."""
    return session.scalar(select(InboxMessage).where(InboxMessage.id == row_id).with_for_update())


def stored_replies(sealer: EducatorSealer, row: InboxMessage) -> list[Reply] | None:
    """The replies a turn already saved (the process died before sending them)."""
    return None if row.replies is None else load_replies(sealer.unseal(row.replies))


def record_replies(sealer: EducatorSealer, row: InboxMessage, replies: list[Reply]) -> None:
    row.replies = sealer.seal(dump_replies(replies))


def finish(session: Session, row_id: int) -> None:
    """The message was answered: it leaves the inbox. Until this commits, a process that
    takes over would send its replies again, so the commit does not wait for the WAL flush
    (a crashed database server could then resend one answer; nothing is ever lost)."""
    commit_without_flush_wait(session)
    session.execute(delete(InboxMessage).where(InboxMessage.id == row_id))


def claim_unfinished(
    session: Session, keyring: Keyring, platform: str, now: datetime, limit: int
) -> list[Unfinished]:
    """Rows whose process died (claimed longer ago than LEASE), claimed for this one.
    SKIP LOCKED: several processes sweeping at once each take different rows."""
    rows = session.execute(
        select(InboxMessage, Educator.workspace, Educator.user_id)
        .join(Educator, Educator.id == InboxMessage.educator_id)
        .where(InboxMessage.platform == platform, InboxMessage.claimed_at < now - LEASE)
        .order_by(InboxMessage.id)
        .limit(limit)
        .with_for_update(of=InboxMessage, skip_locked=True)
    ).all()
    found: list[Unfinished] = []
    for row, workspace, user in rows:
        row.claimed_at = now
        try:
            sealed = keyring.for_educator(session, row.educator_id).unseal(row.payload)
        except SealError:
            continue  # no configured key opens it: left for a process that has the key
        payload = json.loads(sealed)
        delivery = Arrival(
            platform=row.platform,
            workspace=workspace,
            user=user,
            delivery_id=row.delivery_id,
            kind=row.kind,
            payload=payload,
        )
        found.append(Unfinished(row_id=row.id, delivery=delivery))
    return found
