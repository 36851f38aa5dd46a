"""Keeping a subscription's precomputed next send time right: the one place it is computed."""

from __future__ import annotations

from collections.abc import Collection, Container
from datetime import datetime, time, timedelta
from typing import Protocol

from sqlalchemy import ColumnElement, Select, and_, select, update
from sqlalchemy.orm import Session

from bot.storage.sets import id_in
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription
from bot.weekly.models import (
    LedgerColumns,
    LedgerStatus,
    NudgeLedger,
    ScheduleColumns,
    Subscription,
)
from bot.weekly.rhythm import local_monday, on_rhythm
from bot.weekly.schedule import WeeklyRule, next_send_after, week_key, zone_info

DEFAULT_WEEKDAY = 1  # Tuesday
DEFAULT_LOCAL_TIME = "07:30"  # before the first bell


# Each subscription kind and the ledger that records its weeks.
LEDGERS: dict[type[ScheduleColumns], type[LedgerColumns]] = {
    Subscription: NudgeLedger,
    ChannelSubscription: ChannelLedger,
}


def ledger_of(subscription: ScheduleColumns) -> type[LedgerColumns]:
    return LEDGERS[type(subscription)]


def rule_of(subscription: ScheduleColumns) -> WeeklyRule:
    hours, _, minutes = subscription.local_time.partition(":")
    return WeeklyRule(subscription.weekday, time(int(hours), int(minutes)), subscription.timezone)


def subscription_of(session: Session, educator_id: int) -> Subscription | None:
    return session.scalar(select(Subscription).where(Subscription.educator_id == educator_id))


def schedule_defaults(zone: str, now: datetime) -> dict[str, object]:
    """The settings a new subscription of any kind starts with (off)."""
    return {
        "enabled": False,
        "weekday": DEFAULT_WEEKDAY,
        "local_time": DEFAULT_LOCAL_TIME,
        "timezone": zone,
        "focus_topic": None,
        "topic_order": None,
        "rotation_cycle": 0,
        "rotation_seen": "",
        "focus_step": 0,
        "every_weeks": 1,
        "unanswered": 0,
        "created_at": now,
        "updated_at": now,
    }


def new_subscription(educator_id: int, zone: str, now: datetime) -> Subscription:
    return Subscription(educator_id=educator_id, **schedule_defaults(zone, now))


# A week waiting for its reminder had its message already.
HANDLED = (*LedgerStatus.FINAL, LedgerStatus.REMIND)


def _week_done(
    session: Session,
    subscription: ScheduleColumns,
    slot: datetime,
    handled: Container[str] | None,
) -> bool:
    if subscription.id is None:
        return False
    week = week_key(slot, subscription.timezone)
    if handled is not None:
        return week in handled
    ledger = ledger_of(subscription)
    status = session.scalar(
        select(ledger.status).where(ledger.subscription_id == subscription.id, ledger.week == week)
    )
    return status in HANDLED


def handled_weeks(
    session: Session, ledger: type[LedgerColumns], subscription_ids: Collection[int], since: str
) -> dict[int, set[str]]:
    """The weeks from `since` on (an ISO week, "2026-W47") that already had their message,
    for many subscriptions in one query: `reschedule`'s look-up for a group of rows (the
    tick's recording). Call after flushing what the group changed."""
    rows = session.execute(
        select(ledger.subscription_id, ledger.week).where(
            id_in(session, ledger.subscription_id, subscription_ids),
            ledger.week >= since,
            ledger.status.in_(HANDLED),
        )
    )
    weeks: dict[int, set[str]] = {}
    for subscription_id, week in rows:
        weeks.setdefault(subscription_id, set()).add(week)
    return weeks


