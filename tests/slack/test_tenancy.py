"""A one-workspace coach (bot token + signing secret) hears only its own workspace.

Issue 13, finding 9: a signed slash command from another `team_id` (the same Slack app
installed elsewhere signs with the same secret) was answered and stored an educator there.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from sqlalchemy import func, select

from adapters.slack import messages
from bot.storage.models import Educator, SeenDelivery
from tests.slack.wire import TEAM, SlackWire, buttons_of

ELSEWHERE = "T0OTHER"


def stored(wire: SlackWire) -> int:
    with wire.core.sessions() as session:
        educators = session.scalar(select(func.count()).select_from(Educator)) or 0
        seen = session.scalar(select(func.count()).select_from(SeenDelivery)) or 0
    return educators + seen


async def test_a_slash_command_from_another_workspace_gets_a_kind_no(wire: SlackWire) -> None:
    response = await wire.command_in(ELSEWHERE, "nudges on")
    assert response.status == 200
    answer = json.loads(await response.text())
    assert answer == {"response_type": "ephemeral", "text": str(messages.ANOTHER_WORKSPACE)}
    assert stored(wire) == 0
    assert wire.fake.of("chat.postMessage") == [] and wire.fake.responses == []


async def test_a_quick_answer_is_not_given_to_another_workspace_either(wire: SlackWire) -> None:
    response = await wire.command_in(ELSEWHERE, "help")
    assert str(messages.ANOTHER_WORKSPACE) in await response.text()
    assert stored(wire) == 0


async def test_a_dm_from_another_workspace_is_dropped(wire: SlackWire) -> None:
    event = {
        "type": "message",
        "channel": "DU9",
        "channel_type": "im",
        "user": "U9",
        "text": "reflect relational",
        "ts": "1700000100.000001",
    }
    response = await wire.event_in(ELSEWHERE, event)
    assert response.status == 200  # acknowledged, so Slack does not retry it
    assert stored(wire) == 0
    assert wire.fake.of("chat.postMessage") == []


async def test_a_button_from_another_workspace_is_dropped(wire: SlackWire) -> None:
    await wire.dm("assess")  # a question with real buttons, in our own workspace
    button = buttons_of(wire.fake.of("chat.postMessage")[-1].args["blocks"])[0]
    before = stored(wire)
    wire.fake.clear()
    payload = {
        "type": "block_actions",
        "user": {"id": "U9", "team_id": ELSEWHERE},
        "team": {"id": ELSEWHERE},
        "api_app_id": "A0001",
        "container": {"type": "message", "channel_id": "DU9", "message_ts": "1.1"},
        "channel": {"id": "DU9"},
        "trigger_id": "t.9",
        "response_url": wire.fake.response_url("elsewhere"),
        "actions": [
            {
                "type": "button",
                "action_id": button["action_id"],
                "block_id": "b1",
                "text": button["text"],
                "value": button["value"],
            }
        ],
    }
    response = await wire.post(
        urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
    )
    assert response.status == 200
    assert stored(wire) == before
    assert wire.fake.calls == [] and wire.fake.responses == []


async def test_its_own_workspace_is_answered(wire: SlackWire) -> None:
    response = await wire.command_in(TEAM, "nudges on")
    assert response.status == 200
    assert stored(wire) == 2  # the educator, and the command's delivery id (replays)
