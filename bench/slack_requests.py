"""Signed Slack requests the drills send, as Slack would (one educator per number)."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from bench.bare import SIGNING_SECRET
from tests.slack.wire import sign


def signed_journal_command(n: int, url: str) -> tuple[str, str, dict[str, str]]:
    """`/coach journal` from educator n: its key (`cmdN`, the end of its response_url under
    `url`), the form body and the signed headers."""
    key = f"cmd{n}"
    body = urlencode(
        {
            "team_id": "T0001",
            "channel_id": f"DU{n}",
            "user_id": f"U{n}",
            "command": "/coach",
            "text": "journal",
            "response_url": f"{url}respond/{key}",
            "trigger_id": f"t{n}",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        **sign(body, None, SIGNING_SECRET),
    }
    return key, body, headers


def signed_journal_dm(n: int) -> tuple[str, str, dict[str, str]]:
    """`journal` typed in educator n's DM with the coach: its key (the DM channel, `DU{n}`,
    where the answer is posted), the event body and the signed headers."""
    channel = f"DU{n}"
    body = json.dumps(
        {
            "team_id": "T0001",
            "api_app_id": "A0001",
            "type": "event_callback",
            "event_id": f"EvDrill{n}",
            "event_time": int(time.time()),
            "event": {
                "type": "message",
                "channel": channel,
                "channel_type": "im",
                "user": f"U{n}",
                "text": "journal",
                "ts": f"1700000100.{n:06d}",
                "client_msg_id": f"drill-{n}",
            },
            "authorizations": [{"team_id": "T0001", "user_id": "UBOT", "is_bot": True}],
        }
    )
    headers = {"Content-Type": "application/json", **sign(body, None, SIGNING_SECRET)}
    return channel, body, headers
