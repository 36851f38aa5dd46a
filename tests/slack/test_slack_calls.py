"""Slack Web API behaviour: 429 with Retry-After, 5xx, uninstalls, settings and the manifest."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from adapters.slack.config import SlackMode, slack_config
from adapters.slack.manifest import build_manifest, print_manifest
from adapters.web.server import build_web_app
from bot.app import CoachApp
from bot.errors import ConfigurationError
from bot.settings import Settings
from bot.storage.models import Workspace
from tests.slack.fake_slack import Failure
from tests.slack.wire import SlackWire

# The official schema, kept in the repository (tests/data/schemas/README.md says where from).
SLACK_SCHEMA = (
    Path(__file__).resolve().parents[1] / "data" / "schemas" / "slack-manifest-1.0.0.schema.json"
)


async def test_a_rate_limited_post_waits_for_retry_after_then_succeeds(wire: SlackWire) -> None:
    wire.fake.fail("chat.postMessage", Failure(status=429, retry_after=1))
    started = time.monotonic()
    await wire.dm("journal")
    elapsed = time.monotonic() - started
    posts = wire.fake.of("chat.postMessage")
    assert len(posts) == 2, "one 429, then the retry"
    assert elapsed >= 1.0, "Retry-After was honoured"
    assert "journal is empty" in str(posts[-1].args["blocks"])


async def test_a_server_error_is_retried(wire: SlackWire) -> None:
    wire.fake.fail("chat.postMessage", Failure(status=503, error="service_unavailable"))
    await wire.dm("journal")
    assert len(wire.fake.of("chat.postMessage")) == 2


async def test_app_uninstalled_stops_the_workspace(wire: SlackWire) -> None:
    await wire.dm("journal")
    response = await wire.event({"type": "app_uninstalled"})
    assert response.status == 200
    with wire.core.sessions() as session:
        row = session.scalars(select(Workspace)).one()
    assert (row.platform, row.workspace) == ("slack", "T0001")
    assert row.uninstalled_at is not None


async def test_tokens_revoked_for_the_bot_stops_the_workspace(wire: SlackWire) -> None:
    await wire.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}})
    with wire.core.sessions() as session:
        row = session.scalars(select(Workspace)).one()
    assert row.uninstalled_at is not None


async def test_user_tokens_revoked_leaves_the_workspace_installed(wire: SlackWire) -> None:
    await wire.event({"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": []}})
    with wire.core.sessions() as session:
        assert session.scalars(select(Workspace)).first() is None


def test_production_refuses_to_start_without_a_signing_secret(settings: Settings) -> None:
    production = settings.model_copy(
        update={"coach_env": "production", "slack_bot_token": "xoxb-1"}
    )
    with pytest.raises(ConfigurationError, match="SLACK_SIGNING_SECRET"):
        slack_config(production)
    # The clock only sends: it needs no signing secret.
    assert slack_config(production, serving=False).mode is SlackMode.SINGLE


def test_half_an_oauth_setup_is_refused(settings: Settings) -> None:
    with pytest.raises(ConfigurationError, match="SLACK_CLIENT_SECRET"):
        slack_config(settings.model_copy(update={"slack_client_id": "123.456"}))


def test_slack_api_url_moves_the_oauth_urls(settings: Settings) -> None:
    gov = slack_config(settings.model_copy(update={"slack_api_url": "https://slack-gov.com/api"}))
    assert gov.api_url == "https://slack-gov.com/api/"
    assert gov.authorization_url == "https://slack-gov.com/oauth/v2/authorize"


async def test_without_slack_settings_the_routes_say_so(app: CoachApp) -> None:
    client = TestClient(TestServer(build_web_app(app), host="127.0.0.1"))
    await client.start_server()
    try:
        for method, path in (
            ("POST", "/slack/events"),
            ("GET", "/slack/install"),
            ("GET", "/slack/oauth_redirect"),
        ):
            response = await client.request(method, path, data="x")
            assert response.status == 404
            assert "not configured" in await response.text()
        assert (await client.get("/healthz")).status == 200
    finally:
        await client.close()


@pytest.mark.parametrize(
    ("url", "socket"),
    [("https://coach.example.org", False), (None, False), ("https://coach.example.org", True)],
)
def test_the_manifest_validates_against_slacks_schema(url: str | None, socket: bool) -> None:
    import jsonschema  # type: ignore[import-untyped]

    manifest = build_manifest(url, socket_mode=socket)
    jsonschema.validate(manifest, json.loads(SLACK_SCHEMA.read_text()))
    assert manifest["features"]["slash_commands"][0]["command"] == "/coach"
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {  # least privilege
        "commands",
        "chat:write",
        "im:history",
        "im:write",
        "users:read",
    }
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert set(events) == {"message.im", "app_home_opened", "app_uninstalled", "tokens_revoked"}
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is (socket or url is None)
    if url and not socket:
        assert manifest["settings"]["event_subscriptions"]["request_url"] == (
            "https://coach.example.org/slack/events"
        )
        assert manifest["oauth_config"]["redirect_urls"] == [
            "https://coach.example.org/slack/oauth_redirect"
        ]


def test_coach_manifest_slack_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = print_manifest(argparse.Namespace(url="https://coach.example.org/", socket_mode=False))
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["features"]["slash_commands"][0]["url"] == (
        "https://coach.example.org/slack/events"
    )
    assert print_manifest(argparse.Namespace(url="ftp://nope", socket_mode=False)) == 2
