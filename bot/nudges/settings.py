"""Reading and changing one educator's subscription from a conversation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.nudges.compose import local_label
from bot.storage.twins import add_once
from bot.turn import Turn
from bot.weekly.models import LedgerStatus, NudgeLedger, ScheduleColumns, Subscription
from bot.weekly.rotation import upcoming_topic
from bot.weekly.schedule import zone_info
from bot.weekly.subscriptions import new_subscription, subscription_of
from content.schema import NUDGE_TOPICS

WEEK_SECONDS = 7 * 24 * 3600


def default_zone(turn: Turn) -> str:
    """The platform's zone for this educator when it is a real one, else COACH_DEFAULT_TZ."""
    for name in (turn.educator.timezone, turn.settings.coach_default_tz):
        if name:
            try:
                return zone_info(name).key
            except ValueError:
                continue
    return "UTC"


def ensure_subscription(turn: Turn) -> Subscription:
    """The educator's subscription, created (off, with defaults) on first use."""
    session, educator_id = turn.session, turn.educator.id
    subscription = subscription_of(session, educator_id)
    if subscription is None:
        subscription = add_once(
            session,
            new_subscription(educator_id, default_zone(turn), turn.now),
            lambda: subscription_of(session, educator_id),
        )
    return subscription


def subscription_zone(subscription: ScheduleColumns) -> ZoneInfo:
    try:
        return zone_info(subscription.timezone)
    except ValueError:
        return ZoneInfo("UTC")


def next_label(subscription: ScheduleColumns, at: datetime | None = None) -> str:
    """When the next send comes (`at` when the school calendar moves it), in its own zone."""
    moment = at or subscription.next_send_at
    if moment is None:
        return "-"
    zone = subscription_zone(subscription)
    return f"{local_label(moment, zone)} ({zone.key})"


def this_weeks_topic(
    session: Session, educator_id: int, now: datetime, topics: Sequence[str] = NUDGE_TOPICS
) -> str | None:
    """The topic of the nudge sent in the last week, else the upcoming one (`topics`: the
    educator's default order); None when off."""
    subscription = subscription_of(session, educator_id)
    if subscription is None or not subscription.enabled:
        return None
    latest = session.execute(
        select(NudgeLedger.topic, NudgeLedger.due_at)
        .where(
            NudgeLedger.subscription_id == subscription.id,
            NudgeLedger.status == LedgerStatus.SENT,
        )
        .order_by(NudgeLedger.due_at.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.topic and (now - latest.due_at).total_seconds() < WEEK_SECONDS:
        return str(latest.topic)
    return upcoming_topic(subscription, topics)
