"""Slack's routes on our aiohttp app: POST /slack/events, GET /slack/install, /slack/oauth_redirect.

Bolt checks each request's signature (HMAC of the body with the signing secret, refused
after 300 s) before any listener runs, so an unsigned or stale request gets 401 and touches
nothing. A body Bolt cannot even parse is answered 401 when unsigned and 400 when signed;
nothing a sender can put in a body produces a 5xx.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine

from adapters.slack import messages
from adapters.slack.app import SlackCoach
from adapters.slack.bolt_app import INSTALL_PATH, REDIRECT_PATH
from adapters.slack.config import SlackConfig, SlackMode, slack_config
from adapters.slack.front_door import TICKET, FrontDoor, Ticket
from adapters.slack.installs import AsyncInstallations, AsyncStates, installation_store, state_store
from adapters.slack.replays import ACCEPTED_TYPES as ACCEPTED_CONTENT_TYPES
from adapters.slack.replays import DELIVERY_ID, ReplayGuard, delivery_id, wrong_shape
from bot.api import CoachAPI

log = logging.getLogger("coach.slack")

SLACK_KEY = web.AppKey("slack_coach", SlackCoach)
EVENTS_PATH = "/slack/events"


def build_slack(api: CoachAPI, engine: Engine, config: SlackConfig) -> SlackCoach:
    """The Slack app; `engine` is only for slack_sdk's installation and OAuth-state stores."""
    if config.mode is SlackMode.OAUTH:
        assert config.client_id is not None
        store = installation_store(engine, config.client_id, api.sealer)
        installs = AsyncInstallations(store, api)
        states = AsyncStates(state_store(engine))
        return SlackCoach(api, config, installations=installs, states=states)
    return SlackCoach(api, config)


class SlackRoutes:
    """The aiohttp handlers in front of Bolt."""

    def __init__(self, slack: SlackCoach | None, config: SlackConfig) -> None:
        self.slack = slack
        self.config = config
        secret = config.signing_secret
        self.verifier = SignatureVerifier(secret) if secret else None
        self.replays = ReplayGuard()
        self.door = (
            FrontDoor(self.verifier, slack.admitted, slack.quick, slack.inbox, slack.work)
            if slack is not None and self.verifier is not None
            else None
        )

    async def events(self, request: web.Request) -> web.Response:
        if self.slack is None:
            return web.Response(status=404, text=messages.NOT_CONFIGURED)
        if not self.config.http_events:
            text = messages.SOCKET_MODE_ONLY if self.config.socket_mode else messages.NOT_CONFIGURED
            return web.Response(status=404, text=text)
        if request.content_type not in ACCEPTED_CONTENT_TYPES:
            return web.Response(status=400, text=messages.BAD_REQUEST)  # before any signature
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not timestamp.isdigit() or not signature:
            return web.Response(status=401, text=messages.UNAUTHORIZED)
        raw = await request.read()
        # Undecodable bytes become U+FFFD, which no longer matches the signature: 401.
        body = raw.decode("utf-8", errors="replace")
        if wrong_shape(request.content_type, body):
            return web.Response(status=400, text=messages.BAD_REQUEST)
        key = delivery_id(timestamp, signature)
        if not self.replays.first_time(key):
            log.info("slack_replay_ignored")
            return web.Response(status=200)  # acknowledged: it was answered the first time
        response = await self._answer(body, request, key)
        if response.status >= 400:
            self.replays.forget(key)
        return response

    async def _answer(self, body: str, request: web.Request, key: str) -> web.Response:
        """The front door's answer for a message it keeps, else Bolt's."""
        if self.door is not None:

            async def through_bolt(ticket: Ticket) -> web.Response:
                return await self._dispatch(body, request, key, ticket)

            answered = await self.door.answer(body, request, key, through_bolt)
            if answered is not None:
                return answered
        return await self._dispatch(body, request, key)

    async def _dispatch(
        self, body: str, request: web.Request, key: str, ticket: Ticket | None = None
    ) -> web.Response:
        assert self.slack is not None
        context: dict[str, object] = {DELIVERY_ID: key}
        if ticket is not None:
            context[TICKET] = ticket
        try:
            bolt_request = AsyncBoltRequest(
                body=body,
                query=request.query_string,
                headers=request.headers,  # type: ignore[arg-type]
                context=context,
            )
        except Exception:
            return self._unreadable(body, request)
        try:
            bolt_response = await self.slack.bolt.async_dispatch(bolt_request)
        except Exception as exc:  # Bolt catches listener errors; this is a body it choked on
            log.warning("slack_dispatch_failed", extra={"error": type(exc).__name__})
            return self._unreadable(body, request)
        if bolt_response.status >= 500:
            # Our listeners only acknowledge, so a 5xx here means a body of the wrong shape.
            log.warning("slack_bad_body", extra={"status": bolt_response.status})
            return self._unreadable(body, request)
        return await to_aiohttp_response(bolt_response)

    def _unreadable(self, body: str, request: web.Request) -> web.Response:
        try:
            signed = self.verifier is not None and self.verifier.is_valid_request(
                body, dict(request.headers)
            )
        except ValueError:
            signed = False
        if not signed:
            return web.Response(status=401, text=messages.UNAUTHORIZED)
        return web.Response(status=400, text=messages.BAD_REQUEST)

    async def install(self, request: web.Request) -> web.Response:
        flow = self.slack.bolt.oauth_flow if self.slack is not None else None
        if flow is None:
            return web.Response(status=404, text=messages.OAUTH_NOT_CONFIGURED)
        bolt_request = AsyncBoltRequest(
            body="",
            query=request.query_string,
            headers=request.headers,  # type: ignore[arg-type]
        )
        if request.path == INSTALL_PATH:
            response = await flow.handle_installation(bolt_request)
        else:
            response = await flow.handle_callback(bolt_request)
        return await to_aiohttp_response(response)


