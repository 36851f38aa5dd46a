"""Bot Framework activities in, neutral `Inbound` messages out.

Everything here reads an activity already deserialized by botbuilder; nothing talks
to the network or the database.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.schema import Activity

from adapters.teams.choices import SUBMIT_KEY
from adapters.teams.models import CHANNEL, GROUP_CHAT, PERSONAL
from bot.inbound import Inbound, Platform

# When Teams sends no tenant (the Bot Framework Emulator, a hand-written test activity).
NO_TENANT = "no-tenant"
MAX_VALUE_CHARS = 512
_THREAD_SUFFIX = re.compile(r";messageid=\d+$")
_AT_TAG = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)
# A quoted reply in a Teams chat ("Reply" on the nudge, then "did it thursday"): newer clients
# put a <quoted messageId="..."/> placeholder in the text, older ones the quoted message as a
# Skype "Reply" blockquote. Only what the educator typed after it is theirs to read.
_QUOTE = re.compile(
    r"<quoted\b[^>]*/>|<blockquote\b[^>]*schema\.skype\.com/Reply[^>]*>.*?</blockquote>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def tenant_of(activity: Activity) -> str:
    """The tenant from channelData (botbuilder's schema drops conversation.tenantId)."""
    tenant = _as_dict(_as_dict(activity.channel_data).get("tenant")).get("id")
    if not tenant and activity.conversation is not None:
        tenant = activity.conversation.tenant_id
    return str(tenant)[:128] if tenant else NO_TENANT


def user_of(activity: Activity) -> str | None:
    """The educator's stable id: the Entra object id when Teams sends it, else the Teams id."""
    sender = activity.from_property
    if sender is None:
        return None
    user = sender.aad_object_id or sender.id
    return str(user)[:128] if user else None


def conversation_kind(activity: Activity) -> str:
    conversation = activity.conversation
    kind = conversation.conversation_type if conversation is not None else None
    if kind == CHANNEL or _as_dict(activity.channel_data).get("channel"):
        return CHANNEL
    if kind == GROUP_CHAT or (conversation is not None and conversation.is_group):
        return GROUP_CHAT
    return PERSONAL


def conversation_id_of(activity: Activity) -> str | None:
    """The conversation id; for a channel, the channel itself rather than one thread in it."""
    if activity.conversation is None or not activity.conversation.id:
        return None
    return _THREAD_SUFFIX.sub("", str(activity.conversation.id))


def timezone_of(activity: Activity) -> str | None:
    """The IANA zone Teams reports for the sender's client, if it is one we know."""
    candidates: list[Any] = [activity.local_timezone]
    for entity in activity.entities or []:
        if getattr(entity, "type", None) == "clientInfo":
            props = getattr(entity, "additional_properties", None) or {}
            candidates.append(props.get("timezone"))
    for candidate in candidates:
        if isinstance(candidate, str) and candidate:
            try:
                ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            return candidate
    return None


def mentions_bot(activity: Activity) -> bool:
    return bool(_bot_mention_texts(activity))


def _bot_mention_texts(activity: Activity) -> list[str]:
    bot_id = activity.recipient.id if activity.recipient is not None else None
    texts: list[str] = []
    for entity in activity.entities or []:
        if getattr(entity, "type", None) != "mention":
            continue
        props = getattr(entity, "additional_properties", None) or {}
        mentioned = _as_dict(props.get("mentioned"))
        if bot_id and mentioned.get("id") == bot_id:
            texts.append(str(props.get("text") or ""))
    return texts


def without_quote(text: str) -> str:
    """The message without the message it quotes, and without that quote's markup."""
    if _QUOTE.search(text) is None:
        return text
    return html.unescape(_TAG.sub(" ", _QUOTE.sub(" ", text))).strip()


def strip_bot_mention(activity: Activity, text: str) -> str:
    """The message without the @mention of the coach (`<at>Partnership Coach</at>`)."""
    for mention in _bot_mention_texts(activity):
        if mention:
            text = text.replace(mention, " ")
    return _AT_TAG.sub(" ", text).replace("&nbsp;", " ").strip()


def team_of(activity: Activity) -> str | None:
    """The team a channel belongs to (channelData.team.id), when Teams says."""
    team = _as_dict(_as_dict(activity.channel_data).get("team")).get("id")
    return str(team)[:512] if team else None


def submitted_value(activity: Activity) -> str | None:
    """The `Choice.value` an Action.Submit button carried, if this message is a click."""
    data = activity.value
    if isinstance(data, dict):
        value = data.get(SUBMIT_KEY)
        if isinstance(value, str) and value:
            return value[:MAX_VALUE_CHARS]
    return None


@dataclass(frozen=True)
class Where:
    """Who and where an activity is, as the coach stores and addresses it."""

    tenant: str
    conversation_id: str
    kind: str
    user: str | None
    team: str | None = None  # for a channel: its team


def where_of(activity: Activity) -> Where | None:
    conversation_id = conversation_id_of(activity)
    if conversation_id is None:
        return None
    kind = conversation_kind(activity)
    return Where(
        tenant=tenant_of(activity),
        conversation_id=conversation_id,
        kind=kind,
        user=user_of(activity),
        team=team_of(activity) if kind == CHANNEL else None,
    )


def delivery_id(activity: Activity, where: Where) -> str | None:
    """A de-duplication key for this delivery.

    Teams message ids are unique only within a conversation (they look like timestamps),
    so the key names the conversation too; hashed to stay short.
    """
    if not activity.id:
        return None
    key = f"{where.tenant}\n{where.conversation_id}\n{activity.id}".encode()
    return "teams:" + hashlib.sha256(key).hexdigest()[:40]


def to_inbound(activity: Activity) -> Inbound | None:
    """The neutral message for a message activity, or None when it is not for the coach.

    In a channel or group chat the coach only reads messages that @mention it (Teams only
    delivers those) and clicks on its own cards.
    """
    where = where_of(activity)
    if where is None or where.user is None:
        return None
    value = submitted_value(activity)
    text = without_quote(activity.text) if isinstance(activity.text, str) else ""
    in_channel = where.kind != PERSONAL
    if in_channel:
        if value is None and not mentions_bot(activity):
            return None
        text = strip_bot_mention(activity, text)
    return Inbound(
        platform=Platform.TEAMS,
        workspace=where.tenant,
        user=where.user,
        text=text if value is None else "",
        value=value,
        message_id=delivery_id(activity, where),
        conversation=where.conversation_id if in_channel else None,
        in_channel=in_channel,
        timezone=timezone_of(activity),
        locale=activity.locale if isinstance(activity.locale, str) else None,
        # Team owners are not in what the Bot Framework roster returns (only Graph knows,
        # with admin-consented permissions), so on Teams only the person who turned a
        # channel's team prompts on may change them: is_workspace_admin stays False.
        is_workspace_admin=False,
    )
