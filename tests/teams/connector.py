"""A small Bot Framework connector on 127.0.0.1: records what the coach posts.

It answers `POST /v3/conversations/{id}/activities[/{activityId}]`,
`PUT /v3/conversations/{id}/activities/{activityId}` (a card updated in place) and
`GET /v3/conversations/{id}/members/{memberId}`, and can be told to refuse the next
sends (429 then success, 403 for a bot that was removed) or to hold its answers to them.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.cards_seen import SEEN


@dataclass
class Failure:
    status: int
    code: str = ""
    retry_after: str | None = None


@dataclass
class Posted:
    conversation: str
    reply_to: str | None
    activity: dict[str, Any]
    authorization: str | None
    peer: tuple[str, int] | None = None  # the sender's end of the TCP connection it came over


@dataclass
class Updated:
    conversation: str
    activity_id: str
    activity: dict[str, Any]


def _peer(request: web.Request) -> tuple[str, int] | None:
    transport = request.transport
    peer = transport.get_extra_info("peername") if transport is not None else None
    return (str(peer[0]), int(peer[1])) if peer else None


@dataclass
class Connector:
    posted: list[Posted] = field(default_factory=list)
    updated: list[Updated] = field(default_factory=list)
    member_lookups: list[str] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)
    failures: deque[Failure] = field(default_factory=deque)
    delay: float = 0.0  # seconds each send takes (a slow connector)
    sent_at: list[float] = field(default_factory=list)  # time.monotonic() of each accepted send
    server: TestServer | None = None
    _held: asyncio.Event | None = None
    _ids: count[int] = field(default_factory=lambda: count(1))

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    def fail_next(
        self, status: int, times: int = 1, code: str = "", retry_after: str | None = None
    ) -> None:
        for _ in range(times):
            self.failures.append(Failure(status, code, retry_after))

    def hold(self) -> None:
        """Sends are recorded as they arrive and answered only after `release`."""
        self._held = asyncio.Event()

    def release(self) -> None:
        if self._held is not None:
            self._held.set()
        self._held = None

    def take(self) -> list[dict[str, Any]]:
        """The activities posted since the last call."""
        taken = [p.activity for p in self.posted]
        self.posted.clear()
        return taken

    async def _activities(self, request: web.Request) -> web.Response:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures:
            failure = self.failures.popleft()
            self.refused.append(failure.status)
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            error = {"error": {"code": failure.code or "Error", "message": "refused by test"}}
            return web.json_response(error, status=failure.status, headers=headers)
        body = await request.json()
        SEEN.activity(body)
        self.sent_at.append(time.monotonic())
        rest = request.match_info["rest"].strip("/")
        self.posted.append(
            Posted(
                conversation=request.match_info["conversation"],
                reply_to=rest or None,
                activity=body,
                authorization=request.headers.get("Authorization"),
                peer=_peer(request),
            )
        )
        if self._held is not None:
            await self._held.wait()
        return web.json_response({"id": f"sent-{next(self._ids)}"}, status=201)

    async def _update(self, request: web.Request) -> web.Response:
        body = await request.json()
        SEEN.activity(body)
        self.updated.append(
            Updated(
                conversation=request.match_info["conversation"],
                activity_id=request.match_info["activity"],
                activity=body,
            )
        )
        return web.json_response({"id": request.match_info["activity"]})

    async def _member(self, request: web.Request) -> web.Response:
        member = request.match_info["member"]
        self.member_lookups.append(member)
        return web.json_response({"id": member, "name": "Member", "aadObjectId": member})

    def app(self) -> web.Application:
        app = web.Application()
        for region in ("", "/amer"):  # a moved serviceUrl, as Teams does between regions
            base = f"{region}/v3/conversations/{{conversation}}"
            app.router.add_post(base + "/activities{rest:.*}", self._activities)
            app.router.add_put(base + "/activities/{activity}", self._update)
            app.router.add_get(base + "/members/{member}", self._member)
        return app

    async def start(self) -> None:
        self.server = TestServer(self.app(), host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        self.release()
        if self.server is not None:
            await self.server.close()
