"""Team prompts over Slack's wire: `/coach channel ...` in a channel, admins from users.info,
the weekly post through `coach nudge tick --at` to chat.postMessage, thread replies ignored,
and a channel the app is not a member of."""

from __future__ import annotations

import argparse
import asyncio
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from adapters.senders import build_senders
from bot.app import CoachApp
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription
from scheduler import cli
from tests.clock import FakeClock
from tests.privacy.helpers import all_rows
from tests.slack.fake_slack import _flatten
from tests.slack.wire import SlackWire, buttons_of, find_button

TEAM_CHANNEL = "C0TEAM"
WEEK = timedelta(weeks=1)


async def say(wire: SlackWire, text: str, *, user: str = "U1", channel: str = TEAM_CHANNEL) -> str:
    wire.fake.clear()
    response = await wire.command(text, user=user, channel=channel)
    assert response.status == 200
    return wire.fake.posted_text()


async def tick_at(core: CoachApp, at: str) -> str:
    out = io.StringIO()
    # The clock is synchronous (its Slack client blocks): run it off the event loop.
    code = await asyncio.to_thread(
        cli.tick, argparse.Namespace(at=at), build_senders=build_senders, core=core, out=out
    )
    assert code == 0
    return out.getvalue()


def channel_posts(wire: SlackWire, channel: str = TEAM_CHANNEL) -> list[dict[str, object]]:
    return [c.args for c in wire.fake.of("chat.postMessage") if c.args.get("channel") == channel]


def subscription(core: CoachApp, channel: str = TEAM_CHANNEL) -> ChannelSubscription:
    with core.sessions() as session:
        return session.scalars(
            select(ChannelSubscription).where(ChannelSubscription.channel == channel)
        ).one()


async def test_a_channel_gets_its_weekly_prompt_and_only_its_keeper_or_an_admin_change_it(
    wire: SlackWire, slack_core: CoachApp
) -> None:
    answer = await say(wire, "channel on")
    assert "Team prompts are on for this channel" in answer
    assert "Tue Nov 17, 07:30 (America/Chicago)" in answer  # the keeper's zone from users.info
    assert "/invite" not in answer
    assert wire.fake.of("conversations.info")[0].args["channel"] == TEAM_CHANNEL
    assert wire.fake.responses and not wire.fake.of("chat.postMessage")  # ephemeral answers

    assert "posted on Thursdays" in await say(wire, "channel day thu")

    refused = await say(wire, "channel off", user="U2")
    assert "Only <@U1> (who turned on team prompts here) or a workspace admin" in refused
    assert "Turned on by: <@U1>" in await say(wire, "channel", user="U2")

    wire.fake.admins.add("UADMIN")
    allowed = await say(wire, "channel time 08:00", user="UADMIN")
    assert "Next post: Thu Nov 19, 08:00 (America/Chicago)" in allowed
    # Admin-ness is asked afresh for `channel` words, not taken from the cache.
    wire.fake.admins.discard("UADMIN")
    assert "Only <@U1>" in await say(wire, "channel focus relational", user="UADMIN")

    # Colleagues talk in the channel and in threads: nothing of it reaches the coach or is kept.
    before = all_rows(slack_core.engine)
    wire.fake.clear()
    for event in (
        {"type": "message", "channel": TEAM_CHANNEL, "channel_type": "channel", "user": "U2",
         "text": "Our families PRIVATE-THREAD-REPLY", "ts": "1700000200.000001",
         "thread_ts": "1700000100.000001"},
        {"type": "message", "channel": TEAM_CHANNEL, "channel_type": "channel", "user": "U3",
         "text": "channel off", "ts": "1700000200.000002"},
        {"type": "app_mention", "channel": TEAM_CHANNEL, "user": "U3",
         "text": "<@UBOT> channel off", "ts": "1700000200.000003"},
    ):  # fmt: skip
        assert (await wire.event(event)).status == 200
    assert wire.fake.calls == []
    assert all_rows(slack_core.engine) == before
    assert "PRIVATE-THREAD-REPLY" not in str(before)
    assert subscription(slack_core).enabled

    # The weekly post: at 08:00 Chicago on Thursday, once.
    assert "0 handled" in await tick_at(slack_core, "2026-11-19T13:59:00Z")
    output = await tick_at(slack_core, "2026-11-19T14:00:00Z")
    assert "sent" in output and "channel_subscription=" in output and "platform=slack" in output
    assert len(channel_posts(wire)) == 1
    text = wire.fake.posted_text()
    assert "This week's team prompt:" in text and "For discussion:" in text
    assert "Reply in this thread" in text
    assert "0 handled" in await tick_at(slack_core, "2026-11-19T14:05:00Z")
    assert len(channel_posts(wire)) == 1
    with slack_core.sessions() as session:
        (ledger,) = session.scalars(select(ChannelLedger)).all()
    assert ledger.status == "sent" and ledger.week == "2026-W47"

    assert "Team prompts are off for this channel" in await say(wire, "channel off")
    wire.fake.clear()
    assert "0 handled" in await tick_at(slack_core, "2026-11-26T14:00:00Z")
    assert channel_posts(wire) == []


