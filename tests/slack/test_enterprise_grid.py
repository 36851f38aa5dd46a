"""Enterprise Grid: a workspace in an org, installed through OAuth, is found with its
enterprise id for the clock's sends, App Home and uninstall (before, sends said
`not_installed`)."""

from __future__ import annotations

import asyncio

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from adapters.slack.installs import installation_store
from adapters.slack.sender import SlackSender, build_slack_sender
from bot.app import CoachApp
from bot.delivery import Address, DeliveryOutcome
from bot.inbound import Platform
from bot.replies import Text
from bot.storage.models import Workspace
from tests.slack.oauth_install import CLIENT_ID, INSTALLED_TEAM, install_through_oauth
from tests.slack.wire import SlackWire

pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")

ORG = "E0001"


def _sender(core: CoachApp) -> SlackSender:
    sender = build_slack_sender(core.settings, core.engine, core.coach.sealer)
    assert isinstance(sender, SlackSender)
    return sender


async def _nudge(core: CoachApp, team: str) -> tuple[str, str]:
    address = Address(Platform.SLACK, team, "U7")
    result = await asyncio.to_thread(_sender(core).deliver, address, [Text("This week: call.")])
    return result.outcome.value, result.reason


async def test_a_grid_workspace_gets_nudges_home_and_uninstall(
    oauth_wire: SlackWire, oauth_core: CoachApp
) -> None:
    fake = oauth_wire.fake
    fake.enterprise = ORG
    await install_through_oauth(oauth_wire)
    store = installation_store(oauth_core.engine, CLIENT_ID, oauth_core.coach.sealer)
    saved = store.find_installation(enterprise_id=ORG, team_id=INSTALLED_TEAM)
    assert saved is not None and saved.bot_token == "xoxb-installed"

    # The clock knows only the team id: the send still finds the org's installation.
    fake.clear()
    assert await _nudge(oauth_core, INSTALLED_TEAM) == (DeliveryOutcome.SENT.value, "")
    assert fake.of("chat.postMessage")[0].token == "xoxb-installed"

    # App Home in the Grid workspace is published with the installation's token.
    fake.clear()
    opened = {"type": "app_home_opened", "user": "U7", "channel": "DU7", "tab": "home"}
    await oauth_wire.event(opened, team=INSTALLED_TEAM, enterprise=ORG)
    [publish] = fake.of("views.publish")
    assert publish.token == "xoxb-installed"

    # Removing the app deletes the org's installation and marks the workspace gone.
    await oauth_wire.event({"type": "app_uninstalled"}, team=INSTALLED_TEAM, enterprise=ORG)
    assert store.find_installation(enterprise_id=ORG, team_id=INSTALLED_TEAM) is None
    with oauth_core.sessions() as session:
        row = session.scalars(select(Workspace).where(Workspace.workspace == INSTALLED_TEAM)).one()
        assert row.uninstalled_at is not None
    assert await _nudge(oauth_core, INSTALLED_TEAM) == (
        DeliveryOutcome.GONE.value,
        "not_installed",
    )


async def test_an_org_wide_install_reaches_a_workspace_under_it(oauth_core: CoachApp) -> None:
    store = installation_store(oauth_core.engine, CLIENT_ID, oauth_core.coach.sealer)
    store.save(
        Installation(
            app_id="A0001",
            enterprise_id=ORG,
            team_id=None,
            user_id="UADMIN",
            bot_token="xoxb-org",
            bot_id="BBOT",
            bot_user_id="UBOT",
            is_enterprise_install=True,
        )
    )
    try:
        assert (await _nudge(oauth_core, "T0042"))[0] == DeliveryOutcome.SENT.value
    finally:
        store.delete_all(enterprise_id=ORG, team_id=None)


async def test_a_workspace_outside_any_org_is_still_found(
    oauth_wire: SlackWire, oauth_core: CoachApp
) -> None:
    await install_through_oauth(oauth_wire)
    assert (await _nudge(oauth_core, INSTALLED_TEAM))[0] == DeliveryOutcome.SENT.value
    assert (await _nudge(oauth_core, "T9999")) == (DeliveryOutcome.GONE.value, "not_installed")
