"""`journal`: recent reflections, their planned actions and how they went."""

from __future__ import annotations

from sqlalchemy import select

from bot import messages
from bot.localtime import local_date_label
from bot.replies import Reply, Text
from bot.storage.models import Reflection
from bot.turn import Turn

JOURNAL_LENGTH = 10


def handle_journal(turn: Turn, args: str) -> list[Reply]:
    entries = turn.session.scalars(
        select(Reflection)
        .where(Reflection.educator_id == turn.educator.id)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
        .limit(JOURNAL_LENGTH)
    ).all()
    if not entries:
        return [Text(messages.JOURNAL_EMPTY)]
    lines = [messages.JOURNAL_HEADER]
    for entry in entries:
        status = messages.STATUS_LABELS.get(entry.action_status, entry.action_status)
        if entry.outcome_note:
            status = f"{status} ({turn.sealer.unseal(entry.outcome_note)})"
        lines.append(
            messages.JOURNAL_ENTRY.format(
                date=local_date_label(entry.created_at, turn),
                title=turn.library.title(entry.topic),
                action=turn.sealer.unseal(entry.action),
                status=status,
            )
        )
    return [Text("\n".join(lines))]
