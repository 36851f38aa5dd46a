"""The admin who installed the coach can still be forgotten, and can see what is kept.

Slack's installation rows name their installer (user id, and a user token if one was
granted). The workspace still needs the row's bot token, so forgetting the installer blanks
their columns and keeps the row; removing the app deletes it with everything else.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from adapters.slack.installs import installation_store
from adapters.slack.tables import installations
from bot.app import CoachApp
from tests.slack.oauth_install import CLIENT_ID, INSTALLED_TEAM, INSTALLER, install_through_oauth
from tests.slack.wire import SlackWire

pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


def _installer_ids(core: CoachApp) -> list[str]:
    with core.engine.connect() as connection:
        return list(connection.scalars(select(installations.c.user_id)))


async def test_forgetting_the_installer_keeps_the_workspace_working(
    oauth_wire: SlackWire, oauth_core: CoachApp
) -> None:
    await install_through_oauth(oauth_wire)
    await oauth_wire.command("journal", user=INSTALLER, team=INSTALLED_TEAM)
    assert INSTALLER in _installer_ids(oauth_core)

    await oauth_wire.command("forget", user=INSTALLER, team=INSTALLED_TEAM)
    await oauth_wire.command("yes", user=INSTALLER, team=INSTALLED_TEAM)

    assert INSTALLER not in _installer_ids(oauth_core)  # their id is gone...
    store = installation_store(oauth_core.engine, CLIENT_ID, oauth_core.coach.sealer)
    kept = store.find_installation(enterprise_id=None, team_id=INSTALLED_TEAM)
    assert kept is not None and kept.bot_token == "xoxb-installed"  # ...the workspace's bot stays
    oauth_wire.fake.clear()
    await oauth_wire.command("journal", user="U2", team=INSTALLED_TEAM)
    assert all(c.token == "xoxb-installed" for c in oauth_wire.fake.calls if c.token)


async def test_the_installer_sees_the_installation_in_their_export(
    oauth_wire: SlackWire, oauth_core: CoachApp
) -> None:
    await install_through_oauth(oauth_wire)
    await oauth_wire.command("export", user=INSTALLER, team=INSTALLED_TEAM)
    uploads = [c for c in oauth_wire.fake.calls if "upload" in c.method or "files" in c.method]
    exported = json.dumps([c.args for c in uploads]) + json.dumps(
        [c.args for c in oauth_wire.fake.calls if c.method == "response_url"]
    )
    assert "slack_installations" in exported
    assert "xoxb-installed" not in exported  # a secret is never handed out, even to its owner


async def test_removing_the_app_deletes_the_installation(
    oauth_wire: SlackWire, oauth_core: CoachApp
) -> None:
    await install_through_oauth(oauth_wire)
    await oauth_wire.event_in(INSTALLED_TEAM, {"type": "app_uninstalled"})
    assert _installer_ids(oauth_core) == []
