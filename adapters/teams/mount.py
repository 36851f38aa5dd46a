"""`POST /api/messages` on the coach's own aiohttp server.

Our own handler, not `CloudAdapter.process`: botbuilder 4.17 answers 500 to every
invoke with a body, and turns malformed input into server errors. Here who may post is
checked first (gate.py: another tenant, or anyone but this machine when unauthenticated,
gets 403), then authentication (401 on any failure), then the turn runs through
`adapter.process_activity`, and an invoke response is serialized by us.

A message for the coach is kept in the inbox before Teams hears 200 (adapters/teams/inbox.py);
the sweep started with the server finishes what a process that died had kept.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from aiohttp import web
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ActivityTypes

from adapters.teams.auth import (
    BotFrameworkConfig,
    bot_framework_config,
    build_adapter,
    teams_configured,
)
from adapters.teams.bot import CoachTeamsBot, on_turn_error
from adapters.teams.gate import (
    foreign_tenant,
    unauthenticated_destination_refused,
    unauthenticated_peer_refused,
)
from adapters.teams.inbox import TeamsInbox, TeamsRecovery
from adapters.teams.openid import KeysUnavailable
from adapters.teams.private import PersonalChat
from adapters.teams.references import ReferenceStore
from adapters.teams.retry import RetryPolicy
from adapters.teams.sender import TeamsSender
from adapters.teams.turns import TurnQueue
from bot.api import CoachAPI

log = logging.getLogger("coach.teams")

MESSAGES_PATH = "/api/messages"


class TeamsEndpoint:
    def __init__(
        self, api: CoachAPI, config: BotFrameworkConfig, policy: RetryPolicy | None = None
    ) -> None:
        self.config = config
        self.adapter: CloudAdapter = build_adapter(config)
        self.adapter.on_turn_error = on_turn_error
        self.store = ReferenceStore(api)
        policy = policy or RetryPolicy()
        sender = TeamsSender(self.adapter, config.APP_ID, self.store, policy)
        personal = PersonalChat(api, self.store, sender)
        self.bot = CoachTeamsBot(api, self.store, policy, personal)
        self.turns = TurnQueue()
        self.inbox = TeamsInbox(api)
        self.recovery = TeamsRecovery(api, self.inbox, self.resume)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if unauthenticated_peer_refused(self.config, request.remote):
            log.warning("teams_unauthenticated_remote_refused")
            return web.Response(status=403)
        if request.content_type != "application/json":
            return web.Response(status=415)
        try:
            body: Any = await request.json()
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400)
        activity = _activity(body)
        if activity is None:
            return web.Response(status=400)
        if unauthenticated_destination_refused(self.config, activity):
            log.warning("teams_unauthenticated_destination_refused")
            return web.Response(status=403)
        if foreign_tenant(self.config, activity):
            log.warning("teams_other_tenant_refused")
            return web.Response(status=403)

        try:
            authenticated = await self.adapter.bot_framework_authentication.authenticate_request(
                activity, request.headers.get("Authorization", "")
            )
        except KeysUnavailable:
            # Microsoft's keys are out of reach for now: the sender should try again.
            return web.Response(status=503)
        except Exception as exc:  # PermissionError, jwt errors, malformed claims: all 401
            log.warning("teams_unauthorized", extra={"error": type(exc).__name__})
            return web.Response(status=401)

        if activity.type != ActivityTypes.invoke:
            # Kept first (accepted means kept); Teams is answered now, and the turn and its
            # sends follow (adapters/teams/turns.py). A retry of a kept message is not run.
            with self.inbox.deadline():
                kept = await self.inbox.keep(activity, body)
                if kept.row_id is None and not kept.duplicate:
                    # Not kept (the database in trouble): answered within this request's
                    # COACH_DB_TIMEOUT_S (the turn's task inherits it), storage-down and all.
                    self._start(authenticated, activity, None)
            if kept.row_id is not None:
                # Kept: the turn has its own COACH_DB_TIMEOUT_S from when it starts.
                self._start(authenticated, activity, kept.row_id)
            return web.Response(status=200)
        try:
            invoke_response = await self.adapter.process_activity(
                authenticated, activity, self.bot.on_turn
            )
        except Exception as exc:
            # Turn errors go to on_turn_error; what reaches here is the connector set-up.
            log.error("teams_activity_failed", extra={"error": type(exc).__name__})
            return web.Response(status=502)
        return _invoke_http_response(invoke_response)

    def _start(self, authenticated: Any, activity: Activity, row_id: int | None) -> None:
        conversation = activity.conversation.id if activity.conversation is not None else ""
        turn = self._turn(authenticated, activity, row_id)
        self.turns.start(str(conversation or ""), self.inbox.finishing(row_id, turn))

    async def _turn(self, authenticated: Any, activity: Activity, row_id: int | None) -> None:
        async def on_turn(context: TurnContext) -> None:
            await self.bot.on_turn(context, row_id)

        if authenticated is None:  # a kept activity, run again after its process died
            claims = self.adapter.create_claims_identity(self.config.APP_ID)
            audience = self.adapter.bot_framework_authentication.get_originating_audience()
            await self.adapter.process_proactive(claims, activity, audience, on_turn)
            return
        await self.adapter.process_activity(authenticated, activity, on_turn)

    async def resume(self, payload: dict[str, Any], row_id: int) -> bool:
        """Run a kept activity's turn again, as the coach itself; False if it is no activity."""
        activity = _activity(payload)
        if activity is None:
            return False
        self._start(None, activity, row_id)
        return True

    async def drain(self) -> None:
        """Wait for every turn in flight (shutdown, tests)."""
        await self.turns.drain()


