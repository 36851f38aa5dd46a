"""Step 2 of a tick: send one claimed nudge (in one of the tick's sender threads).

The send waits for the moment the workspace's pace gave its claim (scheduler/pace.py).
`claimed` -> `sending` is a conditional update committed after that wait and just before
the platform is called, so only one clock ever calls it for that row; a row left `sending`
by a crash is settled by a later claim as interrupted, never sent again. A refusal for the
rate (429) is not waited out here: it becomes a retry row (scheduler/record.py) and moves
the workspace's pace on for every clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from sqlalchemy import Connection, Update, bindparam, update

from bot.delivery import Address, DeliveryOutcome, DeliveryResult, Sender
from bot.inbound import Platform
from bot.replies import Reply
from bot.weekly.models import LedgerColumns, LedgerStatus
from bot.weekly.rotation import Pick
from scheduler.claim import Claim
from scheduler.context import TickContext
from scheduler.kind import LedgerT, OwnerT, SubscriptionT
from scheduler.ledger import finish
from scheduler.pace import Pace
from scheduler.record import Answer

log = logging.getLogger("coach.scheduler")

RATE_LIMITED = "rate_limited"  # adapters' reason for a refusal for the rate (429)
HOLD_AFTER_REFUSAL_S = 1.0  # Slack's usual Retry-After


def send(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    senders: Mapping[Platform, Sender],
    claim: Claim,
    pace: Pace | None = None,
    connection: Connection | None = None,
) -> Answer | None:
    """Send one claim; the platform's answer, to record (None: nothing was sent)."""
    wait = claim.not_before - time.time()
    if wait > 0:
        time.sleep(wait)
    prepared = _start_sending(tick, senders, claim, connection)
    if prepared is None:
        return None
    sender, address, replies = prepared
    try:
        result = sender.deliver(address, replies)
    except Exception as exc:  # a sender must not raise; if one does, treat it as transient
        log.warning("sender_raised", extra={"error": type(exc).__name__})
        result = DeliveryResult(DeliveryOutcome.RETRY, "sender_error")
    if pace is not None and result.reason == RATE_LIMITED:
        pace.hold(claim.platform, claim.workspace, HOLD_AFTER_REFUSAL_S)
    return claim, result


def _start_sending(
    tick: TickContext[SubscriptionT, LedgerT, OwnerT],
    senders: Mapping[Platform, Sender],
    claim: Claim,
    connection: Connection | None,
) -> tuple[Sender, Address, list[Reply]] | None:
    sessions = tick.core.sessions
    with sessions(bind=connection) if connection else sessions() as session, session.begin():
        moved = session.execute(
            _to_sending(tick.kind.ledger_model),
            {"claimed_id": claim.ledger_id, "claimed_when": claim.claimed_at},
        )
        if getattr(moved, "rowcount", 0) != 1:
            return None  # another clock took it over
        ledger, subscription, owner = tick.kind.load(session, claim.ledger_id)
        topic = ledger.topic
        if not subscription.enabled or topic is None or topic not in tick.item_counts:
            reason = "turned_off" if not subscription.enabled else "unknown_topic"
            finish(session, subscription, ledger, LedgerStatus.SKIPPED, reason, tick.now)
            tick.note(subscription, owner, "skipped", ledger, ledger.due_at, reason)
            return None
        pick = Pick(topic, ledger.nudge_index or 0)
        address, replies = tick.kind.compose(tick.core, session, ledger, subscription, owner, pick)
    return senders[address.platform], address, replies


_TO_SENDING: dict[type[LedgerColumns], Update] = {}


def _to_sending(model: type[LedgerColumns]) -> Update:
    """`claimed` -> `sending` for one claim, if it is still this claim: built once per kind."""
    if model not in _TO_SENDING:
        _TO_SENDING[model] = (
            update(model)
            .where(
                model.id == bindparam("claimed_id"),
                model.status == LedgerStatus.CLAIMED,
                model.claimed_at == bindparam("claimed_when"),
            )
            .values(status=LedgerStatus.SENDING, attempts=model.attempts + 1)
            .execution_options(synchronize_session=False)
        )
    return _TO_SENDING[model]
