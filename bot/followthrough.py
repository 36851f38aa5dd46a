"""Planned actions and how they went: shared by reflections, nudges and the journal."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from textwrap import shorten
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot import messages
from bot.localtime import educator_zone, local_date_label
from bot.nudges.compose import checkin_question
from bot.offers import how_it_went_asked, keep_going_asked, make_offer, nudge_card_asked
from bot.planned_day import day_still_ahead
from bot.replies import Choices
from bot.storage.models import Reflection
from bot.storage.sealing import Sealer
from bot.turn import Turn
from bot.weekly.models import LedgerStatus, NudgeLedger, Subscription

OUTCOMES = ("done", "partly", "not_yet")
# Within this long of choosing an action, the journal offers to note how it went once it is
# done rather than asking "How did it go?" about something chosen a minute ago.
CHECK_IN_AFTER = timedelta(hours=1)
# A message typed under a weekly nudge answers what it asked ("How did it go?", its card's
# buttons, the keep-going question) when it is the first word since the nudge came and comes
# within this long (the evening it came, or the next day).
NUDGE_ANSWER_LASTS = timedelta(days=2)


def action_awaiting_check_in(turn: Turn) -> Reflection | None:
    """The most recent reflection whose planned action has not been checked in on."""
    return awaiting_check_in(turn.session, turn.educator.id)


def nudge_left_open(turn: Turn) -> str | None:
    """What the weekly nudge asked, kept as if asked in a reply, when this is the educator's
    first word since it came (within NUDGE_ANSWER_LASTS): its "How did it go?" while that
    action still waits (`how_it_went_asked`), else its card's buttons (`nudge_card_asked`),
    so "sent the note home, mom wrote back" or "did it already lol" typed under it answers
    it; or the keep-going question (`keep_going_asked`). Read here rather than written by
    the scheduler, which never touches a conversation."""
    sent = turn.session.scalar(
        select(NudgeLedger)
        .join(Subscription, Subscription.id == NudgeLedger.subscription_id)
        .where(
            Subscription.educator_id == turn.educator.id,
            NudgeLedger.status.in_((LedgerStatus.SENT, LedgerStatus.REMIND)),
            NudgeLedger.finished_at > turn.now - NUDGE_ANSWER_LASTS,
        )
        .order_by(NudgeLedger.finished_at.desc(), NudgeLedger.due_at.desc())  # latest week
        .limit(1)
    )
    if sent is None or sent.finished_at is None:
        return None
    if turn.seen_before is not None and turn.seen_before >= sent.finished_at:
        return None  # they have written or clicked since: that was the answer, or not one
    pending = action_awaiting_check_in(turn) if sent.checkin_reflection_id is not None else None
    if pending is not None and pending.id == sent.checkin_reflection_id:
        ahead = day_still_ahead(
            turn.sealer.unseal(pending.action),
            pending.created_at,
            sent.finished_at,
            educator_zone(turn),
        )
        if ahead is None:  # (the nudge asked nothing about an action whose day was ahead)
            return how_it_went_asked(pending.id)
    if sent.ask:
        return keep_going_asked(sent.id)
    if sent.response is not None or sent.topic is None:
        return None  # a card already answered
    return nudge_card_asked(sent.id)


def ask_how_it_went(turn: Turn, pending: Reflection, *, asked_for: bool = False) -> Choices:
    """ "How did it go?" about the action waiting for a check-in (the journal's, `checkin`'s,
    a hello's), and the next message read as its answer (bot/offers.py); about an action
    chosen within the hour, an invitation to tell once it is done, whose answer is read only
    when the educator asked to check in (`asked_for`: "checkin", then "yep did it!")."""
    recent = turn.now - pending.created_at < CHECK_IN_AFTER
    question = messages.JOURNAL_CHECKIN_LATER if recent else messages.JOURNAL_CHECKIN_QUESTION
    if asked_for or not recent:
        make_offer(turn.educator, how_it_went_asked(pending.id), turn.now)
    return checkin_question(pending, turn.library, turn.sealer, educator_zone(turn), question)


def awaiting_check_in(session: Session, educator_id: int) -> Reflection | None:
    """The same, outside a conversation (the weekly nudge asks it too)."""
    latest = session.scalar(
        select(Reflection)
        .where(Reflection.educator_id == educator_id)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
        .limit(1)
    )
    return latest if latest is not None and latest.action_status == "planned" else None


# An action chosen less than this long ago is not asked "How did it go?" (by a reflection's
# start or by the weekly nudge): it would only be answered "not yet", and count as a miss.
ACTION_TOO_NEW_TO_ASK = timedelta(hours=12)


def check_in_waiting(
    educator_id: ColumnElement[int] | InstrumentedAttribute[int], now: datetime
) -> Any:
    """`awaiting_check_in` as SQL, correlated to an educator id column (the clock's due
    query): the id of their latest reflection if its action still awaits a check-in and was
    not chosen within ACTION_TOO_NEW_TO_ASK of `now` (a nudge on the morning an action was
    chosen had asked how it went)."""
    asked = and_(
        Reflection.action_status == "planned",
        Reflection.created_at <= now - ACTION_TOO_NEW_TO_ASK,
    )
    return (
        select(case((asked, Reflection.id), else_=None))
        .where(Reflection.educator_id == educator_id)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
        .limit(1)
        .scalar_subquery()
        .label("checkin_waiting")
    )


def record_outcome(
    reflection: Reflection, status: str, note: str | None, sealer: Sealer, now: datetime
) -> None:
    if status not in OUTCOMES:
        raise ValueError(f"unknown outcome {status!r}")
    reflection.action_status = status
    reflection.outcome_at = now
    if note:
        reflection.outcome_note = sealer.seal(note)


def recent_reflections(turn: Turn, limit: int) -> list[Reflection]:
    """The educator's latest reflections, newest first."""
    return list(
        turn.session.scalars(
            select(Reflection)
            .where(Reflection.educator_id == turn.educator.id)
            .order_by(Reflection.created_at.desc(), Reflection.id.desc())
            .limit(limit)
        )
    )


def journal_lines(turn: Turn, entries: list[Reflection]) -> list[str]:
    """One entry per reflection: date, topic, planned action, and how it went."""
    lines = []
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
        lines += [
            messages.JOURNAL_OWN_WORDS.format(answer=shorten(answer, JOURNAL_ANSWER_CHARS))
            for answer in _own_answers(turn, entry)
        ]
    return lines


# Each answer is shortened in the journal; `export` has them whole.
JOURNAL_ANSWER_CHARS = 140


def _own_answers(turn: Turn, entry: Reflection) -> list[str]:
    """The educator's own answers to the reflection's questions, skipped ones left out."""
    try:
        pairs = json.loads(turn.sealer.unseal(entry.answers))
    except (ValueError, TypeError):
        return []
    return [str(pair.get("answer", "")).strip() for pair in pairs if pair.get("answer")]


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
            planned=messages.counted(planned, messages.ACTIONS_COUNTED),
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