def mount_slack(app: web.Application, api: CoachAPI, engine: Engine) -> None:
    """Add Slack's routes to our web app; raises ConfigurationError for unsafe settings.

    `engine` is the coach's database, where slack_sdk's stores keep OAuth installations.
    """
    config = slack_config(api.settings)
    slack = build_slack(api, engine, config) if config.mode is not SlackMode.OFF else None
    if slack is None:
        log.info("slack_not_configured")
    else:
        app[SLACK_KEY] = slack
        app.cleanup_ctx.append(_lifecycle(slack, config))
    routes = SlackRoutes(slack, config)
    app.router.add_post(EVENTS_PATH, routes.events)
    app.router.add_get(INSTALL_PATH, routes.install)
    app.router.add_get(REDIRECT_PATH, routes.install)


def _lifecycle(
    slack: SlackCoach, config: SlackConfig
) -> Callable[[web.Application], AsyncIterator[None]]:
    """Socket Mode connects and the inbox sweep starts with the server; background replies
    finish before it stops."""

    async def run(app: web.Application) -> AsyncIterator[None]:
        await slack.open_http()
        handler: AsyncSocketModeHandler | None = None
        if config.socket_mode:
            handler = AsyncSocketModeHandler(slack.bolt, config.app_token)
            await handler.connect_async()  # type: ignore[no-untyped-call]
            log.info("slack_socket_mode_connected")
        log.info("slack_ready", extra={"mode": config.mode.value, "socket": config.socket_mode})
        # What a process that died had accepted and not answered (bot/inbox), now and then.
        sweeping = asyncio.get_running_loop().create_task(slack.recovery.run())
        yield
        slack.recovery.stop()
        await sweeping
        if handler is not None:
            await handler.close_async()  # type: ignore[no-untyped-call]
        await slack.drain()
        await slack.close_http()

    return run
