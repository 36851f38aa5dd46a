"""Backing off, kindly: after a silence (`QuietRule`: an educator's 3 nudges in a row with
no click and no reply; a channel's 6 weeks of team prompts with no word back), the next send
asks once whether to keep going, go every 4 weeks, or stop, and then nothing more goes out
until it is answered or 4 weeks pass. After that quiet, if there is still no word, sends
carry on every 4 weeks and the question is not asked again.

Everything is read from the subscription's own columns and the owner's `last_heard` (for an
educator, `last_seen_at`, moved by every message and click; for a channel, `last_heard_at`),
which the tick's due query has already loaded: backing off adds no query to the tick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.weekly.models import ScheduleColumns
from bot.weekly.rhythm import local_monday
from bot.weekly.schedule import local_to_utc, zone_info
from bot.weekly.subscriptions import reschedule, set_rhythm, turn_off

QUIET_WAIT = timedelta(weeks=4)
QUIET_RHYTHM = 4  # weeks between sends once the quiet ran out unanswered


def note_heard(subscription: ScheduleColumns, heard: datetime | None) -> None:
    """A click or a message since the last send starts the count again."""
    sent = subscription.last_sent_at
    if heard is not None and sent is not None and heard > sent:
        subscription.unanswered = 0
        subscription.asked_at = None


@dataclass(frozen=True)
class QuietRule:
    """How long a silence lasts before the question: `sends` in a row unanswered, or a
    `span` of time since the owner was last heard from (with at least one send in it)."""

    sends: int | None = None
    span: timedelta | None = None


def should_ask(
    subscription: ScheduleColumns, rule: QuietRule | None, heard: datetime | None, slot: datetime
) -> bool:
    """Whether this send is the question (asked once per silence)."""
    if rule is None or subscription.asked_at is not None:
        return False
    if rule.sends is not None:
        return subscription.unanswered >= rule.sends
    if rule.span is None or subscription.unanswered < 1:
        return False
    since = heard or subscription.created_at  # never heard: quiet since it was set up
    return slot - since >= rule.span


def quiet_ran_out(subscription: ScheduleColumns, slot: datetime) -> None:
    """Asked, 4 weeks passed, no word: carry on at the lightest rhythm from this week."""
    if subscription.asked_at is not None and subscription.every_weeks < QUIET_RHYTHM:
        subscription.every_weeks = QUIET_RHYTHM
        subscription.rhythm_from = local_monday(slot, subscription.timezone)


def after_sent(subscription: ScheduleColumns, asked: bool, now: datetime) -> None:
    """Count a send; after the question, hold everything for the quiet wait."""
    subscription.last_sent_at = now
    if asked:
        subscription.asked_at = now
        # From the start of that local day, so the send 4 weeks on is the first one back.
        zone = zone_info(subscription.timezone)
        back = now.astimezone(zone).date() + QUIET_WAIT
        subscription.paused_until = local_to_utc(back, time(0, 0), zone)
        subscription.pause_from = None  # the quiet wait starts now, a break asked ahead or not
    else:
        subscription.unanswered += 1


def answered(subscription: ScheduleColumns) -> None:
    """They answered the question: the count starts again and the quiet wait is over."""
    if subscription.asked_at is not None:
        subscription.paused_until = None
        subscription.pause_from = None
    subscription.unanswered = 0
    subscription.asked_at = None


def take_answer(
    session: Session, subscription: ScheduleColumns, action: str, now: datetime, off_reason: str
) -> None:
    """Keep going (`keep`), every 4 weeks (`monthly`) or `stop`, for an educator's nudges and
    a channel's team prompts alike: the same answer twice changes nothing more."""
    answered(subscription)
    subscription.updated_at = now
    if action == "stop":
        turn_off(subscription, off_reason, now)
        return
    subscription.enabled = True
    subscription.off_reason = None
    if action == "monthly":
        set_rhythm(subscription, QUIET_RHYTHM, now)
    reschedule(session, subscription, now)
