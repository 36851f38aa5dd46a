"""The snooze buttons on each nudge, on both databases: "Not this week" leaves the week be,
"Remind me tomorrow" brings the nudge back once, the next day at the same local time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import CoachApp
from bot.delivery import DeliveryOutcome, DeliveryResult
from bot.inbound import Platform
from bot.weekly.models import LedgerStatus
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, ledger_rows, outcomes, senders_for, subscription_rows, tick

FIRST_SLOT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # Tue 07:30 in New York
TOMORROW = FIRST_SLOT + timedelta(days=1)
WEEK = timedelta(weeks=1)


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform(Platform.SLACK)


def educator_with_a_nudge(app: CoachApp, clock: FakeClock, platform: FakePlatform) -> Conversation:
    educator = Conversation(
        app.coach, "U1", platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )
    educator.says("nudges on")
    clock.set(FIRST_SLOT)
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT)) == ["sent"]
    clock.set(FIRST_SLOT + timedelta(hours=2))
    return educator


def button(platform: FakePlatform, index: int, label: str) -> str:
    (choice,) = [b for b in platform.delivered[index].card.buttons if b.label == label]
    return choice.value


def test_remind_me_tomorrow_sends_it_once_more_the_next_day_at_the_same_time(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = educator_with_a_nudge(app, clock, platform)
    tomorrow = button(platform, 0, "Remind me tomorrow")
    answer = educator.says(tomorrow)
    assert "bring this one back tomorrow, Wed Nov 18, 07:30" in answer
    assert "already brought this one back once" in educator.says(tomorrow)
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at == TOMORROW

    assert tick(app, senders_for(platform), TOMORROW - timedelta(minutes=1)).lines == []
    clock.set(TOMORROW)
    assert outcomes(tick(app, senders_for(platform), TOMORROW)) == ["sent"]
    first, again = platform.delivered
    assert again.card.body == first.card.body and again.card.title.startswith("As promised")
    # The reminder offers no third copy.
    assert "Remind me tomorrow" not in [b.label for b in again.card.buttons]
    assert "already brought this one back once" in educator.says(tomorrow)

    (row,) = ledger_rows(app)
    assert row.status == LedgerStatus.SENT and row.remind_at == TOMORROW
    # The rotation moved on once; next week is the usual Tuesday with the next topic.
    clock.set(FIRST_SLOT + WEEK)
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + WEEK)) == ["sent"]
    assert platform.delivered[2].card.title != first.card.title
    assert len(ledger_rows(app)) == 2


def test_not_this_week_calls_off_a_reminder_and_leaves_next_week_as_it_was(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = educator_with_a_nudge(app, clock, platform)
    educator.says(button(platform, 0, "Remind me tomorrow"))
    assert "this week is skipped" in educator.says(button(platform, 0, "Not this week"))
    assert "Already noted as skipped" in educator.says(button(platform, 0, "Remind me tomorrow"))
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at == FIRST_SLOT + WEEK
    assert tick(app, senders_for(platform), TOMORROW).lines == []
    assert len(platform.delivered) == 1


def test_a_reminder_that_cannot_be_delivered_leaves_the_week_sent(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = educator_with_a_nudge(app, clock, platform)
    educator.says(button(platform, 0, "Remind me tomorrow"))
    platform.script(DeliveryResult(DeliveryOutcome.RETRY, "rate_limited"))
    assert outcomes(tick(app, senders_for(platform), TOMORROW)) == ["retry"]
    platform.script(*[DeliveryResult(DeliveryOutcome.RETRY, "rate_limited")] * 10)
    for hours in (1, 3, 8, 20, 40, 90):
        tick(app, senders_for(platform), TOMORROW + timedelta(hours=hours))
    (row,) = ledger_rows(app)
    assert row.status == LedgerStatus.SENT and (row.reason or "").startswith("reminder_")
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at == FIRST_SLOT + WEEK


def test_a_reminder_after_the_next_nudge_is_not_offered(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = educator_with_a_nudge(app, clock, platform)
    clock.set(FIRST_SLOT + timedelta(days=6, hours=2))  # Monday: tomorrow is the next nudge
    answer = educator.says(button(platform, 0, "Remind me tomorrow"))
    assert "next nudge comes before then (Tue Nov 24, 07:30" in answer
    educator.says("nudges off")
    assert "Nudges are off just now" in educator.says(button(platform, 0, "Remind me tomorrow"))


def test_someone_elses_snooze_and_nonsense_ids_are_refused_kindly(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator_with_a_nudge(app, clock, platform)
    stranger = Conversation(app.coach, "U2", platform=Platform.SLACK, workspace="T1")
    assert "no longer in my records" in stranger.says(button(platform, 0, "Remind me tomorrow"))
    assert "come back tomorrow" in stranger.says("nudge tomorrow 99999999999999999999")
    assert "come back tomorrow" in stranger.says("nudge later 1")
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at == FIRST_SLOT + WEEK
