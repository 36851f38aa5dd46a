"""The test suite's fake Slack and Bot Framework connector, run as their own processes.

    python -m bench.fakes slack --port P [--rate R] [--storm F] [--latency S]
    python -m bench.fakes connector --port P [--storm F]

The Slack one adds a per-workspace token bucket on `chat.postMessage` (429 + Retry-After
when empty, like Slack) and `GET /stats`: how many messages reached each channel.
`--storm F` answers a fraction F of sends with 429 or 503 at random; `--latency S` answers
each Slack call after S seconds (a network-bound send). Each stops by itself
after `--lifetime` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.slack.fake_slack import FakeSlack
from tests.teams.connector import Connector


@dataclass
class Bucket:
    rate: float
    tokens: float
    updated: float = field(default_factory=time.monotonic)

    def take(self) -> float:
        """0 when a token was taken, else the seconds until one is available."""
        now = time.monotonic()
        self.tokens = min(self.rate, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass
class Delivery:
    """What reached the fake platform: sends per channel, refusals, first and last times."""

    per_channel: Counter[str] = field(default_factory=Counter)
    refused: Counter[int] = field(default_factory=Counter)
    first: float | None = None
    last: float | None = None

    def record(self, channel: str) -> None:
        now = time.time()
        self.first = self.first if self.first is not None else now
        self.last = now
        self.per_channel[channel] += 1

    def stats(self) -> dict[str, Any]:
        return {
            "posted": sum(self.per_channel.values()),
            "channels": len(self.per_channel),
            "duplicates": sum(n - 1 for n in self.per_channel.values() if n > 1),
            "refused": {str(k): v for k, v in self.refused.items()},
            "first": self.first,
            "last": self.last,
        }


class RateLimitedSlack(FakeSlack):
    """FakeSlack with Slack's per-workspace rate limit on chat.postMessage."""

    def __init__(self, rate: float, storm: float = 0.0, latency: float = 0.0) -> None:
        super().__init__()
        self.rate = rate
        self.storm = storm
        self.latency = latency
        self.buckets: dict[str, Bucket] = {}
        self.delivery = Delivery()

    def app(self) -> web.Application:
        app = super().app()
        app.router.add_get("/stats", self._stats)
        return app

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response({**self.delivery.stats(), "responded": len(self.responses)})

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if self.latency:
            await asyncio.sleep(self.latency)
        if method != "chat.postMessage":
            if method == "conversations.open" and self.storm and random.random() < self.storm:
                self.delivery.refused[503] += 1
                return web.json_response({"ok": False, "error": "fatal_error"}, status=503)
            return await super()._api(request)
        args = await self._args(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if self.storm and random.random() < self.storm:
            status = random.choice((429, 500, 503))
            self.delivery.refused[status] += 1
            headers = {"Retry-After": "1"} if status == 429 else {}
            error = "ratelimited" if status == 429 else "internal_error"
            return web.json_response({"ok": False, "error": error}, status=status, headers=headers)
        if self.rate > 0:
            bucket = self.buckets.setdefault(token, Bucket(self.rate, self.rate))
            wait = bucket.take()
            if wait > 0:
                self.delivery.refused[429] += 1
                return web.json_response(
                    {"ok": False, "error": "ratelimited"},
                    status=429,
                    headers={"Retry-After": str(max(1, math.ceil(wait)))},
                )
        channel = str(args.get("channel"))
        self.delivery.record(channel)
        return web.json_response(
            {"ok": True, "channel": channel, "ts": f"1700000000.{next(self._ts):06d}"}
        )


class StormConnector(Connector):
    """The test connector refusing a fraction of sends with 429 or 503, counting arrivals."""

    def __init__(self, storm: float = 0.0) -> None:
        super().__init__()
        self.storm = storm
        self.delivery = Delivery()

    def app(self) -> web.Application:
        app = super().app()
        app.router.add_get("/stats", self._stats)
        return app

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.delivery.stats())

    async def _activities(self, request: web.Request) -> web.Response:
        if self.storm and random.random() < self.storm:
            status = random.choice((429, 503))
            self.delivery.refused[status] += 1
            headers = {"Retry-After": "1"} if status == 429 else {}
            body = {"error": {"code": "Throttled", "message": "storm"}}
            return web.json_response(body, status=status, headers=headers)
        response = await super()._activities(request)
        self.posted.clear()  # count, do not keep: a long run would grow without bound
        self.delivery.record(request.match_info["conversation"])
        return response


async def serve(app: web.Application, port: int, lifetime: float) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        await asyncio.sleep(lifetime)
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=("slack", "connector"))
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rate", type=float, default=0.0, help="sends/s per workspace; 0: none")
    parser.add_argument("--storm", type=float, default=0.0)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per Slack call")
    parser.add_argument("--lifetime", type=float, default=1800.0)
    args = parser.parse_args()
    if args.kind == "slack":
        app = RateLimitedSlack(args.rate, args.storm, args.latency).app()
    else:
        app = StormConnector(args.storm).app()
    app.router.add_get("/healthz", lambda request: _ok())
    asyncio.run(serve(app, args.port, args.lifetime))


async def _ok() -> web.Response:
    return web.Response(text="ok")


if __name__ == "__main__":
    main()
