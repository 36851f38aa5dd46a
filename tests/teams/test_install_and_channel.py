"""Install, removal and team channels, as Teams sends them."""

from __future__ import annotations

from sqlalchemy import select

from adapters.teams.models import TeamsConversation
from bot.app import CoachApp
from bot.storage.models import Educator, Workspace
from tests.teams import activities
from tests.teams.conftest import TeamsChat


async def test_install_welcomes_once_with_buttons_to_start(teams: TeamsChat, app: CoachApp) -> None:
    url = teams.connector.url
    # Teams sends both on a personal install; either may come first, and may come again.
    welcome = await teams.send(activities.installation_update(url, "add"))
    assert "Welcome to Partnership Coach" in welcome
    assert [a["title"] for a in teams.actions()] == [
        "Start a reflection",
        "Learn the framework",
        "Fit it to my role",
        "What can you do?",
    ]
    start = teams.action("Start a reflection")["data"]
    assert await teams.send(activities.members_added(url)) == ""
    assert await teams.send(activities.installation_update(url, "add-upgrade")) == ""
    # No member look-up is needed to welcome.
    assert teams.connector.member_lookups == []

    answer = await teams.clicks_data(start)
    assert "Question 1 of 2" in answer
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
        educator = session.scalars(select(Educator)).one()
    assert row.welcomed_at is not None
    assert row.educator_id == educator.id


async def test_members_added_alone_welcomes_and_other_members_do_not(teams: TeamsChat) -> None:
    url = teams.connector.url
    assert await teams.send(activities.members_added(url, bot=False)) == ""
    assert "Welcome" in await teams.send(activities.members_added(url))
    assert await teams.send(activities.members_added(url)) == ""


async def test_removal_marks_the_address_and_the_tenant(teams: TeamsChat, app: CoachApp) -> None:
    url = teams.connector.url
    await teams.send(activities.installation_update(url, "add"))
    await teams.send(activities.installation_update(url, "remove"))
    assert teams.last == []
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
        tenant = session.get(Workspace, ("teams", activities.TENANT))
    assert row.unreachable_at is not None
    assert row.unreachable_reason == "uninstalled"
    assert tenant is not None and tenant.uninstalled_at is not None

    # Installed again: reachable, the tenant is back, and no second welcome.
    assert await teams.send(activities.installation_update(url, "add")) == ""
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
        tenant = session.get(Workspace, ("teams", activities.TENANT))
    assert row.unreachable_at is None
    assert tenant is not None and tenant.uninstalled_at is None


async def test_bot_removed_from_conversation_marks_it_unreachable(
    teams: TeamsChat, app: CoachApp
) -> None:
    await teams.says("help")
    await teams.send(activities.members_removed(teams.connector.url))
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
    assert row.unreachable_reason == "uninstalled"


async def test_a_channel_mention_is_understood_without_the_mention(
    teams: TeamsChat, app: CoachApp
) -> None:
    # `help` (one of the two things answered in the channel itself: contract, "Where
    # answers go"); anything else would have gone to a personal chat.
    activity = activities.channel_mention(teams.connector.url, "help")
    answer = await teams.send(activity)
    assert "Partnership Coach" in answer and "reflect" in answer
    for posted in teams.last:
        assert posted["conversation"]["id"] == activity["conversation"]["id"]
        assert posted["replyToId"] == activity["id"]
    with app.sessions() as session:
        row = session.scalars(select(TeamsConversation)).one()
    assert row.kind == "channel"
    assert row.conversation_id == activities.CHANNEL_CONVERSATION  # the channel, not a thread
    assert row.user_id is None


async def test_a_channel_message_without_a_mention_is_left_alone(teams: TeamsChat) -> None:
    activity = activities.channel_mention(teams.connector.url, "help")
    activity["text"] = "help"
    activity["entities"] = []
    assert await teams.send(activity) == ""
