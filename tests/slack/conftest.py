"""A running coach web app with Slack on, and a fake Slack on 127.0.0.1 it talks to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Engine

from adapters.slack.installs import installation_store
from adapters.slack.mount import SLACK_KEY
from adapters.web.server import build_web_app
from bot.app import CoachApp, build_app
from bot.settings import Settings
from tests.clock import FakeClock
from tests.slack.fake_slack import FakeSlack
from tests.slack.oauth_install import CLIENT_ID, INSTALLED_TEAM
from tests.slack.wire import BOT_TOKEN, SIGNING_SECRET, SlackWire


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def slack_settings(settings: Settings, fake_slack: FakeSlack) -> Settings:
    return settings.model_copy(
        update={
            "slack_bot_token": BOT_TOKEN,
            "slack_signing_secret": SIGNING_SECRET,
            "slack_api_url": fake_slack.api_url,
        }
    )


@pytest.fixture
def slack_core(slack_settings: Settings, db_engine: Engine, clock: FakeClock) -> Iterator[CoachApp]:
    core = build_app(slack_settings, clock=clock, migrate=False)
    yield core
    core.engine.dispose()


@pytest.fixture
async def wire(slack_core: CoachApp, fake_slack: FakeSlack) -> AsyncIterator[SlackWire]:
    web_app = build_web_app(slack_core)
    client = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield SlackWire(client, web_app[SLACK_KEY], fake_slack, slack_core)
    finally:
        await client.close()


@pytest.fixture
def oauth_core(
    settings: Settings, fake_slack: FakeSlack, db_engine: Engine, clock: FakeClock
) -> Iterator[CoachApp]:
    """Many workspaces: installed through OAuth, each with its own bot token."""
    oauth = settings.model_copy(
        update={
            "slack_client_id": CLIENT_ID,
            "slack_client_secret": "client-secret",
            "slack_signing_secret": SIGNING_SECRET,
            "slack_api_url": fake_slack.api_url,
        }
    )
    core = build_app(oauth, clock=clock, migrate=False)
    yield core
    store = installation_store(core.engine, CLIENT_ID, core.coach.sealer)
    store.delete_all(enterprise_id=None, team_id=INSTALLED_TEAM)
    core.engine.dispose()


@pytest.fixture
async def oauth_wire(oauth_core: CoachApp, fake_slack: FakeSlack) -> AsyncIterator[SlackWire]:
    web_app = build_web_app(oauth_core)
    client = TestClient(TestServer(web_app, host="127.0.0.1"))
    await client.start_server()
    try:
        yield SlackWire(client, web_app[SLACK_KEY], fake_slack, oauth_core)
    finally:
        await client.close()
