"""Removing the coach in Teams, as Teams says it: an educator uninstalling it from their
personal chat, or a team removing it. What it sent stops at once, and what it kept for
them is deleted COACH_UNINSTALL_GRACE_DAYS later (docs/PRIVACY.md), unless it is added
back first; everyone else's data stays."""

from __future__ import annotations

import argparse
import asyncio
import io
from typing import Any

from sqlalchemy import func, select

from adapters.senders import build_senders
from adapters.teams.models import TeamsConversation
from bot.app import CoachApp
from bot.storage.data_keys import EducatorKey
from bot.storage.models import Educator, Reflection, Removal, Workspace
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription
from bot.weekly.models import Subscription
from scheduler import cli
from scheduler.maintenance import run_daily
from tests.clock import FakeClock
from tests.teams import activities
from tests.teams.conftest import TeamsChat

COLLEAGUE = "0b7e2c41-dddd-4eee-8fff-0123456789cd"
OTHER_CHANNEL = "19:second-channel-id@thread.tacv2"
GRACE_DAYS = 30  # the default COACH_UNINSTALL_GRACE_DAYS


async def reflect(teams: TeamsChat, marker: str) -> None:
    assert "Question 1 of 2" in await teams.says("reflect relational")
    await teams.says(f"{marker} first answer about a family")
    await teams.says(f"{marker} second answer")
    await teams.clicks("Write my own")
    assert "journal" in await teams.says(f"{marker} my own action")


def as_user(teams: TeamsChat, user: str) -> TeamsChat:
    other = TeamsChat(teams.client, teams.connector)
    other.user = user
    return other


def uninstall(teams: TeamsChat) -> dict[str, Any]:
    activity = activities.installation_update(teams.connector.url, "remove")
    if teams.user != activities.USER_AAD:
        activity = activities.personal(teams.connector.url, "installationUpdate", user=teams.user)
        activity["action"] = "remove"
    return activity


def in_channel(teams: TeamsChat, text: str, channel: str) -> dict[str, Any]:
    activity = activities.channel_mention(teams.connector.url, text)
    activity["conversation"]["id"] = f"{channel};messageid=1700000000123"
    activity["channelData"]["channel"] = {"id": channel}
    activity["channelData"]["teamsChannelId"] = channel
    return activity


def removed_from_team(teams: TeamsChat) -> dict[str, Any]:
    """What Teams sends when the coach is removed from a team: a conversationUpdate in the
    team's General channel (whose id is the team's), naming the coach among those removed."""
    activity = activities.channel_mention(teams.connector.url, "")
    activity.pop("text")
    activity.pop("entities")
    activity["type"] = "conversationUpdate"
    activity["conversation"]["id"] = activities.TEAM_ID
    activity["channelData"]["eventType"] = "teamMemberRemoved"
    activity["membersRemoved"] = [{"id": activities.BOT_ID}]
    return activity


def count(app: CoachApp, model: Any, *where: Any) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def educator_count(app: CoachApp, user: str) -> int:
    return count(app, Educator, Educator.user_id == user)


def daily(app: CoachApp, clock: FakeClock, days: float) -> None:
    clock.advance(days=days)
    assert run_daily(app, clock.now) == 0


async def test_an_educator_who_uninstalls_is_deleted_after_the_grace_period(
    teams: TeamsChat, app: CoachApp, clock: FakeClock
) -> None:
    colleague = as_user(teams, COLLEAGUE)
    await reflect(teams, "RIVERA")
    assert "Weekly nudges are on" in await teams.says("nudges on")
    await reflect(colleague, "COLLEAGUE")

    await teams.send(uninstall(teams))
    assert teams.last == []  # nothing is said to someone who just left
    with app.sessions() as session:
        nudges = session.scalars(select(Subscription)).one()
        tenant = session.get(Workspace, ("teams", activities.TENANT))
    assert not nudges.enabled and nudges.next_send_at is None  # no nudge after leaving
    assert tenant is None or tenant.uninstalled_at is None  # a colleague still has the coach

    daily(app, clock, GRACE_DAYS - 1)
    assert educator_count(app, activities.USER_AAD) == 1  # not yet: they may come back

    daily(app, clock, 1)
    assert educator_count(app, activities.USER_AAD) == 0
    assert count(app, TeamsConversation, TeamsConversation.user_id == activities.USER_AAD) == 0
    assert count(app, Removal) == 0
    # Everything they wrote went with their data key; the colleague's journal is whole.
    assert count(app, EducatorKey) == 1
    assert count(app, Reflection) == 1
    assert "COLLEAGUE" in await colleague.says("journal")


