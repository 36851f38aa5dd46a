"""Planned actions and how they went: shared by reflections, nudges and the journal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import Reflection
from bot.storage.sealing import Sealer
from bot.turn import Turn

OUTCOMES = ("done", "partly", "not_yet")


def action_awaiting_check_in(turn: Turn) -> Reflection | None:
    """The most recent reflection whose planned action has not been checked in on."""
    return awaiting_check_in(turn.session, turn.educator.id)


def awaiting_check_in(session: Session, educator_id: int) -> Reflection | None:
    """The same, outside a conversation (the weekly nudge asks it too)."""
    latest = session.scalar(
        select(Reflection)
        .where(Reflection.educator_id == educator_id)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
        .limit(1)
    )
    return latest if latest is not None and latest.action_status == "planned" else None


def record_outcome(
    reflection: Reflection, status: str, note: str | None, sealer: Sealer, now: datetime
) -> None:
    if status not in OUTCOMES:
        raise ValueError(f"unknown outcome {status!r}")
    reflection.action_status = status
    reflection.outcome_at = now
    if note:
        reflection.outcome_note = sealer.seal(note)
