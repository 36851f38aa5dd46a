"""bench slack: Slack acknowledgement latency, `coach serve` vs a bare Bolt app that only acks.

Both are real processes on 127.0.0.1 behind aiohttp; both verify the signature. The coach
runs on a fresh SQLite file with a fake Slack Web API (its own process) for the work after
the acknowledgement (the button click's answer goes there).
"""

from __future__ import annotations

import asyncio
import json
import time
from itertools import count
from urllib.parse import urlencode

import aiohttp

from bench import procs
from bench.bare import BOT_TOKEN, SIGNING_SECRET
from bench.latency import (
    TABLE_HEADER,
    LatencyReport,
    RequestFactory,
    measure,
    measure_in_turn,
)
from tests.slack.wire import sign

CONCURRENCY = (1, 10, 50)
REQUESTS = 2000

_ids = count(1)


def command_body(fake_url: str, text: str = "help") -> str:
    n = next(_ids)
    return urlencode(
        {
            "token": "legacy",
            "team_id": "T0001",
            "team_domain": "lincoln",
            "channel_id": "C1",
            "channel_name": "general",
            "user_id": f"U{n % 500}",
            "user_name": "educator",
            "command": "/coach",
            "text": text,
            "api_app_id": "A0001",
            "is_enterprise_install": "false",
            "response_url": f"{fake_url}respond/cmd{n}",
            "trigger_id": f"trigger.{n}",
        }
    )


