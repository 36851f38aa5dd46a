"""Reading Slack's payloads: which workspace, whether a message is an educator's DM.

Pure functions over the JSON Slack sends; nothing here talks to Slack or the coach.
"""

from __future__ import annotations

from typing import Any

# Slack's DM channel ids start with D; everything else (C, G) is shared with others.
DM_CHANNEL_PREFIX = "D"


def typed_text(text: object) -> str:
    """What the educator typed. Slack escapes `&`, `<` and `>` in message text as HTML
    entities; decode them once (`&amp;` last, so `&amp;lt;` stays the `&lt;` they typed),
    so the journal shows `Tom & Jerry`. What the coach repeats is escaped again for mrkdwn."""
    return str(text or "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def team_of(body: dict[str, Any]) -> str:
    """The workspace a request came from, wherever this kind of payload keeps it."""
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    team = team or (body.get("user") or {}).get("team_id") or body.get("enterprise_id")
    return str(team or "")


def is_dm_channel(channel: str) -> bool:
    return channel.startswith(DM_CHANNEL_PREFIX)


def is_shared_channel(channel: str) -> bool:
    """A channel others can read (not the educator's DM with the coach)."""
    return bool(channel) and not is_dm_channel(channel)


# A thread reply the educator also sent to the DM itself.
THREAD_BROADCAST = "thread_broadcast"


def is_educator_dm(event: dict[str, Any]) -> bool:
    """A plain message an educator wrote in their DM with the coach (not an edit, a file
    share, a join, or any bot's post), in a thread or not ("Also send to direct message" is
    a thread reply too)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in (None, "", THREAD_BROADCAST)
        and not event.get("bot_id")
        and not event.get("hidden")
        and bool(event.get("user"))
        and bool(event.get("channel"))
    )