async def test_added_back_within_the_grace_period_nothing_is_deleted(
    teams: TeamsChat, app: CoachApp, clock: FakeClock
) -> None:
    await reflect(teams, "RIVERA")
    await teams.says("nudges on")
    await teams.send(uninstall(teams))
    # Teams also says the coach left the conversation: the same removal, recorded once.
    await teams.send(activities.members_removed(teams.connector.url))
    assert count(app, Removal) == 1

    daily(app, clock, 10)
    await teams.send(activities.installation_update(teams.connector.url, "add"))
    daily(app, clock, GRACE_DAYS)

    assert "RIVERA first answer" in await teams.says("journal")
    assert "They stopped because you removed the coach." in await teams.says("nudges")
    assert count(app, Removal) == 0


async def test_a_removal_from_someone_else_in_the_personal_chat_changes_nothing(
    teams: TeamsChat, app: CoachApp, clock: FakeClock
) -> None:
    await reflect(teams, "RIVERA")
    forged = uninstall(teams)
    forged["from"] = {"id": "29:someone-else", "aadObjectId": COLLEAGUE}
    await teams.send(forged)
    daily(app, clock, GRACE_DAYS + 1)
    assert "RIVERA first answer" in await teams.says("journal")


async def test_a_team_that_removes_the_coach_loses_its_team_prompts_after_the_grace_period(
    teams: TeamsChat, app: CoachApp, clock: FakeClock
) -> None:
    await reflect(teams, "RIVERA")
    on = "Team prompts are on for this channel"
    assert on in await teams.send(in_channel(teams, "channel on", activities.TEAM_ID))
    assert on in await teams.send(in_channel(teams, "channel on", OTHER_CHANNEL))
    out = io.StringIO()
    at = argparse.Namespace(at="2026-11-17T13:30:00Z")  # Tue 07:30 in Chicago
    await asyncio.to_thread(cli.tick, at, build_senders=build_senders, core=app, out=out)
    assert len(teams.connector.take()) == 2, out.getvalue()  # a prompt in each channel
    assert count(app, ChannelLedger) == 2

    await teams.send(removed_from_team(teams))
    with app.sessions() as session:
        prompts = session.scalars(select(ChannelSubscription)).all()
    assert [(p.enabled, p.off_reason) for p in prompts] == [(False, "bot_removed")] * 2

    daily(app, clock, GRACE_DAYS + 1)
    assert count(app, ChannelSubscription) == 0
    assert count(app, ChannelLedger) == 0
    assert count(app, TeamsConversation, TeamsConversation.kind == "channel") == 0
    # The educator who turned them on keeps everything of their own.
    assert "RIVERA first answer" in await teams.says("journal")


async def test_a_team_that_adds_the_coach_back_keeps_its_team_prompts(
    teams: TeamsChat, app: CoachApp, clock: FakeClock
) -> None:
    await teams.says("help")  # the personal chat: the tenant keeps the coach throughout
    await teams.send(in_channel(teams, "channel on", OTHER_CHANNEL))
    await teams.send(removed_from_team(teams))
    daily(app, clock, 5)

    added = removed_from_team(teams)
    added["channelData"]["eventType"] = "teamMemberAdded"
    added["membersAdded"] = added.pop("membersRemoved")
    await teams.send(added)
    daily(app, clock, GRACE_DAYS)

    assert count(app, ChannelSubscription) == 1
    answer = await teams.send(in_channel(teams, "channel", OTHER_CHANNEL))
    assert "They stopped because I was removed from this team." in answer
