"""A small stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`) and response URLs.

It records every call (method, token, arguments) for assertions, and can be told to answer
the next calls of a method with an HTTP status (429 with Retry-After, 500) or a Slack error.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Call:
    method: str
    token: str | None
    args: dict[str, Any]
    # The caller's address and port: one per connection, so kept-alive calls share it.
    peer: tuple[str, int] | None = None


def _peer(request: web.Request) -> tuple[str, int] | None:
    peer = request.transport.get_extra_info("peername") if request.transport else None
    return (str(peer[0]), int(peer[1])) if peer else None


@dataclass
class Failure:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    body: str | None = None  # a raw body instead of Slack's JSON (a proxy's error page)
    content_type: str = "application/json"


@dataclass
class FakeSlack:
    team: str = "T0001"
    bot_user: str = "UBOT"
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=lambda: defaultdict(list))
    timezones: dict[str, str] = field(default_factory=dict)
    admins: set[str] = field(default_factory=set)  # users.info says is_admin
    # users.info's `locale` (Slack sends it only when asked with include_locale), by user.
    locales: dict[str, str] = field(default_factory=dict)
    outside: set[str] = field(default_factory=set)  # channels the bot is not a member of
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # method -> fixed answer
    # oauth.v2.access installs into this Enterprise Grid org (None: a standalone workspace).
    enterprise: str | None = None
    server: TestServer | None = None
    socket_acks: list[dict[str, Any]] = field(default_factory=list)
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _ts: count[int] = field(default_factory=lambda: count(1))
    # Calls of these methods wait until `release` (a slow Slack, held open on purpose).
    _held: dict[str, asyncio.Event] = field(default_factory=dict)
    # What each channel holds, oldest first, as conversations.history gives it back.
    history: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # ...and each thread's replies, by (channel, the parent's ts), oldest first.
    threads: dict[tuple[str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    @property
    def api_url(self) -> str:
        return self.url + "api/"

    def response_url(self, name: str = "r1") -> str:
        return self.url + f"respond/{name}"

    def fail(self, method: str, *failures: Failure) -> None:
        self.failures[method] += list(failures)

    def hold(self, method: str) -> None:
        self._held[method] = asyncio.Event()

    def release(self, method: str) -> None:
        self._held.pop(method).set()

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posted_text(self) -> str:
        """Everything the coach posted or responded, blocks flattened to text."""
        parts: list[str] = []
        for payload in [c.args for c in self.of("chat.postMessage")] + self.responses:
            parts.append(_flatten(payload.get("blocks")) or str(payload.get("text") or ""))
        return "\n".join(parts)

    def clear(self) -> None:
        self.calls.clear()
        self.responses.clear()

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_get("/socket", self._socket)
        return app

    async def start(self) -> None:
        self.server = TestServer(self.app(), host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args.update(await request.json())
        elif request.can_read_body:
            args.update(dict(await request.post()))
        for key in ("blocks", "view"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        auth = request.headers.get("Authorization", "")
        args = await self._args(request)
        token = auth.removeprefix("Bearer ") or args.get("token")
        self.calls.append(Call(method, token, args, _peer(request)))
        if method in self._held:
            await self._held[method].wait()
        channel = str(args.get("channel") or "")
        if method == "chat.postMessage" and channel in self.outside:
            return web.json_response({"ok": False, "error": "not_in_channel"})
        if self.failures.get(method):
            failure = self.failures[method].pop(0)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            if failure.body is not None:
                return web.Response(
                    status=failure.status,
                    text=failure.body,
                    content_type=failure.content_type,
                    headers=headers,
                )
            body = {"ok": False, "error": failure.error or "ratelimited"}
            return web.json_response(body, status=failure.status, headers=headers)
        return web.json_response(self._answer(method, args))

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method in self.answers:
            return self.answers[method]
        ok: dict[str, Any] = {"ok": True}
        match method:
            case "auth.test":
                return ok | {
                    "user_id": self.bot_user,
                    "bot_id": "BBOT",
                    "team_id": self.team,
                    "team": "Lincoln Elementary",
                    "url": "https://lincoln.slack.com/",
                }
            case "users.info":
                user = str(args.get("user"))
                found: dict[str, Any] = {
                    "id": user,
                    "tz": self.timezones.get(user, "America/Chicago"),
                    "is_admin": user in self.admins,
                }
                if str(args.get("include_locale")).casefold() in ("true", "1"):
                    found["locale"] = self.locales.get(user, "en-US")
                return ok | {"user": found}
            case "conversations.info":
                channel = str(args.get("channel"))
                return ok | {"channel": {"id": channel, "is_member": channel not in self.outside}}
            case "conversations.open":
                return ok | {"channel": {"id": f"D{args.get('users')}"}}
            case "chat.postMessage":
                ts = f"1700000000.{next(self._ts):06d}"
                kept: dict[str, Any] = {"ts": ts, "text": args.get("text"), "bot_id": "BBOT"}
                metadata = args.get("metadata")
                if isinstance(metadata, str):
                    metadata = json.loads(metadata)
                if metadata:
                    kept["metadata"] = metadata
                thread = args.get("thread_ts")
                if thread:  # a thread's replies are not in the channel's history
                    self.threads[str(args.get("channel")), str(thread)].append(kept)
                else:
                    self.history[str(args.get("channel"))].append(kept)
                return ok | {"channel": args.get("channel"), "ts": ts}
            case "conversations.replies":
                # Oldest first, as Slack gives a thread; metadata only when asked for.
                key = (str(args.get("channel")), str(args.get("ts")))
                shown = self.threads[key][: int(args.get("limit") or 100)]
                if str(args.get("include_all_metadata")).casefold() not in ("true", "1"):
                    shown = [{k: v for k, v in m.items() if k != "metadata"} for m in shown]
                return ok | {"messages": shown, "has_more": False}
            case "conversations.history":
                # Newest first; metadata only when asked for, as Slack does.
                shown = list(reversed(self.history[str(args.get("channel"))]))
                shown = shown[: int(args.get("limit") or 100)]
                if str(args.get("include_all_metadata")).casefold() not in ("true", "1"):
                    shown = [{k: v for k, v in m.items() if k != "metadata"} for m in shown]
                return ok | {"messages": shown, "has_more": False}
            case "apps.connections.open":
                return ok | {"url": self.url.replace("http", "ws", 1) + "socket"}
            case "oauth.v2.access":
                return ok | {
                    "app_id": "A0001",
                    "authed_user": {"id": "UADMIN"},
                    "scope": "commands,chat:write,im:history,im:write,users:read",
                    "token_type": "bot",
                    "access_token": "xoxb-installed",
                    "bot_user_id": self.bot_user,
                    "team": {"id": "T0002", "name": "Roosevelt Middle"},
                    "enterprise": (
                        {"id": self.enterprise, "name": "Springfield District"}
                        if self.enterprise
                        else None
                    ),
                    "is_enterprise_install": False,
                }
        return ok

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode: say hello, then record each acknowledgement the app sends back."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1})
        async for message in ws:
            if message.type == web.WSMsgType.TEXT:
                self.socket_acks.append(json.loads(message.data))
        return ws

    @property
    def socket_connected(self) -> bool:
        return any(not ws.closed for ws in self._sockets)

    async def push(self, envelope: dict[str, Any]) -> None:
        """Send one Socket Mode envelope to the connected app."""
        live = [ws for ws in self._sockets if not ws.closed]
        assert live, "no Socket Mode connection"
        await live[-1].send_json(envelope)

    async def _respond(self, request: web.Request) -> web.Response:
        payload = await request.json()
        self.calls.append(Call("response_url", None, payload, _peer(request)))
        self.responses.append(payload)
        return web.Response(text="ok")


def _flatten(blocks: Any) -> str:
    if not blocks:
        return ""
    texts: list[str] = []
    for block in blocks:
        text = block.get("text")
        if isinstance(text, dict):
            texts.append(str(text.get("text", "")))
        for element in block.get("elements", []) or []:
            inner = element.get("text")
            texts.append(
                str(inner.get("text", "")) if isinstance(inner, dict) else str(inner or "")
            )
    return "\n".join(texts)
