"""Who may reach the Teams endpoint: this machine only without an app id; one tenant only for
a SingleTenant bot; and nobody but an educator moves where their own answers go.

Issue 13, finding 7: with no app id the endpoint took unauthenticated activities from
anywhere, and an unsigned `export` naming another user's id sent their data to an address of
the sender's choosing. Finding 10: a SingleTenant bot accepted another tenant's activity and
stored its educator.
"""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from adapters.teams.models import TeamsConversation
from adapters.teams.mount import mount_teams
from bot.api import CoachAPI
from bot.app import CoachApp
from bot.settings import Settings
from bot.storage.models import Educator, SeenDelivery
from tests.teams import activities
from tests.teams.conftest import TeamsChat
from tests.teams.connector import Connector

APP_ID = "00000000-1111-2222-3333-444444444444"
OUR_TENANT = "11111111-2222-3333-4444-555555555555"


def single_tenant_settings(settings: Settings) -> Settings:
    """The coach as a school's IT admin runs it: its own app id and secret, our tenant only,
    so every post to it carries a token and every post from it asks for one."""
    return settings.model_copy(
        update={
            "microsoft_app_id": APP_ID,
            "microsoft_app_password": "not-a-real-secret",
            "microsoft_app_type": "SingleTenant",
            "microsoft_app_tenant_id": OUR_TENANT,
        }
    )


MARKER = "GATE-5d0c19"


def stored(app: CoachApp) -> int:
    with app.sessions() as session:
        return sum(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Educator, TeamsConversation, SeenDelivery)
        )


def this_machine_on_the_network() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.fixture
async def from_the_network(app: CoachApp) -> AsyncIterator[TestClient[Any, Any]]:
    """The Teams endpoint without an app id, reached from a non-loopback address."""
    address = this_machine_on_the_network()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    web_app = web.Application()
    mount_teams(web_app, CoachAPI(app))
    async with TestClient(TestServer(web_app, host=address)) as client:
        yield client


async def victim_with_data(teams: TeamsChat) -> None:
    await teams.says("reflect relational")
    await teams.says(f"{MARKER} Maria's mom came to pickup")
    await teams.says(f"{MARKER} we talked")
    await teams.clicks("Write my own")
    await teams.says(f"{MARKER} call her Friday")
    teams.connector.take()


async def test_unauthenticated_the_network_is_refused(
    teams: TeamsChat, app: CoachApp, from_the_network: TestClient[Any, Any]
) -> None:
    await victim_with_data(teams)
    before = stored(app)
    export = activities.message(teams.connector.url, "export")  # claims to be the educator
    response = await from_the_network.post("/api/messages", json=export)
    assert response.status == 403
    assert teams.connector.posted == []
    assert stored(app) == before


async def test_unauthenticated_answers_never_leave_this_machine(
    teams: TeamsChat, app: CoachApp
) -> None:
    await victim_with_data(teams)
    before = stored(app)
    for elsewhere in (
        "https://collector.ev.il/",
        "http://192.0.2.77:3978/",
        "http://127.0.0.1.ev.il/",
    ):
        export = activities.message(elsewhere, "export")
        assert await teams.post(export) == 403
    assert teams.connector.posted == []
    assert stored(app) == before


async def test_only_an_educators_own_activity_moves_their_personal_chat(
    teams: TeamsChat, app: CoachApp
) -> None:
    await victim_with_data(teams)
    other = Connector()
    await other.start()
    try:
        # Someone else, naming the educator's personal conversation, answered at their own
        # (local) connector.
        hijack = activities.message(other.url, "nudges on", user="intruder-0001")
        hijack["conversation"]["id"] = activities.PERSONAL_CONVERSATION
        assert await teams.post(hijack) == 200
        assert MARKER not in str(other.take())
    finally:
        await other.close()
    with app.sessions() as session:
        row = session.scalars(
            select(TeamsConversation).where(
                TeamsConversation.conversation_id == activities.PERSONAL_CONVERSATION
            )
        ).one()
        educator = session.scalars(
            select(Educator).where(Educator.user_id == activities.USER_AAD)
        ).one()
    assert row.service_url == teams.connector.url  # where the educator's nudges go: unchanged
    assert row.user_id == activities.USER_AAD and row.educator_id == educator.id


@pytest.fixture
async def single_tenant(app: CoachApp) -> AsyncIterator[TestClient[Any, Any]]:
    settings = single_tenant_settings(app.settings)
    web_app = web.Application()
    mount_teams(web_app, CoachAPI(dataclasses.replace(app, settings=settings)))
    async with TestClient(TestServer(web_app, host="127.0.0.1")) as client:
        yield client


def in_tenant(activity: dict[str, Any], channel_data: str, conversation: str) -> dict[str, Any]:
    activity["channelData"]["tenant"]["id"] = channel_data
    activity["conversation"]["tenantId"] = conversation
    return activity


@pytest.mark.parametrize(
    ("channel_data", "conversation"),
    [
        (activities.TENANT, activities.TENANT),  # another tenant throughout
        (OUR_TENANT, activities.TENANT),  # ours in one place, another in the other
        (activities.TENANT, OUR_TENANT),
    ],
)
async def test_single_tenant_refuses_other_tenants(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    connector: Connector,
    channel_data: str,
    conversation: str,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), channel_data, conversation)
    response = await single_tenant.post("/api/messages", json=activity)
    assert response.status == 403
    assert stored(app) == 0 and connector.posted == []


async def test_single_tenant_still_authenticates_its_own_tenant(
    app: CoachApp, single_tenant: TestClient[Any, Any], connector: Connector
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), OUR_TENANT, OUR_TENANT)
    response = await single_tenant.post("/api/messages", json=activity)
    assert response.status == 401  # the tenant is ours; the token (none here) decides
    assert stored(app) == 0
