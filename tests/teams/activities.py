"""Bot Framework activities as Teams sends them (trimmed to the fields the coach reads)."""

from __future__ import annotations

from itertools import count
from typing import Any

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT_ID = "28:coach-bot-id"
USER_AAD = "6a1f0c2e-aaaa-4bbb-8ccc-0123456789ab"
USER_ID = "29:1teams-user-id"
PERSONAL_CONVERSATION = "a:1personal-conversation-id"
CHANNEL_CONVERSATION = "19:channel-id@thread.tacv2"
TEAM_ID = "19:team-id@thread.tacv2"

_ids = count(1_700_000_000_000)


def _base(service_url: str, kind: str, conversation: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": kind,
        "id": str(next(_ids)),
        "timestamp": "2026-03-02T15:04:05.123Z",
        "localTimestamp": "2026-03-02T09:04:05.123-06:00",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": USER_ID, "name": "Ms. Rivera", "aadObjectId": USER_AAD},
        "recipient": {"id": BOT_ID, "name": "Partnership Coach"},
        "conversation": conversation,
        "channelData": {"tenant": {"id": TENANT}},
        "locale": "en-US",
    }


def personal(service_url: str, kind: str = "message", user: str = USER_AAD) -> dict[str, Any]:
    conversation_id = PERSONAL_CONVERSATION if user == USER_AAD else f"a:1{user}"
    activity = _base(
        service_url,
        kind,
        {"conversationType": "personal", "tenantId": TENANT, "id": conversation_id},
    )
    teams_id = USER_ID if user == USER_AAD else f"29:{user}"
    activity["from"] = {"id": teams_id, "name": "Educator", "aadObjectId": user}
    return activity


def message(
    service_url: str, text: str, *, tz: str | None = "America/Chicago", user: str = USER_AAD
) -> dict[str, Any]:
    activity = personal(service_url, user=user)
    activity["text"] = text
    activity["textFormat"] = "plain"
    if tz:
        activity["localTimezone"] = tz
        activity["entities"] = [
            {
                "type": "clientInfo",
                "locale": "en-US",
                "country": "US",
                "platform": "Web",
                "timezone": tz,
            }
        ]
    return activity


def submit(service_url: str, data: dict[str, Any], user: str = USER_AAD) -> dict[str, Any]:
    """What Teams sends when an Action.Submit button is clicked: a message with `value`."""
    activity = personal(service_url, user=user)
    activity["value"] = data
    activity["replyToId"] = "1700000000001"
    return activity


def channel_mention(service_url: str, text: str) -> dict[str, Any]:
    activity = _base(
        service_url,
        "message",
        {
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": TENANT,
            "id": f"{CHANNEL_CONVERSATION};messageid=1700000000123",
        },
    )
    mention = "<at>Partnership Coach</at>"
    activity["text"] = f"{mention} {text}"
    activity["entities"] = [
        {
            "type": "mention",
            "text": mention,
            "mentioned": {"id": BOT_ID, "name": "Partnership Coach"},
        }
    ]
    activity["channelData"] = {
        "teamsChannelId": CHANNEL_CONVERSATION,
        "teamsTeamId": TEAM_ID,
        "channel": {"id": CHANNEL_CONVERSATION},
        "team": {"id": TEAM_ID},
        "tenant": {"id": TENANT},
    }
    return activity


def members_added(service_url: str, *, bot: bool = True) -> dict[str, Any]:
    activity = personal(service_url, kind="conversationUpdate")
    members = [{"id": USER_ID, "aadObjectId": USER_AAD}]
    if bot:
        members.append({"id": BOT_ID})
    activity["membersAdded"] = members
    return activity


def members_removed(service_url: str) -> dict[str, Any]:
    activity = personal(service_url, kind="conversationUpdate")
    activity["membersRemoved"] = [{"id": BOT_ID}]
    return activity


def installation_update(service_url: str, action: str) -> dict[str, Any]:
    activity = personal(service_url, kind="installationUpdate")
    activity["action"] = action
    return activity
