"""bench teams: a personal message through /api/messages until its reply reaches the connector.

The bare echo bot answers Bot Framework's POST only after the turn has posted its replies
to the connector (botbuilder awaits each send inside the turn). Since issue 14 the coach
answers first and sends after (adapters/teams/turns.py), so for the coach the HTTP round
trip is the acknowledgement, not the reply's arrival: compare the two with that in mind
(figures in BENCHMARKS.md before that change measured the whole turn). The connector
(tests/teams/connector.py, its own process) counts arrivals; the run checks that every
request's reply arrived.
"""

from __future__ import annotations

import asyncio
import json
import urllib.request
from itertools import count

import aiohttp

from bench import procs
from bench.latency import TABLE_HEADER, RequestFactory, measure
from tests.teams import activities

CONCURRENCY = (1, 10, 50)
REQUESTS = 2000
TARGET_RATIO = 1.2

_users = count(1)


def sender(url: str, connector_url: str, text: str) -> RequestFactory:
    async def send(session: aiohttp.ClientSession, n: int) -> int:
        user = f"bench-user-{n % 200}"
        activity = activities.message(connector_url, text, user=user)
        async with session.post(url, json=activity) as response:
            await response.read()
            return response.status

    return send


def posted(connector_url: str) -> int:
    with urllib.request.urlopen(connector_url + "stats", timeout=5) as response:
        stats: dict[str, int] = json.load(response)
    return stats["posted"]


async def run_points(coach_url: str, echo_url: str, connector_url: str, requests: int) -> None:
    for clients in CONCURRENCY:
        before = posted(connector_url)
        bare = await measure(
            sender(echo_url, connector_url, "help"), clients=clients, requests=requests
        )
        mid = posted(connector_url)
        ours = await measure(
            sender(coach_url, connector_url, "help"), clients=clients, requests=requests
        )
        after = posted(connector_url)
        print(bare.row("bare echo bot, personal 'help'"), flush=True)
        print(ours.row("coach serve, personal 'help'", bare), flush=True)
        ratio = ours.p50_ms / bare.p50_ms
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        print(
            f"  target p50 within {TARGET_RATIO}x of echo at {clients}: {verdict} "
            f"({ratio:.2f}x; p99 ratio {ours.p99_ms / bare.p99_ms:.2f}x); replies at "
            f"connector: echo {mid - before}, coach {after - mid} "
            f"(requests incl. warm-up: {bare.requests + 100} each)",
            flush=True,
        )


def main(requests: int = REQUESTS) -> None:
    print(f"## bench teams ({procs.machine()})", flush=True)
    connector_port, coach_port, echo_port = procs.free_port(), procs.free_port(), procs.free_port()
    connector_url = f"http://127.0.0.1:{connector_port}/"
    connector = [procs.PYTHON, "-m", "bench.fakes", "connector", "--port", str(connector_port)]
    echo = [procs.PYTHON, "-m", "bench.bare", "echo", "--port", str(echo_port)]
    with (
        procs.database("sqlite") as db,
        procs.running(connector, ready_url=connector_url + "healthz", log_name="connector"),
        procs.running(echo, ready_url=f"http://127.0.0.1:{echo_port}/healthz", log_name="echo"),
    ):
        env = procs.base_env(DATABASE_URL=db)
        serve = [procs.COACH, "serve", "--port", str(coach_port)]
        ready = f"http://127.0.0.1:{coach_port}/healthz"
        with procs.running(serve, env=env, ready_url=ready, log_name="serve"):
            print(TABLE_HEADER, flush=True)
            asyncio.run(
                run_points(
                    f"http://127.0.0.1:{coach_port}/api/messages",
                    f"http://127.0.0.1:{echo_port}/api/messages",
                    connector_url,
                    requests,
                )
            )
    print(f"after: {procs.machine()}", flush=True)
