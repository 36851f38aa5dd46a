"""Step 3 of a tick: record what the platform answered.

`sent` moves the rotation on and schedules next week; a transient answer is retried later
the same week (backing off, within the policy's attempts); a permanent one (`gone`) turns
the subscription off with its reason.

The tick's sender threads hand their answers to one recording thread, which records
whatever has arrived in one transaction (`record_all`): a few statements per answer instead
of a transaction each. An answer not yet recorded when the process dies leaves its row
`sending`, settled by a later claim as interrupted (never sent twice), as before.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Connection

from bot.delivery import DeliveryOutcome, DeliveryResult
from bot.weekly.backoff import after_sent
from bot.weekly.models import LedgerStatus
from bot.weekly.rotation import Pick, record_sent
from bot.weekly.schedule import end_of_local_week
from bot.weekly.subscriptions import turn_off
from scheduler.claim import Claim
from scheduler.context import TickContext
from scheduler.kind import LedgerT, OwnerT, SubscriptionT
from scheduler.ledger import close_week, finish_all

log = logging.getLogger("coach.scheduler")


Answer = tuple[Claim, DeliveryResult]


def record_all(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    answers: Sequence[Answer],
    connection: Connection | None = None,
) -> None:
    """Record the answers in one transaction; if that fails, each in its own (one bad row
    must not leave the others `sending`)."""
    try:
        _record_in_one(tick, answers, connection)
    except Exception:
        if len(answers) == 1:
            raise
        for answer in answers:
            _record_in_one(tick, [answer], connection)


def _record_in_one(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    answers: Sequence[Answer],
    connection: Connection | None,
) -> None:
    sessions = tick.core.sessions
    recorded: list[_Recorded[LedgerT, SubscriptionT, OwnerT]] = []
    with sessions(bind=connection) if connection else sessions() as session, session.begin():
        # One query loads (and locks, in subscription order) every row of the group.
        rows = tick.kind.load_many(session, [claim.ledger_id for claim, _ in answers], lock=True)
        for claim, result in answers:
            recorded.append(_record(tick, rows[claim.ledger_id], result))
        # The closed weeks' next weeks, scheduled together (one flush, one look-up).
        closed = [(sub, ledger) for line, ledger, sub, _ in recorded if line != "retry"]
        finish_all(session, tick.kind.ledger_model, closed)
    for line, ledger, subscription, owner in recorded:  # once committed
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


_Recorded = tuple[str, LedgerT, SubscriptionT, OwnerT]


def _record(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    row: tuple[LedgerT, SubscriptionT, OwnerT],
    result: DeliveryResult,
) -> _Recorded[LedgerT, SubscriptionT, OwnerT]:
    """The answer on the rows; a week closed (`sent`, `failed`) is scheduled on by the caller."""
    now, policy = tick.now, tick.policy
    ledger, subscription, owner = row
    reason = result.reason[:64] if result.reason else None
    outcome = result.outcome
    if outcome is DeliveryOutcome.SENT:
        # A reminder repeats a pick the rotation has already moved past.
        if ledger.remind_at is None:
            after_sent(subscription, ledger.ask, now)
        if ledger.topic is not None and ledger.remind_at is None and not ledger.ask:
            record_sent(subscription, Pick(ledger.topic, ledger.nudge_index or 0))
        close_week(ledger, LedgerStatus.SENT, None, now)
        return "sent", ledger, subscription, owner
    if outcome is DeliveryOutcome.GONE:
        close_week(ledger, LedgerStatus.FAILED, reason or "gone", now)
        turn_off(subscription, reason or "gone", now)
        return "failed", ledger, subscription, owner
    retry_at = now + min(
        policy.retry_first * (2 ** max(0, ledger.attempts - 1)), policy.retry_longest
    )
    week_end = end_of_local_week(ledger.due_at, subscription.timezone)
    if ledger.attempts >= policy.max_attempts or retry_at >= week_end:
        close_week(ledger, LedgerStatus.FAILED, reason or "gave_up", now)
        return "failed", ledger, subscription, owner
    ledger.status = LedgerStatus.RETRY
    ledger.reason = reason or "transient"
    subscription.next_send_at = retry_at
    return "retry", ledger, subscription, owner
