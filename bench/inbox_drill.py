"""drill-inbox: SIGKILL `coach serve` at random moments under Slack traffic, restart it, and
check that every acknowledged slash command is answered exactly once (bot/inbox).

This process is Slack: it signs `/coach journal` commands, each from a new educator, and
is the Web API and the response URLs the coach answers through. `users.info` takes a
random 0-300 ms, so kills land before the acknowledgement, between it and the turn, in the
turn, between the turn and the answer, and after the answer. Each cycle starts `coach
serve`, sends from CLIENTS clients for a random 0.3-1.5 s, and SIGKILLs it. A last server
then runs until the inbox is empty (a killed server's rows are taken over once their
claim, bot/inbox LEASE, ran out).

Counted per command: acknowledged (HTTP 200) or not (the connection died with the
server: Slack would show the educator an error, and nothing was promised), and how many
answers reached its response URL. Pass: every acknowledged command answered exactly once.

With `dms=True` half the Slack clients type `journal` in their DM with the coach instead:
its answer goes out with chat.postMessage, carrying message metadata that a process taking
over reads back (adapters/slack/delivery.py), counted per DM channel.

With `teams=True` half the clients are Teams instead: each posts a `journal` message
activity from a new educator in a personal chat to `/api/messages` (unauthenticated, as
local development on 127.0.0.1), and this process is also the Bot Framework connector the
answers are posted to, counted per conversation.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import create_engine, text

from bench import procs
from bench.bare import BOT_TOKEN, SIGNING_SECRET
from bench.slack_requests import signed_journal_command, signed_journal_dm

CYCLES = 200
CLIENTS = 4
RUN_S = (0.3, 1.5)
USERS_INFO_S = (0.0, 0.3)
LEASE_S = 30.0  # bot/inbox/store.py LEASE
DRAIN_LIMIT_S = 120.0


@dataclass
class Slack:
    """Slack's side: what was sent, what was acknowledged, what was answered."""

    acked: set[str] = field(default_factory=set)
    refused: Counter[str] = field(default_factory=Counter)
    answers: Counter[str] = field(default_factory=Counter)
    ids: count[int] = field(default_factory=count)
    rng: random.Random = field(default_factory=lambda: random.Random(14))
    # DMs: what each DM channel holds (for conversations.history), and what was acknowledged.
    history: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    dm_acked: set[str] = field(default_factory=set)
    dm_refused: Counter[str] = field(default_factory=Counter)
    dm_answers: Counter[str] = field(default_factory=Counter)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)  # conversations.history: GET
        app.router.add_post("/respond/{key}", self._respond)
        return app

    async def _api(self, request: web.Request) -> web.Response:
        form: dict[str, object] = {**request.query, **(await request.post())}
        if request.content_type == "application/json":
            form |= await request.json()
        method = request.match_info["method"]
        user = str(form.get("user") or form.get("users") or "U")
        answer: dict[str, object] = {"ok": True}
        channel = str(form.get("channel") or "")
        if method == "chat.postMessage" and channel.startswith("D"):
            self.dm_answers[channel] += 1
            kept = {"ts": f"1.{next(self.ids)}", "metadata": form.get("metadata")}
            self.history.setdefault(channel, []).append(kept)
        if method == "conversations.history":
            answer["messages"] = list(reversed(self.history.get(channel, [])))
        elif method == "users.info":
            await asyncio.sleep(self.rng.uniform(*USERS_INFO_S))
            answer["user"] = {"id": user, "tz": "America/Chicago", "is_admin": False}
        elif method == "conversations.open":
            answer["channel"] = {"id": f"D{user}"}
        elif method == "auth.test":
            answer |= {"team_id": "T0001", "user_id": "UBOT", "bot_id": "BBOT"}
        else:
            answer |= {"channel": form.get("channel"), "ts": f"1.{next(self.ids)}"}
        return web.json_response(answer)

    async def _respond(self, request: web.Request) -> web.Response:
        await request.json()
        self.answers[request.match_info["key"]] += 1
        return web.Response(text="ok")


@dataclass
class Teams:
    """Teams' side (the connector): acknowledged activities, answers per conversation."""

    acked: set[str] = field(default_factory=set)
    refused: Counter[str] = field(default_factory=Counter)
    answers: Counter[str] = field(default_factory=Counter)
    ids: count[int] = field(default_factory=count)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/v3/conversations/{conversation}/activities{rest:.*}", self._post)

    async def _post(self, request: web.Request) -> web.Response:
        await request.json()
        self.answers[request.match_info["conversation"]] += 1
        return web.json_response({"id": f"sent-{next(self.ids)}"}, status=201)


TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def journal_activity(n: int, service_url: str) -> tuple[str, dict[str, object]]:
    """A personal-chat `journal` from a new educator; its conversation id is the key."""
    conversation = f"a:drill{n}"
    return conversation, {
        "type": "message",
        "id": f"1700000000{n}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": f"29:drill{n}", "aadObjectId": f"00000000-0000-4000-8000-{n:012d}"},
        "recipient": {"id": "28:coach", "name": "Partnership Coach"},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": conversation},
        "channelData": {"tenant": {"id": TENANT}},
        "text": "journal",
    }


async def _send(
    session: aiohttp.ClientSession,
    url: str,
    key: str,
    acked: set[str],
    refused: Counter[str],
    **request: Any,
) -> None:
    """Post one message as the platform would; note whether the coach acknowledged it."""
    try:
        async with session.post(url, **request) as response:
            await response.read()
            if response.status == 200:
                acked.add(key)
            else:
                refused[str(response.status)] += 1
    except (aiohttp.ClientError, TimeoutError) as exc:
        refused[type(exc).__name__] += 1


