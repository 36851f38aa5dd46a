"""Backing off, kindly, on both databases: after three nudges in a row with no click and no
reply the coach asks once, holds off until answered or 4 weeks pass, and each answer does
what it says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import CoachApp
from bot.inbound import Platform
from bot.replies import Choices
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, senders_for, subscription_rows, tick

FIRST_SLOT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # Tue 07:30 in New York
WEEK = timedelta(weeks=1)


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform(Platform.SLACK)


def quiet_educator(app: CoachApp) -> Conversation:
    educator = Conversation(
        app.coach, "U1", platform=Platform.SLACK, workspace="T1", timezone="America/New_York"
    )
    educator.says("nudges on")
    return educator


def run_weeks(
    app: CoachApp, clock: FakeClock, platform: FakePlatform, first: int, last: int
) -> None:
    for week in range(first, last):
        clock.set(FIRST_SLOT + week * WEEK)
        tick(app, senders_for(platform), clock.now)


def is_question(platform: FakePlatform, index: int) -> bool:
    replies = platform.delivered[index].replies
    return len(replies) == 1 and isinstance(replies[0], Choices)


def question(platform: FakePlatform) -> Choices:
    (asked,) = [i for i in range(len(platform.delivered)) if is_question(platform, i)]
    choices = platform.delivered[asked].replies[0]
    assert isinstance(choices, Choices)
    return choices


def test_three_unanswered_nudges_bring_one_question_then_quiet_then_every_four_weeks(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    quiet_educator(app)
    run_weeks(app, clock, platform, 0, 4)
    assert [is_question(platform, i) for i in range(4)] == [False, False, False, True]
    asked = question(platform)
    assert "keep going" in asked.prompt and "every 4 weeks" in asked.prompt
    assert [o.label for o in asked.options] == ["Keep going", "Every 4 weeks", "Stop for now"]
    # Nothing for the 4 weeks after the question...
    run_weeks(app, clock, platform, 4, 7)
    assert len(platform.delivered) == 4
    # ...then, still no word, one nudge every 4 weeks, and the question is not asked again.
    run_weeks(app, clock, platform, 7, 20)
    sends = [d for d in platform.delivered[4:]]
    assert len(sends) == 4 and not any(is_question(platform, i) for i in range(4, 8))
    (subscription,) = subscription_rows(app)
    assert subscription.every_weeks == 4


def test_a_click_or_a_message_starts_the_count_again(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 2)
    clock.advance(hours=3)
    educator.says("journal")  # a reply of any kind counts
    run_weeks(app, clock, platform, 2, 4)
    clock.advance(hours=3)
    done = next(b for b in platform.delivered[3].card.buttons if b.label == "Mark done")
    educator.clicks_value(done)
    run_weeks(app, clock, platform, 4, 7)
    assert len(platform.delivered) == 7
    assert not any(is_question(platform, i) for i in range(7))
    run_weeks(app, clock, platform, 7, 8)  # the third in a row since the click was week 6
    assert is_question(platform, 7)


@pytest.mark.parametrize(
    ("answer", "said", "sends_in_next_3_weeks"),
    [
        ("Keep going", "keep them coming. Next nudge: Tue Dec 15, 07:30", 3),
        ("Every 4 weeks", "one nudge every 4 weeks. Next one: Tue Dec 15, 07:30", 1),
        ("Stop for now", "stopped the nudges", 0),
    ],
)
def test_each_answer_does_what_it_says(
    app: CoachApp,
    clock: FakeClock,
    platform: FakePlatform,
    answer: str,
    said: str,
    sends_in_next_3_weeks: int,
) -> None:
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 4)
    clock.advance(days=1)
    (choice,) = [o for o in question(platform).options if o.label == answer]
    assert said in educator.clicks_value(choice)
    assert said in educator.clicks_value(choice)  # twice is the same as once
    run_weeks(app, clock, platform, 4, 7)
    assert len(platform.delivered) == 4 + sends_in_next_3_weeks
    shown = educator.says("nudges")
    assert ("every 4 weeks" in shown) == (answer == "Every 4 weeks")
    assert "Paused until" not in shown


def test_the_question_s_answers_work_only_on_the_question(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 1)
    nudge_id = platform.delivered[0].card.buttons[1].value.split()[-1]
    assert "no longer in my records" in educator.says(f"nudge stop {nudge_id}")
    (subscription,) = subscription_rows(app)
    assert subscription.enabled


@pytest.mark.parametrize(
    ("said", "enabled", "every_weeks", "answered"),
    [
        # Had: "There's nothing to cancel right now."
        ("stop", False, 1, "I've stopped the nudges"),
        ("nah im good", False, 1, "I've stopped the nudges"),
        # Had: "I'm not sure what you'd like me to do with that."
        ("less often pls", True, 4, "one nudge every 4 weeks"),
        ("keep em coming", True, 1, "I'll keep them coming"),
        ("sí, sigue", True, 1, "I'll keep them coming"),
    ],
)
def test_the_keep_going_question_can_be_answered_in_words(
    app: CoachApp,
    clock: FakeClock,
    platform: FakePlatform,
    said: str,
    enabled: bool,
    every_weeks: int,
    answered: str,
) -> None:
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 4)
    assert is_question(platform, 3)
    clock.advance(hours=5)
    assert answered in educator.says(said)
    (subscription,) = subscription_rows(app)
    assert (subscription.enabled, subscription.every_weeks) == (enabled, every_weeks)


def test_under_the_keep_going_question_a_question_is_still_a_question(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 4)
    clock.advance(hours=5)
    answer = educator.says("my principal wants us to do home visits, any tips?")
    assert "home visit" in answer and "stopped the nudges" not in answer
    (subscription,) = subscription_rows(app)
    assert subscription.enabled and subscription.every_weeks == 1


def test_under_the_keep_going_question_a_story_holding_stop_is_a_story(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 4)
    clock.advance(hours=5)
    said = "crazy week, my kids would not stop talking about the snow day, sorry i went quiet"
    assert "stopped the nudges" not in educator.says(said)
    (subscription,) = subscription_rows(app)
    assert subscription.enabled


def test_keep_the_nudges_going_said_later_answers_the_question_still_out(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    # Session 37: said after a reply about something else, it had shown the settings with
    # "Paused until" four weeks on.
    educator = quiet_educator(app)
    run_weeks(app, clock, platform, 0, 4)
    clock.advance(hours=5)
    educator.says("what? i answer you like every week")
    assert "I'll keep them coming" in educator.says("keep the nudges going btw. weekly")
    (subscription,) = subscription_rows(app)
    assert subscription.enabled and subscription.paused_until is None
