"""Many workspaces: the OAuth install flow stores the installation in our database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.slack.installs import installation_store
from bot.app import CoachApp
from bot.storage.models import Workspace
from tests.slack.oauth_install import CLIENT_ID, install_through_oauth
from tests.slack.wire import SlackWire

# slack_sdk's oauth.v2.access still uses aiohttp's BasicAuth, deprecated in aiohttp 3.13.
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


async def test_install_then_use_then_uninstall(oauth_wire: SlackWire, oauth_core: CoachApp) -> None:
    fake = oauth_wire.fake
    await install_through_oauth(oauth_wire)
    store = installation_store(oauth_core.engine, CLIENT_ID, oauth_core.coach.sealer)
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
