"""The front door: once Bolt has let a workspace in, its commands, clicks and DMs are kept and
acknowledged before Bolt runs (adapters/slack/front_door.py). Whatever the door answers,
the educator gets what they got before; what Bolt would refuse is still refused."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from adapters.slack import messages
from adapters.slack.front_door import ADMITTED_S, MAX_ADMITTED, Admitted, admission_key
from adapters.slack.installs import installation_store
from bot.app import CoachApp
from bot.inbox.models import InboxMessage
from bot.inbox.store import LEASE
from tests.clock import FakeClock
from tests.slack.fake_slack import FakeSlack
from tests.slack.oauth_install import CLIENT_ID, INSTALLED_TEAM, install_through_oauth
from tests.slack.wire import SlackWire, sign

# slack_sdk's oauth.v2.access still uses aiohttp's BasicAuth, deprecated in aiohttp 3.13.
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


def kept_rows(core: CoachApp) -> int:
    with core.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(InboxMessage)) or 0)


async def test_a_known_workspaces_messages_are_each_answered_once(
    wire: SlackWire, fake_slack: FakeSlack
) -> None:
    await wire.command("journal")  # Bolt lets the workspace in
    fake_slack.clear()

    await wire.command("journal")
    await wire.dm("journal", event_id="EvDOOR1")
    await wire.dm("journal", event_id="EvDOOR1")  # Slack retrying the event

    assert len(fake_slack.responses) == 1
    assert len(fake_slack.of("chat.postMessage")) == 1
    assert fake_slack.posted_text().count("journal is empty") == 2
    assert kept_rows(wire.core) == 0


async def test_a_quick_answer_still_travels_inside_the_acknowledgement(wire: SlackWire) -> None:
    await wire.command("journal")
    response = await wire.command("help")
    answer = await response.json()
    assert answer["response_type"] == "ephemeral"
    assert "`learn`" in answer["text"]


async def test_another_workspace_is_refused_after_ours_was_let_in(wire: SlackWire) -> None:
    await wire.command("journal")
    response = await wire.command_in("T9999", "journal")
    assert str(messages.ANOTHER_WORKSPACE) in await response.text()
    assert kept_rows(wire.core) == 0


async def test_a_forged_request_from_a_known_workspace_gets_401(wire: SlackWire) -> None:
    await wire.command("journal")
    body = urlencode({"team_id": "T0001", "user_id": "U1", "command": "/coach", "text": "journal"})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        **sign(body, secret="not-the-signing-secret"),
    }
    response = await wire.client.post("/slack/events", data=body, headers=headers)
    assert response.status == 401
    assert kept_rows(wire.core) == 0


async def test_a_workspace_that_uninstalled_is_let_in_by_bolt_again_not_the_door(
    oauth_wire: SlackWire, oauth_core: CoachApp
) -> None:
    await install_through_oauth(oauth_wire)
    await oauth_wire.command_in(INSTALLED_TEAM, "journal")
    await oauth_wire.event_in(INSTALLED_TEAM, {"type": "app_uninstalled"})
    oauth_wire.fake.clear()

    await oauth_wire.command_in(INSTALLED_TEAM, "journal")

    assert kept_rows(oauth_core) == 0  # Bolt refused it before anything was stored
    assert "reinstall" in oauth_wire.fake.posted_text()  # Bolt's own answer


async def test_what_the_door_kept_and_bolt_then_refused_is_settled_by_the_sweep(
    oauth_wire: SlackWire,
    oauth_core: CoachApp,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await install_through_oauth(oauth_wire)
    await oauth_wire.command_in(INSTALLED_TEAM, "journal")
    # Another coach process handles the uninstall: this one still knows the workspace.
    store = installation_store(oauth_core.engine, CLIENT_ID, oauth_core.coach.sealer)
    store.delete_all(enterprise_id=None, team_id=INSTALLED_TEAM)
    oauth_wire.fake.clear()

    with caplog.at_level(logging.WARNING, logger="coach.slack"):
        response = await oauth_wire.command_in(INSTALLED_TEAM, "journal")

    assert response.status == 200
    assert kept_rows(oauth_core) == 1  # kept at the door; no listener took it
    assert "slack_kept_left_to_sweep" in [record.getMessage() for record in caplog.records]
    clock.advance(seconds=LEASE.total_seconds() + 1)
    await oauth_wire.slack.recovery.sweep()
    await oauth_wire.slack.drain()
    assert kept_rows(oauth_core) == 0  # the workspace is gone: dropped, not answered twice
    assert len(oauth_wire.fake.responses) == 1
    assert "reinstall" in oauth_wire.fake.posted_text()  # what Bolt told the educator


def test_a_workspace_is_known_for_a_while_then_asked_about_again() -> None:
    now = [0.0]
    admitted = Admitted(clock=lambda: now[0])
    lincoln = {"team_id": "T0001", "is_enterprise_install": "false"}
    admitted.remember(lincoln)
    assert admitted.recently(lincoln)
    assert not admitted.recently({"team_id": "T0002"})
    now[0] += ADMITTED_S
    assert not admitted.recently(lincoln)


def test_the_known_workspaces_are_bounded() -> None:
    admitted = Admitted()
    for n in range(MAX_ADMITTED + 1):
        admitted.remember({"team_id": f"T{n}"})
    assert not admitted.recently({"team_id": "T0"})
    assert admitted.recently({"team_id": f"T{MAX_ADMITTED}"})


def test_an_org_wide_install_is_known_apart_from_a_workspace_install() -> None:
    workspace = {"team_id": "T1", "enterprise_id": "E1", "is_enterprise_install": "false"}
    org_wide = {"team_id": "T1", "enterprise_id": "E1", "is_enterprise_install": "true"}
    assert admission_key(workspace) != admission_key(org_wide)


@pytest.mark.parametrize(
    "odd",
    [
        {"authorizations": 0.0, "event": []},
        {"authorizations": [], "event": ["message"]},
    ],
)
async def test_a_signed_body_of_an_odd_shape_is_left_to_bolt_not_a_500(
    wire: SlackWire, odd: dict[str, object]
) -> None:
    await wire.command("journal")
    body = json.dumps({"type": "event_callback", "team_id": "T0001", "event_id": "EvODD", **odd})
    response = await wire.post(body, "application/json")
    assert response.status < 500
    assert kept_rows(wire.core) == 0