async def test_a_channel_the_app_is_not_in(wire: SlackWire, slack_core: CoachApp) -> None:
    wire.fake.outside.add("C0NEW")
    answer = await say(wire, "channel on", channel="C0NEW")
    assert "Team prompts are on" in answer and "/invite @Partnership Coach" in answer

    output = await tick_at(slack_core, "2026-11-17T13:30:00Z")  # Tue 07:30 in Chicago
    assert "failed" in output and "reason=not_in_channel" in output
    row = subscription(slack_core, "C0NEW")
    assert not row.enabled and row.off_reason == "not_in_channel"
    shown = await say(wire, "channel", channel="C0NEW")
    assert "no longer a member of this channel" in shown

    # Invited at last: on again, and next week's post arrives.
    wire.fake.outside.discard("C0NEW")
    assert "/invite" not in await say(wire, "channel on", channel="C0NEW")
    assert "1 sent" in await tick_at(slack_core, "2026-11-24T13:30:00Z")
    assert len(channel_posts(wire, "C0NEW")) == 1


async def test_channel_words_in_a_dm_say_where_to_use_them(wire: SlackWire) -> None:
    answer = await say(wire, "channel on", channel="DU1")
    assert "say this in the channel itself" in answer
    wire.fake.clear()
    await wire.dm("channel on")
    assert "say this in the channel itself" in wire.fake.posted_text()
    assert wire.fake.of("conversations.info") == []


async def click_in_channel(
    wire: SlackWire, post: dict[str, object], label: str, *, user: str
) -> str:
    """A colleague clicks a button under one of the coach's posts in the team channel."""
    blocks = post["blocks"]
    assert isinstance(blocks, list)
    wire.fake.clear()
    container = {
        "type": "message",
        "message_ts": "1700000300.000001",
        "channel_id": TEAM_CHANNEL,
        "is_ephemeral": False,
    }
    response = await wire.click(find_button(blocks, label), user=user, container=container)
    assert response.status == 200
    return wire.fake.posted_text()


async def test_a_quiet_channel_asks_its_keeper_in_the_channel_and_the_answer_holds(
    wire: SlackWire, slack_core: CoachApp, clock: FakeClock
) -> None:
    """Six weekly posts and no word back: the seventh asks <@U1> there; a colleague may not
    stop them, the keeper picks every 4 weeks, and the clock posts accordingly."""
    await say(wire, "channel on")  # Tue 07:30 America/Chicago from users.info
    wire.fake.clear()
    for week in range(7):
        await tick_at(slack_core, f"{datetime(2026, 11, 17, 13, 30) + week * WEEK:%Y-%m-%dT%H:%MZ}")
    posts = channel_posts(wire)
    assert len(posts) == 7
    asked = _flatten(posts[6]["blocks"])
    assert asked.startswith("<@U1>: for 6 weeks I haven't heard back from this channel")
    assert [b["text"]["text"] for b in buttons_of(posts[6]["blocks"])] == [  # type: ignore[arg-type]
        "Keep going",
        "Every 4 weeks",
        "Stop for now",
    ]
    assert "We talked about it" in _flatten(posts[0]["blocks"])

    clock.set(datetime(2026, 12, 30, 15, 0, tzinfo=UTC))  # the day after the question
    refused = await click_in_channel(wire, posts[6], "Stop for now", user="U2")
    assert "Only <@U1> (who turned on team prompts here) or a workspace admin" in refused
    assert wire.fake.of("users.info")  # admin-ness asked afresh for the channel's buttons
    assert wire.fake.of("chat.postMessage") == []  # the answer is ephemeral
    chosen = await click_in_channel(wire, posts[6], "Every 4 weeks", user="U1")
    assert "one team prompt every 4 weeks. Next one: Tue Jan 5, 07:30" in chosen

    wire.fake.clear()
    for week in range(7, 12):
        await tick_at(slack_core, f"{datetime(2026, 11, 17, 13, 30) + week * WEEK:%Y-%m-%dT%H:%MZ}")
    assert len(channel_posts(wire)) == 2  # Jan 5 and Feb 2
    thanks = await click_in_channel(wire, channel_posts(wire)[0], "We talked about it", user="U3")
    assert "Thank you for letting me know! I'll keep the prompts coming." in thanks
