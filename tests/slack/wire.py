"""Real Slack wire formats, signed like Slack signs them, posted to our running web app."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from itertools import count
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

from adapters.slack.app import SlackCoach
from bot.app import CoachApp
from tests.slack.fake_slack import FakeSlack

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
TEAM = "T0001"

_ids = count(1)


def sign(body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


class SlackWire:
    """Sends what Slack would send, then waits for the coach's background replies."""

    def __init__(
        self, client: TestClient[Any, Any], slack: SlackCoach, fake: FakeSlack, core: CoachApp
    ) -> None:
        self.client = client
        self.slack = slack
        self.fake = fake
        self.core = core  # what the tests read the database through; Slack only has the API

    async def post(
        self,
        body: str,
        content_type: str,
        headers: dict[str, str] | None = None,
        *,
        wait: bool = True,
    ) -> ClientResponse:
        """`wait`: for the coach's answers too, not only the acknowledgement."""
        all_headers = {"Content-Type": content_type, **sign(body), **(headers or {})}
        response = await self.client.post("/slack/events", data=body, headers=all_headers)
        await response.read()
        if wait:
            await self.slack.drain()
        return response

    async def command_in(self, team: str, text: str) -> ClientResponse:
        return await self.command(text, team=team)

    async def event_in(self, team: str, event: dict[str, Any]) -> ClientResponse:
        return await self.event(event, team=team)

    async def command(
        self,
        text: str,
        *,
        user: str = "U1",
        channel: str = "C1",
        channel_name: str = "general",
        team: str = TEAM,
        wait: bool = True,
    ) -> ClientResponse:
        n = next(_ids)
        form = {
            "token": "legacy",
            "team_id": team,
            "team_domain": "lincoln",
            "channel_id": channel,
            "channel_name": channel_name,
            "user_id": user,
            "user_name": user.lower(),
            "command": "/coach",
            "text": text,
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": self.fake.response_url(f"cmd{n}"),
            "trigger_id": f"trigger.{n}",
        }
        return await self.post(urlencode(form), "application/x-www-form-urlencoded", wait=wait)

    async def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
        team: str = TEAM,
        enterprise: str | None = None,
        wait: bool = True,
    ) -> ClientResponse:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": team,
                "enterprise_id": enterprise,
                "api_app_id": "A0001",
                "event": event,
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(_ids):08d}",
                "event_time": int(time.time()),
                "authorizations": [
                    {
                        "team_id": team,
                        "user_id": "UBOT",
                        "is_bot": True,
                        "enterprise_id": enterprise,
                    }
                ],
            }
        )
        return await self.post(body, "application/json", headers, wait=wait)

    async def dm(
        self,
        text: str,
        *,
        user: str = "U1",
        event_id: str | None = None,
        wait: bool = True,
        **extra: Any,
    ) -> ClientResponse:
        event = {
            "type": "message",
            "channel": f"D{user}",
            "channel_type": "im",
            "user": user,
            "text": text,
            "ts": f"1700000100.{next(_ids):06d}",
            "client_msg_id": f"msg-{next(_ids)}",
            **extra,
        }
        return await self.event(event, event_id=event_id, wait=wait)

    async def click(
        self,
        button: dict[str, Any],
        *,
        user: str = "U1",
        message: dict[str, Any] | None = None,
        container: dict[str, Any] | None = None,
    ) -> ClientResponse:
        n = next(_ids)
        payload = {
            "type": "block_actions",
            "user": {"id": user, "team_id": TEAM},
            "api_app_id": "A0001",
            "team": {"id": TEAM, "domain": "lincoln"},
            "container": container
            or {
                "type": "message",
                "message_ts": (message or {}).get("ts", "1700000000.000001"),
                "channel_id": f"D{user}",
                "is_ephemeral": False,
            },
            "trigger_id": f"trigger.{n}",
            "channel": {"id": f"D{user}"},
            "message": message or {},
            "response_url": self.fake.response_url(f"act{n}"),
            "actions": [
                {
                    "type": "button",
                    "action_id": button["action_id"],
                    "block_id": "b1",
                    "text": button["text"],
                    "value": button["value"],
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        form = urlencode({"payload": json.dumps(payload)})
        return await self.post(form, "application/x-www-form-urlencoded")


def buttons_of(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        element
        for block in blocks
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]


def find_button(blocks: list[dict[str, Any]], label: str) -> dict[str, Any]:
    for button in buttons_of(blocks):
        shown = re.sub(r"^\d+\. ", "", button["text"]["text"])  # long options are numbered
        if shown.casefold().startswith(label.casefold()):
            return button
    raise AssertionError(
        f"no button {label!r} in {[b['text']['text'] for b in buttons_of(blocks)]}"
    )
