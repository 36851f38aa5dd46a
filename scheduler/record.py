"""Step 3 of a tick: record what the platform answered.

`sent` moves the rotation on and schedules next week; a transient answer is retried later
the same week (backing off, within the policy's attempts); a permanent one (`gone`) turns
the subscription off with its reason.
"""

from __future__ import annotations

import logging

from bot.delivery import DeliveryOutcome, DeliveryResult
from bot.weekly.backoff import after_sent
from bot.weekly.models import LedgerStatus
from bot.weekly.rotation import Pick, record_sent
from bot.weekly.schedule import end_of_local_week
from bot.weekly.subscriptions import turn_off
from scheduler.claim import Claim
from scheduler.context import TickContext
from scheduler.kind import LedgerT, OwnerT, SubscriptionT
from scheduler.ledger import finish

log = logging.getLogger("coach.scheduler")


def record(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT], claim: Claim, result: DeliveryResult
) -> None:
    now, policy = tick.now, tick.policy
    with tick.core.sessions.begin() as session:
        ledger, subscription, owner = tick.kind.load(session, claim.ledger_id, lock=True)
        reason = result.reason[:64] if result.reason else None
        outcome = result.outcome
        if outcome is DeliveryOutcome.SENT:
            # A reminder repeats a pick the rotation has already moved past.
            if ledger.remind_at is None:
                after_sent(subscription, ledger.ask, now)
            if ledger.topic is not None and ledger.remind_at is None and not ledger.ask:
                record_sent(subscription, Pick(ledger.topic, ledger.nudge_index or 0))
            finish(session, subscription, ledger, LedgerStatus.SENT, None, now)
            line = "sent"
        elif outcome is DeliveryOutcome.GONE:
            finish(session, subscription, ledger, LedgerStatus.FAILED, reason or "gone", now)
            turn_off(subscription, reason or "gone", now)
            line = "failed"
        else:
            retry_at = now + min(
                policy.retry_first * (2 ** max(0, ledger.attempts - 1)), policy.retry_longest
            )
            week_end = end_of_local_week(ledger.due_at, subscription.timezone)
            if ledger.attempts >= policy.max_attempts or retry_at >= week_end:
                finish(session, subscription, ledger, LedgerStatus.FAILED, reason or "gave_up", now)
                line = "failed"
            else:
                ledger.status = LedgerStatus.RETRY
                ledger.reason = reason or "transient"
                subscription.next_send_at = retry_at
                line = "retry"
        tick.note(subscription, owner, line, ledger, ledger.due_at, ledger.reason or "")
    log.info(
        tick.kind.log_prefix + line,
        extra={
            "subscription_id": subscription.id,
            "platform": owner.platform,
            "topic": ledger.topic,
            "reason": ledger.reason or "",
        },
    )