def reschedule(
    session: Session,
    subscription: ScheduleColumns,
    after: datetime,
    handled: Container[str] | None = None,
) -> None:
    """Set the next slot strictly after `after` (and after any pause) that is on the rhythm,
    skipping a week that already had its nudge; off subscriptions have no next send.
    `handled`: the subscription's weeks from `after`'s on that had their message, when the
    caller looked them up for many (`handled_weeks`); else each week is looked up."""
    if not subscription.enabled:
        subscription.slot_at = None
        subscription.slot_day = None
        subscription.next_send_at = None
        return
    if paused_at(subscription, after):
        after = subscription.paused_until or after
    rule = rule_of(subscription)
    slot = next_send_after(rule, after)
    # Weeks off the rhythm (at most 3), a break asked for ahead, and a week already handled
    # (settings changed after its nudge) and the rhythm's next week after it.
    for _ in range(12):
        if paused_at(subscription, slot):
            slot = next_send_after(rule, subscription.paused_until or slot)
            continue
        if on_rhythm(subscription, slot) and not _week_done(session, subscription, slot, handled):
            break
        slot = next_send_after(rule, slot)
    plan(subscription, slot)


class HasPause(Protocol):
    """What a pause is read from: a subscription's row, or the settings App Home shows."""

    @property
    def paused_until(self) -> datetime | None: ...

    @property
    def pause_from(self) -> datetime | None: ...


def paused_at(subscription: HasPause, moment: datetime) -> bool:
    """Whether a send at `moment` falls in the pause: from now, or from a break's first day
    asked for ahead (`pause_from`), until `paused_until`."""
    until, start = subscription.paused_until, subscription.pause_from
    return until is not None and moment < until and (start is None or start <= moment)


def pause_ahead(subscription: ScheduleColumns, now: datetime) -> bool:
    """A break asked for ahead that has not begun yet."""
    start = subscription.pause_from
    return start is not None and start > now and subscription.paused_until is not None


def plan(subscription: ScheduleColumns, slot: datetime) -> None:
    """The next send is `slot`: also note its local date for the school calendar."""
    subscription.slot_at = slot
    subscription.slot_day = slot.astimezone(zone_info(subscription.timezone)).date()
    subscription.next_send_at = slot


def set_rhythm(
    subscription: ScheduleColumns, every: int, now: datetime, *, spaced_from_last: bool = False
) -> None:
    """Every `every` weeks, the first being the week of the next usual send after `now`; when
    asked for (`spaced_from_last`), at least that many weeks after the last one sent: "every
    other week" said the day after a nudge had brought the next one six days later."""
    after = (subscription.paused_until or now) if paused_at(subscription, now) else now
    if spaced_from_last and subscription.last_sent_at is not None and every > 1:
        after = max(after, subscription.last_sent_at + timedelta(weeks=every) - RHYTHM_SLACK)
    subscription.every_weeks = every
    subscription.rhythm_from = local_monday(
        next_send_after(rule_of(subscription), after), subscription.timezone
    )


# A send a little earlier in its week than the last one (a day moved) still keeps the rhythm.
RHYTHM_SLACK = timedelta(days=1)


def turn_off(subscription: ScheduleColumns, reason: str, now: datetime) -> None:
    subscription.enabled = False
    subscription.off_reason = reason[:64]
    subscription.slot_at = None
    subscription.slot_day = None
    subscription.next_send_at = None
    subscription.updated_at = now


def turn_off_for_educators(
    session: Session, educator_ids: Select[int], reason: str, now: datetime
) -> None:
    """Turn off the subscriptions of every educator the select names (one UPDATE)."""
    turn_off_where(session, Subscription, Subscription.educator_id.in_(educator_ids), reason, now)


def turn_off_channels(
    session: Session, platform: str, workspace: str, channels: list[str], reason: str, now: datetime
) -> None:
    """Turn off the team prompts of the named channels (one UPDATE)."""
    condition = and_(
        ChannelSubscription.platform == platform,
        ChannelSubscription.workspace == workspace,
        ChannelSubscription.channel.in_(channels),
    )
    turn_off_where(session, ChannelSubscription, condition, reason, now)


def turn_off_where(
    session: Session,
    kind: type[Subscription] | type[ChannelSubscription],
    condition: ColumnElement[bool],
    reason: str,
    now: datetime,
) -> None:
    session.execute(
        update(kind)
        .where(condition, kind.enabled.is_(True))
        .values(
            enabled=False,
            off_reason=reason[:64],
            slot_at=None,
            slot_day=None,
            next_send_at=None,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
