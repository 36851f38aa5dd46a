"""`journal`: recent reflections, their planned actions and how they went."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import messages
from bot.followthrough import action_awaiting_check_in
from bot.localtime import educator_zone, local_date_label
from bot.nudges.compose import checkin_question
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
    replies: list[Reply] = [Text("\n".join(lines)), Text(follow_through_summary(turn))]
    pending = action_awaiting_check_in(turn)
    if pending is not None:
        # Check in right here, without waiting for the next reflection or nudge.
        replies.append(checkin_question(pending, turn.library, turn.sealer, educator_zone(turn)))
    return replies


def follow_through_summary(turn: Turn) -> str:
    """Actions planned and how they went, overall and per topic, across the whole journal."""
    rows = turn.session.execute(
        select(Reflection.topic, Reflection.action_status, func.count())
        .where(Reflection.educator_id == turn.educator.id)
        .group_by(Reflection.topic, Reflection.action_status)
    ).all()
    totals: dict[str, int] = {}
    per_topic: dict[str, dict[str, int]] = {}
    for topic, status, count in rows:
        totals[status] = totals.get(status, 0) + count
        per_topic.setdefault(topic, {})[status] = count
    planned = sum(totals.values())
    lines = [
        messages.FOLLOW_THROUGH.format(
            planned=messages.count_of(planned, "action"),
            done=totals.get("done", 0),
            partly=totals.get("partly", 0),
            not_yet=totals.get("not_yet", 0),
            waiting=totals.get("planned", 0),
        )
    ]
    for topic in sorted(per_topic, key=lambda slug: -sum(per_topic[slug].values())):
        counts = per_topic[topic]
        lines.append(
            messages.FOLLOW_THROUGH_TOPIC.format(
                title=turn.library.title(topic),
                done=counts.get("done", 0),
                planned=sum(counts.values()),
            )
        )
    return "\n".join(lines)