def _activity(body: Any) -> Activity | None:
    """The activity, or None for a body that is not one (400)."""
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        return None
    try:
        activity = Activity().deserialize(body)
    except Exception:  # msrest raises its own errors for wrongly typed fields
        return None
    if not isinstance(activity.type, str) or not activity.type:
        return None
    if not isinstance(activity.service_url, str) or not activity.service_url.startswith(
        ("http://", "https://")
    ):
        return None
    # botbuilder-schema reads conversation.tenantID and drops Teams' tenantId: keep it.
    conversation = body.get("conversation")
    if activity.conversation is not None and isinstance(conversation, dict):
        tenant = conversation.get("tenantId")
        if isinstance(tenant, str) and not activity.conversation.tenant_id:
            activity.conversation.tenant_id = tenant
    return activity


def _invoke_http_response(invoke_response: InvokeResponse | None) -> web.Response:
    if invoke_response is None:
        return web.Response(status=200)
    status = invoke_response.status or 200
    if invoke_response.body is None:
        return web.Response(status=status)
    return web.Response(
        status=status,
        text=json.dumps(_plain(invoke_response.body)),
        content_type="application/json",
    )


def _plain(body: Any) -> Any:
    """msrest models (a card, an activity) as JSON; dicts and scalars as they are."""
    serialize = getattr(body, "serialize", None)
    return serialize() if callable(serialize) else body


TEAMS_KEY = web.AppKey("teams_endpoint", TeamsEndpoint)


def mount_teams(app: web.Application, api: CoachAPI) -> None:
    """Add POST /api/messages; in production only when Teams is set up (a Slack-only school
    has no Teams endpoint at all, rather than one that would take unsigned activities)."""
    if api.settings.is_production and not teams_configured(api.settings):
        log.info("teams_not_configured")
        return
    config = bot_framework_config(api.settings)
    if not config.APP_ID:
        # Answers this machine only (adapters/teams/gate.py).
        log.warning("teams_unauthenticated_local_development")
    endpoint = TeamsEndpoint(api, config)
    app[TEAMS_KEY] = endpoint
    app.router.add_post(MESSAGES_PATH, endpoint.handle)
    app.cleanup_ctx.append(_lifecycle(endpoint))


def _lifecycle(endpoint: TeamsEndpoint) -> Callable[[web.Application], AsyncIterator[None]]:
    """The inbox sweep starts with the server; turns already answered 200 finish before it
    stops."""

    async def run(_app: web.Application) -> AsyncIterator[None]:
        # What a process that died had accepted and not answered (bot/inbox), now and then.
        sweeping = asyncio.get_running_loop().create_task(endpoint.recovery.run())
        yield
        endpoint.recovery.stop()
        await sweeping
        await endpoint.drain()

    return run
