"""Team prompts back off, kindly, on both databases: after 6 weeks of prompts with no word back
from the channel (the coach never reads it: a `channel` word said there, or a click on a
prompt's "We talked about it", is the word back), the next post asks the person who turned
them on, in the channel, whether to keep going, go every 4 weeks, or stop; nothing more is
posted until it is answered or 4 weeks pass, then one every 4 weeks.

The Slack wire test is in tests/slack/test_channel_prompts.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import CoachApp
from bot.inbound import Platform
from bot.replies import Card, Choice, Choices
from tests.clock import FakeClock
from tests.nudging import FakePlatform, senders_for, tick
from tests.test_channel_prompts import ChannelMember, channel_rows

FIRST_SLOT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # Tue 07:30 in New York
WEEK = timedelta(weeks=1)


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform(Platform.SLACK)


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


def answer(platform: FakePlatform, label: str) -> Choice:
    (choice,) = [o for o in question(platform).options if o.label == label]
    return choice


def we_talked_about_it(platform: FakePlatform, index: int) -> Choice:
    card = platform.delivered[index].replies[0]
    assert isinstance(card, Card)
    (button,) = card.buttons
    assert button.label == "We talked about it"
    return button


def test_six_quiet_weeks_bring_one_question_to_the_keeper_then_quiet_then_every_four_weeks(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    ChannelMember(app, "U1").says("channel on")
    run_weeks(app, clock, platform, 0, 7)
    assert [is_question(platform, i) for i in range(7)] == [False] * 6 + [True]
    asked = question(platform)
    assert platform.delivered[6].address.conversation == "C0TEAM"  # asked where it surely arrives
    assert asked.prompt.startswith("<@U1>: for 6 weeks I haven't heard back from this channel")
    assert "keep posting them" in asked.prompt and "every 4 weeks" in asked.prompt
    assert [o.label for o in asked.options] == ["Keep going", "Every 4 weeks", "Stop for now"]
    # Nothing for the 4 weeks after the question...
    run_weeks(app, clock, platform, 7, 10)
    assert len(platform.delivered) == 7
    # ...then, still no word, one prompt every 4 weeks, and the question is not asked again.
    run_weeks(app, clock, platform, 10, 22)
    assert len(platform.delivered) == 10
    assert not any(is_question(platform, i) for i in range(7, 10))
    (row,) = channel_rows(app)
    assert row.every_weeks == 4 and row.enabled


def test_a_click_or_a_channel_word_starts_the_quiet_again(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    ChannelMember(app, "U1").says("channel on")
    colleague = ChannelMember(app, "U2")
    run_weeks(app, clock, platform, 0, 3)
    clock.advance(hours=3)
    assert "Thank you for letting me know" in colleague.clicks_value(
        we_talked_about_it(platform, 2)
    )
    run_weeks(app, clock, platform, 3, 6)
    clock.advance(hours=3)
    assert "Team prompts in this channel: on" in ChannelMember(app, "U3").says("channel")
    run_weeks(app, clock, platform, 6, 12)
    assert not any(is_question(platform, i) for i in range(12))
    # Six weeks after the word on week 5, the next post asks.
    run_weeks(app, clock, platform, 12, 13)
    assert is_question(platform, 12)


@pytest.mark.parametrize(
    ("label", "said", "posts_in_next_3_weeks", "shown"),
    [
        ("Keep going", "team prompts carry on. Next one: Tue Jan 5, 07:30", 3, "every week"),
        ("Every 4 weeks", "every 4 weeks. Next one: Tue Jan 5, 07:30", 1, "every 4 weeks"),
        ("Stop for now", "stopped the team prompts here", 0, "Team prompts in this channel: off"),
    ],
)
def test_each_answer_from_the_keeper_does_what_it_says(
    app: CoachApp,
    clock: FakeClock,
    platform: FakePlatform,
    label: str,
    said: str,
    posts_in_next_3_weeks: int,
    shown: str,
) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    run_weeks(app, clock, platform, 0, 7)
    clock.advance(days=1)
    assert said in keeper.clicks_value(answer(platform, label))
    assert said in keeper.clicks_value(answer(platform, label))  # twice is the same as once
    run_weeks(app, clock, platform, 7, 10)
    assert len(platform.delivered) == 7 + posts_in_next_3_weeks
    settings = keeper.says("channel")
    assert shown in settings and "Paused until" not in settings


def test_a_colleague_may_say_keep_going_but_only_the_keeper_or_an_admin_change_them(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    ChannelMember(app, "U1").says("channel on")
    run_weeks(app, clock, platform, 0, 7)
    colleague = ChannelMember(app, "U2")
    refused = colleague.clicks_value(answer(platform, "Stop for now"))
    assert "Only <@U1> (who turned on team prompts here) or a workspace admin" in refused
    assert "Only <@U1>" in colleague.clicks_value(answer(platform, "Every 4 weeks"))
    (row,) = channel_rows(app)
    assert row.enabled and row.every_weeks == 1
    assert "team prompts carry on" in colleague.clicks_value(answer(platform, "Keep going"))
    admin = ChannelMember(app, "UADMIN", admin=True)
    assert "one team prompt every 4 weeks" in admin.clicks_value(answer(platform, "Every 4 weeks"))
    (row,) = channel_rows(app)
    assert row.every_weeks == 4 and row.turned_on_by is not None


def test_the_buttons_count_only_in_their_own_channel_and_on_their_own_post(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    run_weeks(app, clock, platform, 0, 7)
    stop, heard = answer(platform, "Stop for now"), we_talked_about_it(platform, 0)
    question_row, prompt_row = stop.value.split()[-1], heard.value.split()[-1]
    for person, value in (
        (ChannelMember(app, "U1", channel="C0OTHER"), stop.value),
        (ChannelMember(app, "U1", channel=None), stop.value),  # typed in a DM
        (keeper, f"channel stop {prompt_row}"),  # an answer needs the question's own post
        (keeper, f"channel heard {question_row}"),
        (keeper, "channel stop 99999"),
    ):
        assert "no longer in my records for this channel" in person.clicks_value(
            Choice("Stop for now", value)
        )
    (row,) = channel_rows(app)
    assert row.enabled and row.paused_until is not None  # still holding, as asked


def test_every_two_weeks_is_a_setting_of_its_own(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    assert "Team prompts will come every 2 weeks" in keeper.says("channel every 2")
    assert "How often: every 2 weeks" in keeper.says("channel")
    assert "every week, every 2 weeks or every 4 weeks" in keeper.says("channel every 3")
