"""Many workspaces: the OAuth install flow stores the installation in our database."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Engine, select

from adapters.slack.installs import installation_store
from adapters.slack.mount import SLACK_KEY
from adapters.web.server import build_web_app
from bot.app import CoachApp, build_app
from bot.settings import Settings
from bot.storage.models import Workspace
from tests.clock import FakeClock
from tests.slack.fake_slack import FakeSlack
from tests.slack.wire import SIGNING_SECRET, SlackWire

CLIENT_ID = "111.222"
# slack_sdk's oauth.v2.access still uses aiohttp's BasicAuth, deprecated in aiohttp 3.13.
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


@pytest.fixture
def oauth_core(
    settings: Settings, fake_slack: FakeSlack, db_engine: Engine, clock: FakeClock
) -> Iterator[CoachApp]:
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
    installation_store(core.engine, CLIENT_ID).delete_all(enterprise_id=None, team_id="T0002")
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


async def test_install_then_use_then_uninstall(oauth_wire: SlackWire, oauth_core: CoachApp) -> None:
    fake = oauth_wire.fake
    page = await oauth_wire.client.get("/slack/install")
    assert page.status == 200
    html = await page.text()
    link = re.search(r'href="(http[^"]+)"', html)
    assert link is not None
    authorize = urlsplit(link.group(1).replace("&amp;", "&"))
    # SLACK_API_URL moves the OAuth URLs too.
    assert f"{authorize.scheme}://{authorize.netloc}/" == fake.url
    assert authorize.path == "/oauth/v2/authorize"
    query = parse_qs(authorize.query)
    assert query["client_id"] == [CLIENT_ID]
    assert "im:history" in query["scope"][0]
    cookie = page.headers["Set-Cookie"].split(";")[0]

    callback = await oauth_wire.client.get(
        "/slack/oauth_redirect",
        params={"code": "code-1", "state": query["state"][0]},
        headers={"Cookie": cookie},
    )
    assert callback.status == 200
    assert fake.of("oauth.v2.access")[0].args["code"] == "code-1"
    store = installation_store(oauth_core.engine, CLIENT_ID)
    installed = store.find_installation(enterprise_id=None, team_id="T0002")
    assert installed is not None and installed.bot_token == "xoxb-installed"
    with oauth_core.sessions() as session:
        row = session.scalars(select(Workspace).where(Workspace.workspace == "T0002")).one()
        assert row.uninstalled_at is None

    # A request from the new workspace is answered with its own token.
    oauth_wire.fake.clear()
    await oauth_wire.command_in("T0002", "journal")
    assert all(c.token == "xoxb-installed" for c in fake.calls if c.method != "response_url")

    await oauth_wire.event_in("T0002", {"type": "app_uninstalled"})
    assert store.find_installation(enterprise_id=None, team_id="T0002") is None
    with oauth_core.sessions() as session:
        row = session.scalars(select(Workspace).where(Workspace.workspace == "T0002")).one()
        assert row.uninstalled_at is not None


async def test_a_callback_with_a_forged_state_is_refused(oauth_wire: SlackWire) -> None:
    response = await oauth_wire.client.get(
        "/slack/oauth_redirect", params={"code": "c", "state": "forged"}
    )
    assert response.status >= 400 and response.status < 500
    assert not oauth_wire.fake.of("oauth.v2.access")
