"""The endpoint's edges: authentication, production settings, and input that is not an activity."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.teams.auth import bot_framework_config
from adapters.teams.mount import mount_teams
from bot.api import CoachAPI
from bot.app import CoachApp
from bot.errors import ConfigurationError
from bot.settings import Settings
from tests.teams import activities
from tests.teams.conftest import TeamsChat

APP_ID = "00000000-1111-2222-3333-444444444444"


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def test_with_an_app_id_activities_without_a_valid_token_get_401(
    app: CoachApp, teams: TeamsChat
) -> None:
    settings = app.settings.model_copy(
        update={
            "microsoft_app_id": APP_ID,
            "microsoft_app_password": "not-a-real-secret",
            "microsoft_app_tenant_id": activities.TENANT,
        }
    )
    web_app = web.Application()
    mount_teams(web_app, CoachAPI(dataclasses.replace(app, settings=settings)))
    async with TestClient(TestServer(web_app, host="127.0.0.1")) as client:
        activity = activities.message(teams.connector.url, "help")
        for headers in ({}, {"Authorization": "Bearer not.a.jwt"}, {"Authorization": "Basic x"}):
            response = await client.post("/api/messages", json=activity, headers=headers)
            assert response.status == 401
    assert teams.connector.posted == []


def test_production_refuses_to_start_without_credentials() -> None:
    with pytest.raises(ConfigurationError, match="MICROSOFT_APP_ID"):
        bot_framework_config(_settings(coach_env="production"))


@pytest.mark.parametrize(
    ("values", "setting"),
    [
        ({"microsoft_app_id": APP_ID}, "MICROSOFT_APP_PASSWORD"),
        (
            {
                "microsoft_app_id": APP_ID,
                "microsoft_app_password": "s",
                "microsoft_app_type": "SingleTenant",
            },
            "MICROSOFT_APP_TENANT_ID",
        ),
    ],
)
def test_incomplete_credentials_name_the_missing_setting(
    values: dict[str, str], setting: str
) -> None:
    with pytest.raises(ConfigurationError, match=setting):
        bot_framework_config(_settings(**values))


def test_single_tenant_is_the_default_and_asks_for_the_tenant() -> None:
    assert _settings().microsoft_app_type == "SingleTenant"
    with pytest.raises(ConfigurationError, match="MICROSOFT_APP_TENANT_ID"):
        bot_framework_config(_settings(microsoft_app_id=APP_ID, microsoft_app_password="s"))
    multi = _settings(
        microsoft_app_id=APP_ID, microsoft_app_password="s", microsoft_app_type="MultiTenant"
    )
    assert bot_framework_config(multi).APP_TYPE == "MultiTenant"


def test_single_tenant_credentials_are_accepted() -> None:
    config = bot_framework_config(
        _settings(
            coach_env="production",
            microsoft_app_id=APP_ID,
            microsoft_app_password="s",
            microsoft_app_type="SingleTenant",
            microsoft_app_tenant_id="tenant",
        )
    )
    assert (config.APP_TYPE, config.APP_TENANTID) == ("SingleTenant", "tenant")


MALFORMED: list[tuple[str, bytes, str]] = [
    ("not json", b"{nope", "application/json"),
    ("a list", b"[1, 2]", "application/json"),
    ("no type", b'{"serviceUrl": "http://127.0.0.1:9/"}', "application/json"),
    ("type not a string", b'{"type": 5, "serviceUrl": "http://127.0.0.1:9/"}', "application/json"),
    ("no serviceUrl", b'{"type": "message", "text": "help"}', "application/json"),
    ("form body", b"type=message", "application/x-www-form-urlencoded"),
    ("empty", b"", "application/json"),
    ("bad utf-8", b'{"type": "\xff"}', "application/json"),
]


@pytest.mark.parametrize(("name", "body", "content_type"), MALFORMED)
async def test_malformed_bodies_get_a_4xx(
    teams: TeamsChat, name: str, body: bytes, content_type: str
) -> None:
    response = await teams.client.post(
        "/api/messages", data=body, headers={"Content-Type": content_type}
    )
    assert 400 <= response.status < 500, name


@pytest.mark.parametrize(
    "change",
    [
        {"type": "messageReaction", "reactionsAdded": [{"type": "like"}]},
        {"type": "typing"},
        {"type": "somethingNew"},
        {"type": "event", "name": "application/vnd.microsoft.meetingStart"},
        {"type": "message", "text": None, "entities": "not a list"},
        {"type": "message", "value": {"unexpected": True}, "text": ""},
        {"type": "message", "conversation": None},
        {"type": "message", "from": None},
        {"type": "conversationUpdate", "membersAdded": None},
        {"type": "installationUpdate", "action": "whatever"},
    ],
)
async def test_odd_activities_get_a_quiet_answer(teams: TeamsChat, change: dict[str, Any]) -> None:
    activity = {**activities.message(teams.connector.url, "help"), **change}
    status = await teams.post(activity)
    assert status in (200, 400)
    assert await teams.says("help")  # still answering afterwards


async def test_an_invoke_is_answered_with_our_own_body(teams: TeamsChat) -> None:
    activity = activities.personal(teams.connector.url, kind="invoke")
    activity["name"] = "adaptiveCard/action"
    activity["value"] = {"action": {"type": "Action.Execute", "data": {"coach": "help"}}}
    response = await teams.client.post("/api/messages", json=activity)
    assert response.status == 200
    assert (await response.json())["statusCode"] == 200
    assert "Partnership Coach" in "".join(str(a) for a in teams.connector.take())

    activity["name"] = "composeExtension/query"
    response = await teams.client.post("/api/messages", json=activity)
    assert response.status == 200


async def test_get_is_not_allowed(teams: TeamsChat) -> None:
    response = await teams.client.get("/api/messages")
    assert response.status == 405
