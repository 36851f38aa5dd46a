"""Test doubles and helpers for weekly nudges.

`FakePlatform` plays the platform's side of a Sender (what Slack or Teams would do): it
records what it was given and answers with scripted outcomes. It is a double of the
platform, not of our code: the scheduler, ledger and message building all run for real.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update

from bot.app import CoachApp
from bot.delivery import Address, DeliveryOutcome, DeliveryResult, Sender
from bot.inbound import Platform
from bot.replies import Card, Choices, Reply
from bot.storage.models import Educator
from bot.weekly.models import NudgeLedger, Subscription
from scheduler.tick import TickPolicy, TickReport, run_tick
from tests.cards_seen import SEEN
from tests.clock import FakeClock
from tests.dialog import Conversation


@dataclass
class Delivery:
    address: Address
    replies: list[Reply]

    @property
    def card(self) -> Card:
        cards = [r for r in self.replies if isinstance(r, Card)]
        assert len(cards) == 1, self.replies
        return cards[0]

    @property
    def checkin(self) -> Choices | None:
        return next((r for r in self.replies if isinstance(r, Choices)), None)


@dataclass
class FakePlatform:
    platform: Platform = Platform.SLACK
    outcomes: deque[DeliveryResult] = field(default_factory=deque)
    delivered: list[Delivery] = field(default_factory=list)
    calls: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *results: DeliveryResult) -> None:
        self.outcomes.extend(results)

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        with self.lock:
            self.calls += 1
            result = (
                self.outcomes.popleft() if self.outcomes else DeliveryResult(DeliveryOutcome.SENT)
            )
            if result.outcome is DeliveryOutcome.SENT:
                self.delivered.append(Delivery(address, SEEN.replies(list(replies))))
            return result


def senders_for(*platforms: Sender) -> dict[Platform, Sender]:
    return {sender.platform: sender for sender in platforms}


def tick(
    app: CoachApp, senders: dict[Platform, Sender], at: datetime, policy: TickPolicy | None = None
) -> TickReport:
    return run_tick(app, senders, at, policy)


def ledger_rows(app: CoachApp) -> list[NudgeLedger]:
    with app.sessions() as session:
        return list(session.scalars(select(NudgeLedger).order_by(NudgeLedger.due_at)))


def subscription_rows(app: CoachApp) -> list[Subscription]:
    with app.sessions() as session:
        return list(session.scalars(select(Subscription).order_by(Subscription.id)))


def outcomes(report: TickReport) -> list[str]:
    return [line.outcome for line in report.lines]


def topics_of(deliveries: Iterable[Delivery]) -> list[str]:
    return [d.card.buttons[0].value.removeprefix("reflect ") for d in deliveries]


def everyone_answers(app: CoachApp, at: datetime) -> None:
    """Every educator clicked or wrote at `at` (just after a send): stands in for people who
    answer their nudges, so a long run tests what it is about (rotation, zones, rhythms)
    rather than the coach backing off from silence (tests/test_nudge_backoff.py)."""
    with app.sessions.begin() as session:
        session.execute(update(Educator).values(last_seen_at=at))


def nudged_on_slack(app: CoachApp, clock: FakeClock, who: str) -> Conversation:
    """A Slack educator in Chicago who turned nudges on a day ago, with this week's nudge just
    delivered: what they type next lands under its card."""
    educator = Conversation(
        app.coach, who, platform=Platform.SLACK, workspace="T1", timezone="America/Chicago"
    )
    educator.says("nudges on")
    platform = FakePlatform()
    clock.advance(days=1)
    tick(app, senders_for(platform), clock.now)
    assert platform.delivered, "the nudge went out"
    return educator
