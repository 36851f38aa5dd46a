"""Signed Slack requests the drills send, as Slack would (one educator per number)."""

from __future__ import annotations

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
