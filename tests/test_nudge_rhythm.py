"""`nudges pause until YYYY-MM-DD` and `nudges every 1|2|4`, on both databases: what the
educator is told, what the settings show, and what the clock sends week by week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import CoachApp
from bot.inbound import Platform
from tests.clock import FakeClock
from tests.dialog import Conversation, verify_dialog
from tests.nudging import FakePlatform, everyone_answers, senders_for, subscription_rows, tick

FIRST_SLOT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # Tue 07:30 in New York
WEEK = timedelta(weeks=1)


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform(Platform.SLACK)


def slack_educator(app: CoachApp, user: str = "U1") -> Conversation:
    return Conversation(
        app.coach, user, platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )


def sent_to(platform: FakePlatform) -> list[str]:
    return [delivery.address.user_id for delivery in platform.delivered]


def test_pause_until_a_date_sends_nothing_before_it_and_resumes_that_week(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    verify_dialog(
        educator,
        [
            ("nudges pause until 2026-12-08", "paused until Tue Dec 8"),
            ("nudges", "Paused until: Tue Dec 8"),
            ("nudges", "Next nudge: Tue Dec 8, 07:30 (America/New_York)"),
        ],
    )
    for week in range(3):
        assert tick(app, senders_for(platform), FIRST_SLOT + week * WEEK).lines == []
    clock.set(FIRST_SLOT + 3 * WEEK)
    tick(app, senders_for(platform), clock.now)
    assert len(platform.delivered) == 1
    assert "Paused until" not in educator.says("nudges")


def test_a_pause_until_a_later_weekday_starts_with_the_next_usual_day(app: CoachApp) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    # Wednesday the 9th: Tuesday the 8th is still paused, so the next is the 15th.
    assert "Tue Dec 15, 07:30" in educator.says("nudges pause until 2026-12-09")
    assert "Welcome back" in educator.says("nudges on")
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at == FIRST_SLOT and subscription.paused_until is None


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("nudges pause until 2026-13-01", "couldn't read `2026-13-01` as a date"),
        ("nudges pause until 12/08/2026", "as YYYY-MM-DD"),
        ("nudges pause until 2026-12-0８", "as YYYY-MM-DD"),
        ("nudges pause until", "for example `nudges pause until 2027-01-05`"),
        ("nudges pause until 2026-11-16", "already here"),
        ("nudges pause until 2020-01-01", "already here"),
        ("nudges pause until 2028-01-01", "more than 52 weeks away"),
        ("nudges every 3", "every week, every 2 weeks or every 4 weeks"),
        ("nudges every fortnight", "`nudges every 2`"),
        ("nudges every", "for example `nudges every 2`"),
    ],
)
def test_a_bad_date_or_rhythm_gets_a_kind_answer_and_changes_nothing(
    app: CoachApp, said: str, expected: str
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    assert expected in educator.says(said)
    (subscription,) = subscription_rows(app)
    assert subscription.paused_until is None and subscription.every_weeks == 1
    assert subscription.next_send_at == FIRST_SLOT


def test_two_educators_on_different_rhythms_over_eight_weeks(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    weekly, fortnightly, monthly = (slack_educator(app, user) for user in ("U1", "U2", "U3"))
    for educator in (weekly, fortnightly, monthly):
        educator.says("nudges on")
    verify_dialog(
        fortnightly,
        [
            ("nudges every 2", "a nudge every 2 weeks"),
            ("nudges", "How often: every 2 weeks"),
            ("nudges", "Next nudge: Tue Nov 17, 07:30"),
        ],
    )
    assert "every 4 weeks" in monthly.says("nudges every 4 weeks")
    assert "How often: every week" in weekly.says("nudges")
    for week in range(8):
        clock.set(FIRST_SLOT + week * WEEK)
        tick(app, senders_for(platform), clock.now)
        everyone_answers(app, clock.now + timedelta(minutes=1))
    assert sent_to(platform).count("U1") == 8
    assert sent_to(platform).count("U2") == 4
    assert sent_to(platform).count("U3") == 2
    # Back to every week: the next Tuesday, whichever week of the rhythm it is.
    assert "every week" in monthly.says("nudges every 1")
    assert "Next nudge: Tue Jan 12, 07:30" in monthly.says("nudges")


def test_a_rhythm_keeps_its_weeks_when_the_day_changes(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    educator.says("nudges every 2")
    tick(app, senders_for(platform), FIRST_SLOT)
    clock.set(FIRST_SLOT + timedelta(days=1))
    # Thursday of the off week is skipped: the next is Thursday of the week after.
    assert "Thu Dec 3, 07:30" in educator.says("nudges day thu")


def test_every_other_week_asked_the_day_after_a_nudge_skips_the_next_week(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    # Session 37: "can these come less often? like every other week?" the day after a nudge
    # had set the next one for six days later.
    educator = Conversation(
        app.coach, "U1", platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )
    educator.says("nudges on")
    clock.set(FIRST_SLOT)
    tick(app, senders_for(platform), clock.now)
    clock.advance(days=1)
    reply = educator.says("can these come less often? like every other week?")
    assert "a nudge every 2 weeks" in reply and "Tue Dec 1" in reply
