"""Team prompts over Teams: an @mention in a team channel turns them on, the weekly post
reaches the channel through the connector, and channel messages without a mention are
neither answered nor stored."""

from __future__ import annotations

import argparse
import asyncio
import io
from typing import Any

from sqlalchemy import select

from adapters.senders import build_senders
from bot.app import CoachApp
from bot.weekly.channel_models import ChannelSubscription
from scheduler import cli
from tests.privacy.helpers import all_rows
from tests.teams import activities
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
