"""Kept first, Bolt after: a message the coach keeps is acknowledged before Bolt's dispatch.

Bolt's dispatch (its middleware chain, authorization and listener matching) was the larger
part of the acknowledgement's own work in a profile (BENCHMARKS.md). For the three kinds
the coach keeps (a slash command, a click on one of its buttons, an educator's DM) from a
workspace whose requests Bolt let through in this process within ADMITTED_S, the front
door checks the signature itself (slack_sdk's SignatureVerifier: the check Bolt makes),
keeps the message, answers 200, and only then hands the request to Bolt. Bolt authorizes it
as before and its listener, finding the message already kept (`Ticket`), starts the turn
with the client Bolt gives it.

Anything else (a workspace not seen yet, url_verification, an edit, a click on a button
that is not a conversation's, storage too slow to keep) goes through Bolt first, as before.
Should Bolt refuse a request the front door kept (the app was uninstalled a moment ago), no
listener takes it: the row is left to the inbox sweep, which answers it with the
workspace's token or drops it when the workspace is gone.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from slack_bolt.request.internals import (
    extract_enterprise_id,
    extract_is_enterprise_install,
    extract_team_id,
    parse_body,
)
from slack_sdk.signature import SignatureVerifier

from adapters.slack.background import BackgroundWork
from adapters.slack.inbox import SlackInbox, knock_of
from adapters.slack.payloads import typed_text
from adapters.slack.quick_acks import QuickAcks
from bot.api import Kept

log = logging.getLogger("coach.slack")

TICKET = "coach_kept_ticket"  # the key in Bolt's context that carries a `Ticket`
# How long a workspace Bolt let through keeps its place at the front door. Slack stops
# sending an uninstalled app's commands and events, so this only bounds what another
# process's uninstall leaves here; the sweep settles anything kept meanwhile.
ADMITTED_S = 300.0
MAX_ADMITTED = 10_000  # workspaces; far above one coach's installs


@dataclass
class Ticket:
    """A message the front door kept and acknowledged; the listener that takes it says so."""

    kept: Kept
    taken: bool = False


ThroughBolt = Callable[[Ticket], Awaitable[web.Response]]


# What a signed body of an unexpected shape ("authorizations": 0.0) makes Bolt's readers
# and ours raise: such a request is Bolt's to answer, as it always was.
ODD_SHAPE = (TypeError, AttributeError, KeyError, IndexError, ValueError)


def admission_key(body: dict[str, Any]) -> tuple[str, str, bool] | None:
    """What Bolt authorizes a request by: org, workspace, and whether the install is
    org-wide; None for a body Bolt's readers cannot read (never let in at the door)."""
    try:
        return (
            extract_enterprise_id(body) or "",
            extract_team_id(body) or "",
            bool(extract_is_enterprise_install(body)),
        )
    except ODD_SHAPE:
        return None


class Admitted:
    """Workspaces whose requests reached a listener lately (so Bolt's authorization, and the
    one-workspace check, let them through)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._seen: OrderedDict[tuple[str, str, bool], float] = OrderedDict()

    def remember(self, body: dict[str, Any]) -> None:
        key = admission_key(body)
        if key is None:
            return
        self._seen.pop(key, None)
        self._seen[key] = self.clock()
        while len(self._seen) > MAX_ADMITTED:
            self._seen.popitem(last=False)

    def recently(self, body: dict[str, Any]) -> bool:
        key = admission_key(body)
        seen = None if key is None else self._seen.get(key)
        return seen is not None and self.clock() - seen < ADMITTED_S

    def forget_all(self) -> None:
        """A workspace uninstalled the app or revoked its tokens: Bolt decides again, for
        every workspace (an org-wide install's events and commands name it differently)."""
        self._seen.clear()


class FrontDoor:
    """Answers Slack for a kept message before Bolt runs; `answer` returns None to let Bolt
    handle the request from the start."""

    def __init__(
        self,
        verifier: SignatureVerifier,
        admitted: Admitted,
        quick: QuickAcks,
        inbox: SlackInbox,
        work: BackgroundWork,
    ) -> None:
        self.verifier = verifier
        self.admitted = admitted
        self.quick = quick
        self.inbox = inbox
        self.work = work

    async def answer(
        self, body: str, request: web.Request, delivery: str, through_bolt: ThroughBolt
    ) -> web.Response | None:
        """Slack's answer for a kept (or content-only) message, or None: Bolt's to give.
        `through_bolt` dispatches the request to Bolt with a ticket in its context."""
        if not self.verifier.is_valid_request(body, request.headers):
            return None  # Bolt answers 401, as it always has
        try:
            parsed = parse_body(body, request.content_type)
            if not isinstance(parsed, dict) or not self.admitted.recently(parsed):
                return None
            if parsed.get("command"):
                quick = self.quick.body_for(typed_text(parsed.get("text")))
                if quick is not None:
                    return web.json_response(quick)
            knock = knock_of(parsed, delivery)
        except ODD_SHAPE:
            return None
        if knock is None or not knock.delivery or not knock.team or not knock.user:
            return None  # kept by Bolt's listener, if at all (a click the coach ignores)
        with self.inbox.deadline():
            kept = await self.inbox.keep(knock)
            if kept.duplicate:
                return web.Response(status=200)  # a retry of a kept message: it is answered
            if kept.row_id is None:
                # Storage in trouble: Bolt answers now, within this request's deadline, and
                # its listener answers from memory without trying to keep again.
                return await through_bolt(Ticket(kept))
        self.work.spawn(self._hand_over(through_bolt, kept.row_id, knock.kind), knock.kind)
        return web.Response(status=200)

    async def _hand_over(self, through_bolt: ThroughBolt, row_id: int, kind: str) -> None:
        """Bolt, once Slack has its 200: authorization, then the listener starts the turn."""
        ticket = Ticket(Kept(row_id=row_id, duplicate=False))
        response = await through_bolt(ticket)
        if not ticket.taken:
            # No listener ran (Bolt refused it): the sweep answers it or drops it.
            self.inbox.in_flight.discard(row_id)
            log.warning("slack_kept_left_to_sweep", extra={"kind": kind, "status": response.status})
