"""Team prompts over Teams: an @mention in a team channel turns them on, the weekly post
reaches the channel through the connector, and channel messages without a mention are
neither answered nor stored."""

from __future__ import annotations

import argparse
import asyncio
import io
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from adapters.senders import build_senders
from bot.app import CoachApp
from bot.weekly.channel_models import ChannelSubscription
from scheduler import cli
from tests.clock import FakeClock
from tests.privacy.helpers import all_rows
from tests.teams import activities, reading
from tests.teams.conftest import TeamsChat, card_text


def in_channel(teams: TeamsChat, text: str, user: str = activities.USER_AAD) -> dict[str, Any]:
    activity = activities.channel_mention(teams.connector.url, text)
    activity["from"]["aadObjectId"] = user
    return activity


async def test_a_channel_mention_turns_team_prompts_on_and_the_post_arrives(
    teams: TeamsChat, app: CoachApp
) -> None:
    answer = await teams.send(in_channel(teams, "channel on"))
    assert "Team prompts are on for this channel" in answer
    assert "Tue Nov 17, 07:30" in answer
    with app.sessions() as session:
        row = session.scalars(select(ChannelSubscription)).one()
    assert (row.platform, row.channel) == ("teams", activities.CHANNEL_CONVERSATION)

    # On Teams only the person who turned them on may change them (team owners are unknown).
    refused = await teams.send(in_channel(teams, "channel day fri", user="someone-else"))
    assert "Only the colleague who turned them on" in refused
    assert "posted on Wednesdays" in await teams.send(in_channel(teams, "channel day wed"))

    # A colleague's reply in the thread, without a mention: not answered, not stored.
    before = all_rows(app.engine)
    reply = in_channel(teams, "PRIVATE-THREAD-REPLY from our team")
    reply["entities"] = []
    reply["text"] = "PRIVATE-THREAD-REPLY from our team"
    assert await teams.send(reply) == ""
    after = all_rows(app.engine)
    assert "PRIVATE-THREAD-REPLY" not in str(after)
    assert {k: v for k, v in after.items() if k != "teams_conversations"} == {
        k: v for k, v in before.items() if k != "teams_conversations"
    }

    out = io.StringIO()
    at = argparse.Namespace(at="2026-11-18T12:30:00Z")  # Wed 07:30 in New York
    assert (
        await asyncio.to_thread(cli.tick, at, build_senders=build_senders, core=app, out=out) == 0
    )
    assert "sent" in out.getvalue() and "platform=teams" in out.getvalue()
    (post,) = teams.connector.take()
    assert post["conversation"]["id"] == activities.CHANNEL_CONVERSATION
    assert "replyToId" not in post  # a new post in the channel, not a reply in a thread
    text = card_text(post)
    assert "This week's team prompt:" in text and "Reply in this thread" in text

    out = io.StringIO()
    assert (
        await asyncio.to_thread(cli.tick, at, build_senders=build_senders, core=app, out=out) == 0
    )
    assert "0 handled" in out.getvalue() and teams.connector.take() == []

    assert "off for this channel" in await teams.send(in_channel(teams, "channel off"))


async def test_channel_words_in_a_personal_chat_say_where_to_use_them(teams: TeamsChat) -> None:
    assert "@mention me in the team channel" in await teams.says("channel on")


async def test_a_quiet_channel_asks_in_the_channel_and_a_click_there_answers(
    teams: TeamsChat, app: CoachApp, clock: FakeClock
) -> None:
    await teams.send(in_channel(teams, "channel on"))  # Tue 07:30 America/New_York
    posts: list[dict[str, Any]] = []
    for week in range(7):
        at = datetime(2026, 11, 17, 12, 30, tzinfo=UTC) + timedelta(weeks=week)
        out = io.StringIO()
        args = argparse.Namespace(at=f"{at:%Y-%m-%dT%H:%M:%SZ}")
        await asyncio.to_thread(cli.tick, args, build_senders=build_senders, core=app, out=out)
        posts += teams.connector.take()
    assert len(posts) == 7
    assert {post["conversation"]["id"] for post in posts} == {activities.CHANNEL_CONVERSATION}
    asked = card_text(posts[6])
    assert "To the colleague who turned on these team prompts: for 6 weeks" in asked
    assert "We talked about it" in card_text(posts[0])

    clock.set(datetime(2026, 12, 30, 15, 0, tzinfo=UTC))
    keep = next(
        a
        for a in reading.options(posts[6]["attachments"][0]["content"])
        if a["title"] == "Keep going"
    )
    click = in_channel(teams, "")
    click["entities"], click["text"], click["value"] = [], "", keep["data"]
    assert "Lovely, the team prompts carry on. Next one: Tue Jan 5, 07:30" in await teams.send(
        click
    )
    with app.sessions() as session:
        row = session.scalars(select(ChannelSubscription)).one()
    assert row.enabled and row.paused_until is None and row.asked_at is None
