"""Finding 10 through the real Bot Framework authentication: a token botbuilder accepts, signed
by a key served from a local OpenID endpoint, still cannot bring another tenant's activity
into a SingleTenant coach; the same token from our own tenant is let in.

The signing key is ours, served the way Microsoft serves its keys (OpenID metadata, then a
key set whose keys are endorsed for `msteams`); botbuilder's own setting for the channel's
metadata address points at it. The coach's own outbound token (client credentials from
login.microsoftonline.com, to post its answer) is the one thing handed over without asking
Microsoft: no platform is called for real. Everything else, from the token checks to the
tenant gate, is the code that runs in production.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from botframework.connector.auth import MicrosoftAppCredentials

from adapters.teams.mount import TEAMS_KEY, mount_teams
from bot.api import CoachAPI
from bot.app import CoachApp
from tests.teams import activities
from tests.teams.connector import Connector
from tests.teams.signing import SigningKey
from tests.teams.test_gate import OUR_TENANT, in_tenant, single_tenant_settings, stored


@pytest.fixture
async def single_tenant(
    app: CoachApp, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[TestClient[Any, Any]]:
    monkeypatch.setattr(
        MicrosoftAppCredentials, "get_access_token", lambda self, force_refresh=False: "outbound"
    )
    settings = single_tenant_settings(app.settings)
    web_app = web.Application()
    mount_teams(web_app, CoachAPI(dataclasses.replace(app, settings=settings)))
    async with TestClient(TestServer(web_app, host="127.0.0.1")) as client:
        yield client


async def _post(client: TestClient[Any, Any], activity: dict[str, Any], token: str) -> int:
    response = await client.post(
        "/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
    )
    await response.read()
    await client.app[TEAMS_KEY].drain()
    return response.status


@pytest.mark.parametrize(
    ("channel_data", "conversation"),
    [
        (activities.TENANT, activities.TENANT),  # another tenant throughout
        (OUR_TENANT, activities.TENANT),  # ours in one place, another in the other
        (activities.TENANT, OUR_TENANT),
    ],
)
async def test_a_correctly_signed_activity_from_another_tenant_is_refused(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
    channel_data: str,
    conversation: str,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), channel_data, conversation)
    status = await _post(single_tenant, activity, signing_key.token(connector.url))
    assert status == 403
    assert stored(app) == 0 and connector.posted == []


async def test_the_same_token_from_our_tenant_is_authenticated_and_answered(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), OUR_TENANT, OUR_TENANT)
    assert await _post(single_tenant, activity, signing_key.token(connector.url)) == 200
    assert stored(app) > 0  # the educator and their chat: botbuilder accepted the token
    answers = [sent for sent in connector.posted if sent.authorization == "Bearer outbound"]
    assert any("nudge" in (sent.activity.get("text") or "").lower() for sent in answers)


async def test_a_token_for_another_bot_is_refused_even_from_our_tenant(
    app: CoachApp,
    single_tenant: TestClient[Any, Any],
    signing_key: SigningKey,
    connector: Connector,
) -> None:
    activity = in_tenant(activities.message(connector.url, "nudges on"), OUR_TENANT, OUR_TENANT)
    token = signing_key.token(connector.url, audience="99999999-8888-7777-6666-555555555555")
    assert await _post(single_tenant, activity, token) == 401
    assert stored(app) == 0
