"""Personal chat over real Bot Framework activities: the same words as the terminal."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from adapters.console.chat import ConsoleSession
from adapters.console.render import render
from adapters.teams.cards import ADAPTIVE_CARD_TYPE
from adapters.teams.models import TeamsConversation
from bot.api import CoachAPI
from bot.app import CoachApp
from bot.storage.models import Educator, Reflection
from tests.teams import activities
from tests.teams.conftest import TeamsChat, card_text

# Each command word of the contract, and something its answer must contain.
COMMAND_WORDS = [
    ("help", "Partnership Coach"),
    ("learn", "relational"),
    ("learn relational", "Source:"),
    ("reflect relational", "Question 1 of 2"),
    ("journal", "journal"),
    ("nudges", "nudge"),
    ("assess", "Thirteen short statements"),
    ("reframe Those parents never show up", "another way you could put it"),
    ("export", "partnership-coach-export"),
    ("forget", "This deletes everything I keep about you"),
    ("cancel", "nothing to cancel"),
    ("frobnicate", "I don't know `frobnicate` yet"),
]


@pytest.mark.parametrize(("words", "expected"), COMMAND_WORDS)
async def test_each_command_word_gets_the_terminal_answer(
    teams: TeamsChat, words: str, expected: str
) -> None:
    answer = await teams.says(words)
    assert teams.last, f"no reply to {words!r}"
    assert expected.casefold() in answer.casefold()
    for activity in teams.last:
        assert activity["type"] == "message"
        assert activity["conversation"]["id"] == activities.PERSONAL_CONVERSATION
        assert activity["recipient"]["id"] == activities.USER_ID


QUOTED_HELP = [
    # Newer Teams clients: a placeholder for the quoted message, then what was typed.
    '<quoted messageId="1700000000001"/>help',
    # Older ones: the quoted message itself, as a Skype "Reply" blockquote.
    '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1700000000001">'
    '<strong itemprop="mri" itemid="28:bot">Partnership Coach</strong>'
    '<p itemprop="preview">How did it go? Call Luis&#39;s dad</p></blockquote><p>help</p>',
]


@pytest.mark.parametrize("quoted", QUOTED_HELP)
async def test_a_quoted_reply_is_read_without_the_message_it_quotes(
    teams: TeamsChat, quoted: str
) -> None:
    # Had: "I don't know `<quoted` yet" (the quote's markup read as the words).
    answer = await teams.says(quoted)
    assert "Here's what you can type" in answer and "I don't know" not in answer


def test_the_terminal_says_the_same_for_each_command_word(app: CoachApp) -> None:
    """The table above is the terminal's answer too (the terminal drops `code` marks)."""
    for words, expected in COMMAND_WORDS:
        terminal = ConsoleSession(CoachAPI(app), f"ms-lee-{words.split()[0]}")
        shown = render(terminal.say(words)).text
        assert expected.replace("`", "").casefold() in shown.casefold(), words


async def test_help_is_an_adaptive_card_with_submit_buttons(teams: TeamsChat) -> None:
    # The first time, the menu comes with the first hello's question (who are you?).
    await teams.says("HELP")
    _menu, first_hello = teams.last
    assert "what's your role?" in str(first_hello["attachments"][0]["content"])
    await teams.says("HELP")
    [reply] = teams.last
    [attachment] = reply["attachments"]
    assert attachment["contentType"] == ADAPTIVE_CARD_TYPE
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.5"
    assert {action["type"] for action in teams.actions()} == {"Action.Submit"}
    assert teams.action("Start a reflection")["data"]["coach"] == "reflect"


async def test_a_full_reflection_with_cards_is_saved_once(teams: TeamsChat, app: CoachApp) -> None:
    answer = await teams.says("reflect relational")
    assert "Question 1 of 2" in answer
    answer = await teams.says("I greeted every family at pickup on Friday.")
    assert "Question 2 of 2" in answer
    answer = await teams.says("Two parents stayed to chat about the science fair.")
    assert "pick one small action" in answer
    action = teams.actions()[0]
    answer = await teams.clicks_data(action["data"])
    assert "Saved to your journal" in answer
    assert action["title"] in answer

    # A double click on the same button (a new activity id) saves nothing more.
    answer = await teams.clicks_data(action["data"])
    assert "already finished" in answer

    with app.sessions() as session:
        reflections = session.scalars(select(Reflection)).all()
        assert len(reflections) == 1
        educator = session.scalars(select(Educator)).one()
    assert educator.platform == "teams"
    assert educator.workspace == activities.TENANT
    assert educator.user_id == activities.USER_AAD
    journal = await teams.says("journal")
    assert action["title"] in journal


async def test_a_retried_delivery_is_answered_once(teams: TeamsChat) -> None:
    activity = activities.message(teams.connector.url, "help")
    assert await teams.post(activity) == 200
    assert len(teams.connector.take()) == 2  # the menu and the first hello's question
    assert await teams.post(activity) == 200
    assert teams.connector.take() == []


async def test_replies_thread_to_the_message_and_use_markdown(teams: TeamsChat) -> None:
    activity = activities.message(teams.connector.url, "cancel")
    await teams.post(activity)
    [posted] = teams.connector.posted
    assert posted.reply_to == activity["id"]
    assert posted.activity["textFormat"] == "markdown"
    assert posted.authorization is None  # local development: no app id, no token


async def test_time_zone_comes_from_the_activity(teams: TeamsChat, app: CoachApp) -> None:
    await teams.says("help")
    with app.sessions() as session:
        educator = session.scalars(select(Educator)).one()
    assert educator.timezone == "America/Chicago"


async def test_every_inbound_activity_stores_the_latest_reference(
    teams: TeamsChat, app: CoachApp
) -> None:
    await teams.says("help")
    moved = activities.message(teams.connector.url, "journal")
    moved["serviceUrl"] = teams.connector.url + "amer/"
    await teams.post(moved)
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
        educator = session.scalars(select(Educator)).one()
    assert row.service_url.endswith("/amer/")
    assert row.reference["serviceUrl"].endswith("/amer/")
    assert row.tenant_id == activities.TENANT
    assert row.reference["conversation"]["tenantId"] == activities.TENANT
    assert row.user_id == activities.USER_AAD
    assert row.educator_id == educator.id
    assert "name" not in row.reference["user"]
    assert row.unreachable_at is None


async def test_two_clicks_at_once_advance_the_reflection_once(
    teams: TeamsChat, app: CoachApp
) -> None:
    await teams.says("reflect connections")
    await teams.says("A dad told me his son loves building things.")
    await teams.says("I could invite families to a maker afternoon.")
    data = teams.actions()[0]["data"]
    url = teams.connector.url
    statuses = await asyncio.gather(
        teams.post(activities.submit(url, data)), teams.post(activities.submit(url, data))
    )
    assert statuses == [200, 200]
    saved = [p for p in teams.connector.take() if "Saved to your journal" in card_text(p)]
    assert len(saved) == 1
    with app.sessions() as session:
        assert len(session.scalars(select(Reflection)).all()) == 1
