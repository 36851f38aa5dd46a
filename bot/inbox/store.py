"""The inbox's rows: accepted, claimed by a turn, answered, finished, or taken over after a
process died (claimed longer ago than LEASE). Each function runs in the caller's session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from bot.educators import find_or_add_educator
from bot.inbox.codec import dump_replies, load_replies
from bot.inbox.models import InboxMessage
from bot.replies import Reply
from bot.storage.keyring import EducatorSealer, Keyring
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


def accept(session: Session, keyring: Keyring, delivery: Arrival, now: datetime) -> int | None:
    """Keep the message; its row id, or None when this delivery is already kept (a retry)."""
    educator, met_now = find_or_add_educator(
        session, delivery.platform, delivery.workspace, delivery.user, now, lock=False
    )
    same = select(InboxMessage).where(
        InboxMessage.platform == delivery.platform,
        InboxMessage.delivery_id == delivery.delivery_id[:255],
    )
    if session.scalar(same) is not None:
        return None
    sealer = keyring.for_educator(session, educator)
    row = InboxMessage(
        platform=delivery.platform,
        delivery_id=delivery.delivery_id[:255],
        educator_id=educator.id,
        kind=delivery.kind,
        first_contact=met_now,
        payload=sealer.seal(json.dumps(delivery.payload, ensure_ascii=False)),
        replies=None,
        received_at=now,
        claimed_at=now,
    )
    kept = add_once(session, row, lambda: session.scalar(same))
    return row.id if kept is row else None


def claim_for_turn(session: Session, row_id: int) -> InboxMessage | None:
    """The row, locked for the turn; None when it was finished (or its educator forgotten)."""
    return session.scalar(select(InboxMessage).where(InboxMessage.id == row_id).with_for_update())


def stored_replies(sealer: EducatorSealer, row: InboxMessage) -> list[Reply] | None:
    """The replies a turn already saved (the process died before sending them)."""
    return None if row.replies is None else load_replies(sealer.unseal(row.replies))


def record_replies(sealer: EducatorSealer, row: InboxMessage, replies: list[Reply]) -> None:
    row.replies = sealer.seal(dump_replies(replies))


def finish(session: Session, row_id: int) -> None:
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