async def slack_dm(session: aiohttp.ClientSession, base: str, n: int, slack: Slack) -> None:
    key, body, headers = signed_journal_dm(n)
    url = base + "/slack/events"
    await _send(session, url, key, slack.dm_acked, slack.dm_refused, data=body, headers=headers)


async def teams_message(
    session: aiohttp.ClientSession, base: str, url: str, n: int, teams: Teams
) -> None:
    key, activity = journal_activity(n, url)
    await _send(session, base + "/api/messages", key, teams.acked, teams.refused, json=activity)


async def command(
    session: aiohttp.ClientSession, base: str, url: str, n: int, slack: Slack
) -> None:
    key, body, headers = signed_journal_command(n, url)
    url = base + "/slack/events"
    await _send(session, url, key, slack.acked, slack.refused, data=body, headers=headers)


def start_serve(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = procs.free_port()
    serve = subprocess.Popen(
        [procs.COACH, "serve", "--port", str(port)],
        env=env,
        cwd=str(procs.ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{procs.HOST}:{port}"
    procs.wait_http(base + "/healthz", timeout=60)
    return serve, base


def kept(url: str) -> int:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM inbox_messages")).scalar_one())
    finally:
        engine.dispose()


async def drill(url: str, cycles: int, with_teams: bool, with_dms: bool = False) -> None:
    slack, teams = Slack(), Teams()
    outside = slack.app()
    teams.add_routes(outside)
    runner = web.AppRunner(outside)
    await runner.setup()
    outside_port = procs.free_port()
    await web.TCPSite(runner, procs.HOST, outside_port).start()
    outside_url = f"http://{procs.HOST}:{outside_port}/"
    env = procs.base_env(
        DATABASE_URL=url,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=outside_url + "api/",
    )
    rng = random.Random(2026)
    numbers = count(1)
    started = time.monotonic()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:

            async def client(base: str, until: float, on_teams: bool, in_dm: bool) -> None:
                while time.monotonic() < until:
                    if on_teams:
                        await teams_message(session, base, outside_url, next(numbers), teams)
                    elif in_dm:
                        await slack_dm(session, base, next(numbers), slack)
                    else:
                        await command(session, base, outside_url, next(numbers), slack)

            for cycle in range(cycles):
                serve, base = await asyncio.to_thread(start_serve, env)
                until = time.monotonic() + rng.uniform(*RUN_S)
                clients = [
                    asyncio.create_task(
                        client(base, until + 5, with_teams and i % 2 == 1, with_dms and i % 2 == 0)
                    )
                    for i in range(CLIENTS)
                ]
                await asyncio.sleep(max(0.0, until - time.monotonic()))
                serve.send_signal(signal.SIGKILL)
                serve.wait()
                for task in clients:
                    task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.gather(*clients, return_exceptions=True)
                if (cycle + 1) % 20 == 0:
                    print(
                        f"  {cycle + 1} kills, {len(slack.acked) + len(teams.acked)} acknowledged, "
                        f"{time.monotonic() - started:.0f} s",
                        flush=True,
                    )
            # The last server: takes over what the killed ones kept, once their claims end.
            serve, base = await asyncio.to_thread(start_serve, env)
            deadline = time.monotonic() + DRAIN_LIMIT_S
            await asyncio.sleep(LEASE_S)
            while time.monotonic() < deadline and await asyncio.to_thread(kept, url) > 0:
                await asyncio.sleep(1)
            await asyncio.sleep(3)  # the last answers on their way
            procs.stop(serve)
    finally:
        await runner.cleanup()
    rows_left = await asyncio.to_thread(kept, url)
    verdicts = [report("Slack", slack, cycles, rows_left, started)]
    if with_dms:
        dms = Slack(acked=slack.dm_acked, refused=slack.dm_refused, answers=slack.dm_answers)
        verdicts.append(report("Slack DMs", dms, cycles, rows_left, started))
    if with_teams:
        verdicts.append(report("Teams", teams, cycles, rows_left, started))
    print(f"  verdict: every acknowledged message answered exactly once: {all(verdicts)}")


def report(platform: str, side: Slack | Teams, cycles: int, rows_left: int, started: float) -> bool:
    acked = side.acked
    once = sum(1 for key in acked if side.answers[key] == 1)
    lost = sorted(key for key in acked if side.answers[key] == 0)
    twice = sorted(key for key in side.answers if side.answers[key] > 1)
    unacked_answered = sum(1 for key in side.answers if key not in acked)
    print(
        f"  {platform}: {cycles} SIGKILLs; {len(acked)} acknowledged; answered exactly once "
        f"{once}; lost {len(lost)} {lost[:10]}; answered more than once {len(twice)} "
        f"{twice[:10]}; not acknowledged (connection died) {dict(side.refused)}, of which "
        f"answered {unacked_answered}; inbox rows left {rows_left}; "
        f"{time.monotonic() - started:.0f} s",
        flush=True,
    )
    return once == len(acked)


def drill_inbox(
    cycles: int = CYCLES, database: str = "postgres", teams: bool = False, dms: bool = False
) -> None:
    with procs.database(database) as url:
        procs.migrate(url)
        asyncio.run(drill(url, cycles, teams, dms))


if __name__ == "__main__":
    drill_inbox(int(sys.argv[1]) if len(sys.argv) > 1 else CYCLES)
