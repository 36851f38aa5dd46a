"""drill-blackhole: PostgreSQL turns into a black hole for 30 s under Slack and Teams traffic.

`coach serve` (COACH_DB_TIMEOUT_S, default 5 s) reaches PostgreSQL through
`tests.blackhole.BlackHoleProxy`: forwarding for 10 s, then for 30 s it accepts connections
and moves no bytes (open connections fall silent too), then forwards again for 15 s. Every
0.25 s a Slack slash command (`/coach journal`) and a Teams message (`journal`) go in, each
from its own educator; /healthz is probed every 50 ms. This process is also Slack (its Web
API and response URLs) and the Teams connector, so it sees when each answer arrives.

Per phase: requests, HTTP statuses, answers arrived (and how many were the storage-down
sentence), the slowest answer from request to arrival, and /healthz p50/p99/max.
Pass: every request answered within COACH_DB_TIMEOUT_S + 1 s, /healthz p99 under 50 ms,
answers normal again after the cut, the same server process throughout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import count

import aiohttp
from aiohttp import web

from bench import procs
from bench.bare import BOT_TOKEN, SIGNING_SECRET
from bench.slack_requests import signed_journal_command
from tests.blackhole import BlackHoleProxy
from tests.teams import activities

TIMEOUT_S = 5.0  # COACH_DB_TIMEOUT_S's default, which the server runs with
PHASES = (("before", 10.0), ("black hole", 30.0), ("restored", 15.0))
SEND_EVERY_S = 0.25
PROBE_EVERY_S = 0.05
STORAGE_DOWN = "can't reach my storage"


@dataclass
class Platform:
    """Requests of one platform: when each went in, and when its answer came back."""

    sent: dict[str, float] = field(default_factory=dict)
    answered: dict[str, float] = field(default_factory=dict)
    storage_down: set[str] = field(default_factory=set)
    statuses: Counter[str] = field(default_factory=Counter)

    def arrived(self, key: str, text: str) -> None:
        self.answered.setdefault(key, time.monotonic())
        if STORAGE_DOWN in text:
            self.storage_down.add(key)


@dataclass
class Outside:
    """Slack and the Teams connector, in this process."""

    slack: Platform = field(default_factory=Platform)
    teams: Platform = field(default_factory=Platform)
    ids: count[int] = field(default_factory=count)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._slack_api)
        app.router.add_post("/respond/{key}", self._respond)
        app.router.add_post("/v3/conversations/{conversation}/activities{rest:.*}", self._teams)
        return app

    async def _slack_api(self, request: web.Request) -> web.Response:
        form = await request.post()
        user = str(form.get("user") or form.get("users") or "U")
        answer: dict[str, object] = {"ok": True}
        if request.match_info["method"] == "users.info":
            answer["user"] = {"id": user, "tz": "America/Chicago", "is_admin": False}
        elif request.match_info["method"] == "conversations.open":
            answer["channel"] = {"id": f"D{user}"}
        elif request.match_info["method"] == "auth.test":
            answer |= {"team_id": "T0001", "user_id": "UBOT", "bot_id": "BBOT"}
        else:
            answer |= {"channel": form.get("channel"), "ts": f"1.{next(self.ids)}"}
        return web.json_response(answer)

    async def _respond(self, request: web.Request) -> web.Response:
        self.slack.arrived(request.match_info["key"], json.dumps(await request.json()))
        return web.Response(text="ok")

    async def _teams(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.teams.arrived(request.match_info["conversation"], json.dumps(body))
        return web.json_response({"id": f"sent-{next(self.ids)}"}, status=201)


async def send_slack(
    session: aiohttp.ClientSession, base: str, url: str, n: int, out: Outside
) -> None:
    key, body, headers = signed_journal_command(n, url)
    out.slack.sent[key] = time.monotonic()
    try:
        async with session.post(base + "/slack/events", data=body, headers=headers) as response:
            await response.read()
            out.slack.statuses[str(response.status)] += 1
    except (aiohttp.ClientError, TimeoutError) as exc:
        out.slack.statuses[type(exc).__name__] += 1


async def send_teams(
    session: aiohttp.ClientSession, base: str, url: str, n: int, out: Outside
) -> None:
    activity = activities.message(url, "journal", user=f"bh-{n}")
    key = activity["conversation"]["id"]
    out.teams.sent[key] = time.monotonic()
    try:
        async with session.post(base + "/api/messages", json=activity) as response:
            await response.read()
            out.teams.statuses[str(response.status)] += 1
    except (aiohttp.ClientError, TimeoutError) as exc:
        out.teams.statuses[type(exc).__name__] += 1


async def probe(session: aiohttp.ClientSession, base: str, until: float) -> list[float]:
    took: list[float] = []
    while time.monotonic() < until:
        started = time.monotonic()
        with contextlib.suppress(aiohttp.ClientError, TimeoutError):
            async with session.get(base + "/healthz") as response:
                await response.read()
        took.append((time.monotonic() - started) * 1000)
        await asyncio.sleep(PROBE_EVERY_S)
    return took


def report(name: str, platform: Platform, keys: list[str]) -> tuple[str, float]:
    waits = [platform.answered[k] - platform.sent[k] for k in keys if k in platform.answered]
    down = sum(1 for k in keys if k in platform.storage_down)
    slowest = max(waits, default=float("nan"))
    line = (
        f"{name}: {len(keys)} sent, {len(waits)} answered ({down} storage-down), "
        f"slowest {slowest:.2f} s, HTTP {dict(platform.statuses)}"
    )
    return line, slowest if len(waits) == len(keys) else float("inf")


async def drill(url: str) -> None:
    out = Outside()
    runner = web.AppRunner(out.app())
    await runner.setup()
    outside_port = procs.free_port()
    await web.TCPSite(runner, procs.HOST, outside_port).start()
    outside_url = f"http://{procs.HOST}:{outside_port}/"
    proxy = BlackHoleProxy()
    proxy.start()
    port = procs.free_port()
    base = f"http://{procs.HOST}:{port}"
    env = procs.base_env(
        DATABASE_URL=proxy.url_for(url),
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=outside_url + "api/",
    )
    serve = subprocess.Popen(
        [procs.COACH, "serve", "--port", str(port)],
        env=env,
        cwd=str(procs.ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    n = 0
    verdicts: list[bool] = []
    try:
        await asyncio.to_thread(procs.wait_http, base + "/healthz")
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            for phase, seconds in PHASES:
                if phase == "black hole":
                    proxy.cut()
                elif phase == "restored":
                    proxy.restore()
                out.slack.statuses.clear()
                out.teams.statuses.clear()
                first = n
                until = time.monotonic() + seconds
                prober = asyncio.create_task(probe(session, base, until))
                sends: list[asyncio.Task[None]] = []
                while time.monotonic() < until:
                    n += 1
                    sends.append(
                        asyncio.create_task(send_slack(session, base, outside_url, n, out))
                    )
                    sends.append(
                        asyncio.create_task(send_teams(session, base, outside_url, n, out))
                    )
                    await asyncio.sleep(SEND_EVERY_S)
                await asyncio.gather(*sends)
                health = sorted(await prober)
                await asyncio.sleep(TIMEOUT_S + 2)  # answers still on their way
                slack_keys = [f"cmd{i}" for i in range(first + 1, n + 1)]
                teams_keys = [k for k in out.teams.sent if int(k.rsplit("-", 1)[1]) > first]
                slack_line, slack_slowest = report("Slack", out.slack, slack_keys)
                teams_line, teams_slowest = report("Teams", out.teams, teams_keys)
                p99 = health[int(len(health) * 0.99)]
                print(
                    f"  {phase} ({seconds:.0f} s): {slack_line}; {teams_line}; /healthz "
                    f"{len(health)} probes p50 {statistics.median(health):.1f} ms p99 "
                    f"{p99:.1f} ms max {health[-1]:.1f} ms; server alive {serve.poll() is None}",
                    flush=True,
                )
                verdicts.append(max(slack_slowest, teams_slowest) <= TIMEOUT_S + 1 and p99 < 50)
        recovered = not (out.slack.storage_down | out.teams.storage_down) & {
            *[f"cmd{i}" for i in range(n - 10, n + 1)],
            *[f"a:1bh-{i}" for i in range(n - 10, n + 1)],
        }
        print(
            f"  verdict: every answer within {TIMEOUT_S + 1:.0f} s and /healthz p99 < 50 ms per "
            f"phase {verdicts}; normal answers at the end {recovered}; one server process "
            f"{serve.poll() is None}",
            flush=True,
        )
    finally:
        procs.stop(serve)
        proxy.stop()
        await runner.cleanup()


def drill_blackhole() -> None:
    with procs.database("postgres") as url:
        procs.migrate(url)
        asyncio.run(drill(url))
