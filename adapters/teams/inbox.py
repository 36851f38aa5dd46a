"""Accepted means kept, for Teams: a message for the coach (typed, or a card click) is written
to the inbox (bot/inbox) before Teams hears 200, and leaves it once its answer was sent.

Kept: the activity's fields a turn reads (`activity_payload`), sealed by the core under the
educator's data key, de-duplicated by the activity's delivery id (a retry of a kept message
is acknowledged and not answered again). Answered from memory, as before the inbox: installs,
removals and other events (they carry no educator's words), what an educator asks for in a
channel that is answered in their personal chat (bot/routing.py), and a message the inbox
cannot take in time (storage down). `TeamsRecovery` hands a dead process's messages back to
the endpoint, which runs them like new arrivals under the coach's own identity (the
request's token is long gone).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.schema import Activity

from adapters.inbox.keeper import NOT_KEPT, PlatformInbox
from adapters.inbox.sweep import Sweep
from adapters.teams.inbound import to_inbound
from bot.api import Arrival, CoachAPI, Kept, Unfinished
from bot.inbound import Platform
from bot.routing import Audience, audience

MESSAGE = "message"

# What running the turn again reads (inbound.py, references.py, bot.py), and no more.
_ACTIVITY_KEYS = (
    "type",
    "id",
    "channelId",
    "serviceUrl",
    "from",
    "conversation",
    "recipient",
    "text",
    "value",
    "entities",
    "channelData",
    "localTimezone",
    "locale",
    "replyToId",
)


def activity_payload(body: dict[str, Any]) -> dict[str, Any]:
    return {key: body[key] for key in _ACTIVITY_KEYS if key in body}


class TeamsInbox(PlatformInbox):
    """Keeping Teams messages (finishing them: PlatformInbox)."""

    async def keep(self, activity: Activity, body: dict[str, Any]) -> Kept:
        inbound = to_inbound(activity)
        if inbound is None or not inbound.message_id:
            return NOT_KEPT  # not for the coach, or nothing to know a retry by
        if inbound.in_channel and audience(inbound.text, inbound.value) is Audience.EDUCATOR:
            # Answered in their personal chat, and not run at all without one: keeping it
            # would meet (store) an educator the coach may never answer.
            return NOT_KEPT
        arrival = Arrival(
            platform=Platform.TEAMS.value,
            workspace=inbound.workspace,
            user=inbound.user,
            delivery_id=inbound.message_id,
            kind=MESSAGE,
            payload=activity_payload(body),
        )
        return await self.keep_arrival(arrival)


# The endpoint's: start the kept activity's turn; False when the payload is no activity.
Resume = Callable[[dict[str, Any], int], Awaitable[bool]]


class TeamsRecovery(Sweep):
    def __init__(self, api: CoachAPI, inbox: TeamsInbox, resume: Resume) -> None:
        super().__init__(api, Platform.TEAMS, inbox)
        self.resume = resume

    async def restart(self, unfinished: Unfinished) -> bool:
        if unfinished.delivery.kind != MESSAGE:
            return False
        return await self.resume(unfinished.delivery.payload, unfinished.row_id)
