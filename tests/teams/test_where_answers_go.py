"""What an educator asks for in a team channel that is theirs alone is answered in their
personal chat with the coach, with one line left in the channel (contract: "Where answers
go"); only `help` and `channel ...` are answered in the channel.

Issue 13, finding 1: `@Coach export` posted the educator's reflections, naming children, to
the whole team; `journal`, `reflect` and the welcome card's "Start a reflection" also ran in
the channel.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from adapters.teams import messages as teams_messages
from bot.app import CoachApp
from bot.storage.models import Educator
from tests.teams import activities
from tests.teams.conftest import TeamsChat, card_text

MARKER = "CHILD-3b8e41"
PERSONAL_WORDS = [
    "journal",
    "reflect",
    "reflect relational",
    "assess",
    "export",
    "forget",
    "nudges",
    "nudges on",
    f"reframe Those parents never {MARKER} come",
    "can you help me write a note to a parent",
    "learn relational",
]


async def educator_with_a_journal(teams: TeamsChat) -> None:
    """An educator who has a personal chat with the coach and a reflection naming a child."""
    await teams.says("reflect relational")
    await teams.says(f"{MARKER} Maria's mom came to pickup")
    await teams.says(f"{MARKER} we talked about her reading")
    await teams.clicks("Write my own")
    await teams.says(f"{MARKER} call Maria's mom Friday")
    teams.connector.take()


def split(teams: TeamsChat) -> tuple[str, str]:
    """(what went to the personal chat, what went anywhere else), as text."""
    personal, elsewhere = [], []
    for posted in teams.connector.posted:
        shown = card_text(posted.activity)
        if posted.conversation == activities.PERSONAL_CONVERSATION:
            personal.append(shown)
        else:
            elsewhere.append(shown)
    teams.connector.posted.clear()
    return "\n".join(personal), "\n".join(elsewhere)


async def in_channel(teams: TeamsChat, text: str) -> int:
    return await teams.post(activities.channel_mention(teams.connector.url, text))


@pytest.mark.parametrize("words", PERSONAL_WORDS)
async def test_personal_words_in_a_channel_are_answered_in_the_personal_chat(
    teams: TeamsChat, words: str
) -> None:
    await educator_with_a_journal(teams)
    assert await in_channel(teams, words) == 200
    personal, channel = split(teams)
    assert personal, "nothing reached the personal chat"
    assert channel == str(teams_messages.ANSWERED_PRIVATELY)  # one line, nothing else
    assert MARKER not in channel


async def test_export_in_a_channel_reaches_only_the_educator(teams: TeamsChat) -> None:
    await educator_with_a_journal(teams)
    await in_channel(teams, "export")
    personal, channel = split(teams)
    assert MARKER in personal
    assert MARKER not in channel


async def test_without_a_personal_chat_nothing_is_run(teams: TeamsChat, app: CoachApp) -> None:
    assert await in_channel(teams, "nudges on") == 200
    personal, channel = split(teams)
    assert personal == "" and channel == str(teams_messages.SAY_IT_PRIVATELY)
    with app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Educator)) == 0


@pytest.mark.parametrize("words", ["help", "channel", "channel on"])
async def test_help_and_channel_words_are_answered_in_the_channel(
    teams: TeamsChat, words: str
) -> None:
    await educator_with_a_journal(teams)
    await in_channel(teams, words)
    personal, channel = split(teams)
    assert personal == "" and channel and channel != str(teams_messages.ANSWERED_PRIVATELY)


def channel_install(service_url: str) -> dict[str, Any]:
    activity = activities.channel_mention(service_url, "")
    activity.update(type="installationUpdate", action="add", text=None, entities=[])
    return activity


def channel_click(service_url: str, value: str) -> dict[str, Any]:
    activity = activities.channel_mention(service_url, "")
    activity.update(text=None, entities=[], value={"coach": value}, replyToId="1700000000001")
    return activity


async def test_the_channel_welcome_offers_channel_help_not_a_reflection(
    teams: TeamsChat,
) -> None:
    url = teams.connector.url
    await teams.send(channel_install(url))
    titles = [action["title"] for action in teams.actions()]
    assert "Start a reflection" not in titles
    assert titles == ["What can you do?", "Weekly team prompts"]
    for action in teams.actions():
        teams.connector.take()
        await teams.post(channel_click(url, action["data"]["coach"]))
        personal, channel = split(teams)
        assert personal == "" and channel  # answered for the channel


async def test_an_old_start_a_reflection_button_in_a_channel_goes_private(
    teams: TeamsChat,
) -> None:
    await educator_with_a_journal(teams)
    await teams.post(channel_click(teams.connector.url, "reflect"))
    personal, channel = split(teams)
    assert "Question 1 of 2" in personal or "How did it go?" in personal
    assert channel == str(teams_messages.ANSWERED_PRIVATELY)