def click_body(fake_url: str) -> str:
    n = next(_ids)
    user = f"U{n % 500}"
    payload = {
        "type": "block_actions",
        "user": {"id": user, "team_id": "T0001"},
        "api_app_id": "A0001",
        "team": {"id": "T0001", "domain": "lincoln"},
        "container": {
            "type": "message",
            "message_ts": f"1700000000.{n:06d}",
            "channel_id": f"D{user}",
            "is_ephemeral": False,
        },
        "trigger_id": f"trigger.{n}",
        "channel": {"id": f"D{user}"},
        "message": {"ts": f"1700000000.{n:06d}"},
        "response_url": f"{fake_url}respond/act{n}",
        "actions": [
            {
                "type": "button",
                "action_id": "coach_choice_1",
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "Help"},
                "value": "help",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


def journal_body(fake_url: str) -> str:
    """A command the coach cannot answer from a cache: kept in the inbox before the ack."""
    return command_body(fake_url, "journal")


def sender(url: str, fake_url: str, kind: str) -> RequestFactory:
    make = {"command": command_body, "click": click_body, "journal": journal_body}[kind]

    async def send(session: aiohttp.ClientSession, n: int) -> int:
        body = make(fake_url)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            **sign(body, None, SIGNING_SECRET),
        }
        async with session.post(url, data=body, headers=headers) as response:
            await response.read()
            return response.status

    return send


async def run_points(coach_url: str, bolt_url: str, fake_url: str, requests: int) -> list[str]:
    rows: list[str] = []
    for kind in ("command", "click"):
        for clients in CONCURRENCY:
            bare = await measure(
                sender(bolt_url, fake_url, kind), clients=clients, requests=requests
            )
            ours = await measure(
                sender(coach_url, fake_url, kind), clients=clients, requests=requests
            )
            label = "/coach help" if kind == "command" else "button click"
            rows.append(bare.row(f"bare Bolt, {label}"))
            rows.append(ours.row(f"coach serve, {label}", bare))
            print(rows[-2], flush=True)
            print(rows[-1], flush=True)
            check(kind, clients, ours, bare)
    return rows


def check(kind: str, clients: int, ours: LatencyReport, bare: LatencyReport) -> None:
    verdicts = []
    if clients == 1:
        verdicts.append(("p50 <= 3 ms at 1 client", ours.p50_ms <= 3.0))
    if clients == 10:
        verdicts.append(("p50 <= half of bare Bolt at 10", ours.p50_ms <= bare.p50_ms / 2))
    if clients == 50:
        verdicts.append(("p99 < 100 ms at 50", ours.p99_ms < 100.0))
    for name, ok in verdicts:
        print(f"  target {kind}: {name}: {'met' if ok else 'MISSED'}", flush=True)


def main(requests: int = REQUESTS) -> None:
    print(f"## bench slack ({procs.machine()})", flush=True)
    fake_port, coach_port, bolt_port = procs.free_port(), procs.free_port(), procs.free_port()
    fake_url = f"http://127.0.0.1:{fake_port}/"
    fake = [procs.PYTHON, "-m", "bench.fakes", "slack", "--port", str(fake_port)]
    bolt = [procs.PYTHON, "-m", "bench.bare", "bolt", "--port", str(bolt_port)]
    bolt += ["--api-url", fake_url + "api/"]
    with (
        procs.database("sqlite") as db,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
        procs.running(bolt, ready_url=f"http://127.0.0.1:{bolt_port}/healthz", log_name="bolt"),
    ):
        env = procs.base_env(
            DATABASE_URL=db,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_API_URL=fake_url + "api/",
        )
        serve = [procs.COACH, "serve", "--port", str(coach_port)]
        ready = f"http://127.0.0.1:{coach_port}/healthz"
        with procs.running(serve, env=env, ready_url=ready, log_name="serve"):
            print(TABLE_HEADER, flush=True)
            asyncio.run(
                run_points(
                    f"http://127.0.0.1:{coach_port}/slack/events",
                    f"http://127.0.0.1:{bolt_port}/slack/events",
                    fake_url,
                    requests,
                )
            )
    print(f"after: {procs.machine()}", flush=True)


def inbox_main(requests: int = 1000, database: str = "sqlite") -> None:
    """The acknowledgement with the inbox write in it, at 1 client, beside bare Bolt with
    `process_before_response=True` (it acks without waiting for anything), in one run:
    `/coach journal` and a button click, which the coach keeps before acknowledging."""
    print(f"## bench slack, inbox ({database}; {procs.machine()})", flush=True)
    fake_port, coach_port, bolt_port = procs.free_port(), procs.free_port(), procs.free_port()
    fake_url = f"http://127.0.0.1:{fake_port}/"
    fake = [procs.PYTHON, "-m", "bench.fakes", "slack", "--port", str(fake_port)]
    bolt = [procs.PYTHON, "-m", "bench.bare", "bolt", "--port", str(bolt_port)]
    bolt += ["--api-url", fake_url + "api/", "--process-before-response"]
    with (
        procs.database(database) as db,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
        procs.running(bolt, ready_url=f"http://127.0.0.1:{bolt_port}/healthz", log_name="bolt"),
    ):
        procs.migrate(db)
        env = procs.base_env(
            DATABASE_URL=db,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_API_URL=fake_url + "api/",
        )
        serve = [procs.COACH, "serve", "--port", str(coach_port)]
        ready = f"http://127.0.0.1:{coach_port}/healthz"
        with procs.running(serve, env=env, ready_url=ready, log_name="serve"):
            print(TABLE_HEADER, flush=True)
            asyncio.run(
                inbox_points(
                    f"http://127.0.0.1:{coach_port}/slack/events",
                    f"http://127.0.0.1:{bolt_port}/slack/events",
                    fake_url,
                    requests,
                )
            )
    print(f"after: {procs.machine()}", flush=True)


async def inbox_points(coach_url: str, bolt_url: str, fake_url: str, requests: int) -> None:
    for kind, label in (("journal", "/coach journal"), ("click", "button click")):
        bare = await measure(sender(bolt_url, fake_url, kind), clients=1, requests=requests)
        ours = await measure(sender(coach_url, fake_url, kind), clients=1, requests=requests)
        print(bare.row(f"bare Bolt (process_before_response), {label}"), flush=True)
        print(ours.row(f"coach serve (inbox), {label}", bare), flush=True)
        verdict = "met" if ours.p50_ms <= 1.5 * bare.p50_ms else "MISSED"
        print(f"  target {label}: p50 within 1.5x of bare Bolt: {verdict}", flush=True)
    # The same, each request sent once the one before was answered (coach: its answer
    # reached the fake Slack) and PAUSE_S more: the acknowledgement alone, not shared
    # with the previous message's turn.
    # Bare Bolt and the coach take turns, request by request, so both meet the same machine.
    answers = Answers(fake_url)
    for kind, label in (("journal", "/coach journal"), ("click", "button click")):
        bare, ours = await measure_in_turn(
            sender(bolt_url, fake_url, kind),
            _pause,
            sender(coach_url, fake_url, kind),
            answers.next_one,
            requests=requests,
        )
        print(bare.row(f"bare Bolt (process_before_response), {label}, answered first"))
        print(ours.row(f"coach serve (inbox), {label}, answered first", bare), flush=True)
        verdict = "met" if ours.p50_ms <= 1.5 * bare.p50_ms else "MISSED"
        print(f"  target {label}, answered first: within 1.5x: {verdict}", flush=True)


PAUSE_S = 0.02
ANSWER_WAIT_S = 10.0


async def _pause(session: aiohttp.ClientSession) -> None:
    await asyncio.sleep(PAUSE_S)


class Answers:
    """Waits for the coach's next answer to reach the fake Slack (its /stats counts: by
    response_url or chat.postMessage)."""

    def __init__(self, fake_url: str) -> None:
        self.stats_url = fake_url + "stats"
        self.seen: int | None = None

    async def count(self, session: aiohttp.ClientSession) -> int:
        async with session.get(self.stats_url) as response:
            stats = await response.json()
            return int(stats["responded"]) + int(stats["posted"])

    async def next_one(self, session: aiohttp.ClientSession) -> None:
        if self.seen is None:
            self.seen = await self.count(session) - 1
        deadline = time.monotonic() + ANSWER_WAIT_S
        while (now := await self.count(session)) <= self.seen and time.monotonic() < deadline:
            await asyncio.sleep(0.002)
        self.seen = now
        await asyncio.sleep(PAUSE_S)
