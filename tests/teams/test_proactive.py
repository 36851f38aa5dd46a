"""Proactive sends from stored references, as the scheduler makes them."""

from __future__ import annotations

import asyncio
import dataclasses

from sqlalchemy import select

from adapters.teams.models import TeamsConversation
from adapters.teams.sender import TeamsSender, build_teams_sender
from bot.api import CoachAPI
from bot.app import CoachApp
from bot.delivery import Address, DeliveryOutcome, Sender
from bot.inbound import Platform
from bot.replies import Card, Choice, Text
from bot.storage.models import Workspace
from tests.teams import activities
from tests.teams.conftest import FAST, TeamsChat, card_text
from tests.teams.reading import options

EDUCATOR = Address(Platform.TEAMS, activities.TENANT, activities.USER_AAD)
NUDGE = [
    Text("Your weekly nudge is here."),
    Card("Relational", "Trust comes first.", (Choice("Reflect now", "reflect relational"),)),
]


def sender_for(app: CoachApp) -> TeamsSender:
    sender = build_teams_sender(CoachAPI(app))
    assert isinstance(sender, TeamsSender)
    sender.policy = FAST
    return sender


async def deliver(sender: Sender, address: Address = EDUCATOR) -> tuple[str, str]:
    # deliver() is synchronous and runs its own event loop, as in the clock process.
    result = await asyncio.to_thread(sender.deliver, address, NUDGE)
    return result.outcome.value, result.reason


async def test_a_stored_reference_receives_a_proactive_nudge(
    teams: TeamsChat, app: CoachApp
) -> None:
    await teams.says("help")
    assert await deliver(sender_for(app)) == ("sent", "")
    # One message: the line, with the nudge's card below it (adapters/teams/packing.py).
    (text,) = teams.connector.take()
    card = text
    assert text["text"] == "Your weekly nudge is here."
    assert text["conversation"]["id"] == activities.PERSONAL_CONVERSATION
    assert text["recipient"]["id"] == activities.USER_ID
    assert "replyToId" not in text  # a new message, not a reply to an old one
    assert "Trust comes first." in card_text(card)

    # The educator clicks the nudge's button: it works like any other.
    answer = await teams.clicks_data(options(card["attachments"][0]["content"])[0]["data"])
    assert "Question 1 of 2" in answer


async def test_429_then_success_is_sent(teams: TeamsChat, app: CoachApp) -> None:
    await teams.says("help")
    teams.connector.fail_next(429, times=2, retry_after="0")
    assert await deliver(sender_for(app)) == ("sent", "")
    assert teams.connector.refused == [429, 429]
    assert len(teams.connector.take()) == 1


async def test_still_limited_after_the_retries_reports_retry(
    teams: TeamsChat, app: CoachApp
) -> None:
    await teams.says("help")
    teams.connector.fail_next(429, times=FAST.attempts)
    assert await deliver(sender_for(app)) == ("retry", "rate_limited")
    teams.connector.fail_next(503, times=FAST.attempts)
    assert await deliver(sender_for(app)) == ("retry", "http_503")
    with app.sessions() as session:
        assert session.scalars(select(TeamsConversation)).one().unreachable_at is None


async def test_403_marks_the_address_unreachable(teams: TeamsChat, app: CoachApp) -> None:
    await teams.says("help")
    teams.connector.fail_next(403, code="BotNotInConversationRoster")
    sender = sender_for(app)
    assert await deliver(sender) == ("gone", "bot_removed")
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
        tenant = session.get(Workspace, ("teams", activities.TENANT))
    assert row.unreachable_reason == "bot_removed"
    assert tenant is not None and tenant.uninstalled_at is not None
    # Not tried again.
    assert await deliver(sender) == ("gone", "unreachable")
    assert teams.connector.refused == [403]


async def test_blocked_by_the_user_is_gone(teams: TeamsChat, app: CoachApp) -> None:
    await teams.says("help")
    teams.connector.fail_next(403, code="ConversationBlockedByUser")
    assert await deliver(sender_for(app)) == ("gone", "blocked")


async def test_no_stored_reference_is_gone(app: CoachApp) -> None:
    assert await deliver(sender_for(app)) == ("gone", "no_reference")
    slack = Address(Platform.SLACK, "T1", "U1")
    assert await deliver(sender_for(app), slack) == ("gone", "not_teams")


async def test_a_channel_address_posts_to_the_channel(teams: TeamsChat, app: CoachApp) -> None:
    await teams.send(activities.channel_mention(teams.connector.url, "help"))
    channel = Address(
        Platform.TEAMS, activities.TENANT, "", conversation=activities.CHANNEL_CONVERSATION
    )
    assert await deliver(sender_for(app), channel) == ("sent", "")
    posted = teams.connector.posted
    assert {p.conversation for p in posted} == {activities.CHANNEL_CONVERSATION}
    assert all(p.reply_to is None for p in posted)


async def test_an_unreachable_connector_reports_retry(teams: TeamsChat, app: CoachApp) -> None:
    await teams.says("help")
    await teams.connector.close()
    outcome, reason = await deliver(sender_for(app))
    assert outcome == DeliveryOutcome.RETRY.value
    assert reason


def test_production_without_teams_credentials_has_no_sender(app: CoachApp) -> None:
    settings = app.settings.model_copy(update={"coach_env": "production"})
    assert build_teams_sender(CoachAPI(dataclasses.replace(app, settings=settings))) is None
