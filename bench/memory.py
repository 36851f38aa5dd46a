"""bench memory: resident memory of `coach serve` over 10,000 mixed requests.

The mix, round-robin over 300 educators at 10 concurrent clients: Slack `/coach help`,
`/coach learn relational`, a Slack DM `reflect` then `cancel` (a reflection started and
left, through the coach's database), a Slack button click, and Teams personal messages
`help`, `reflect`, an answer and `cancel`. RSS is sampled every 500 requests; "flat" means
the last half grows less than 10% over the sample after warm-up (request 2,000).
(`coach clock` memory is measured by `bench fanout`.)
"""

from __future__ import annotations

import asyncio
import json
import time
from itertools import count

import aiohttp

from bench import procs
from bench.bare import BOT_TOKEN, SIGNING_SECRET
from bench.slack_acks import click_body
from tests.slack.wire import sign
from tests.teams import activities

REQUESTS = 10_000
CLIENTS = 10
EDUCATORS = 300
SAMPLE_EVERY = 500
WARMUP = 2000

_ids = count(1)


def slack_command(fake_url: str, user: str, text: str) -> str:
    from urllib.parse import urlencode

    n = next(_ids)
    return urlencode(
        {
            "team_id": "T0001",
            "channel_id": "C1",
            "user_id": user,
            "command": "/coach",
            "text": text,
            "response_url": f"{fake_url}respond/m{n}",
            "trigger_id": f"t.{n}",
        }
    )


def slack_dm(user: str, text: str) -> str:
    n = next(_ids)
    event = {
        "type": "message",
        "channel": f"D{user}",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": f"1700000100.{n:06d}",
    }
    return json.dumps(
        {
            "team_id": "T0001",
            "api_app_id": "A0001",
            "event": event,
            "type": "event_callback",
            "event_id": f"Ev{n:010d}",
            "event_time": int(time.time()),
        }
    )


async def one(
    session: aiohttp.ClientSession, base: str, fake_url: str, connector_url: str, n: int
) -> int:
    user = f"M{n % EDUCATORS:04d}"
    step = n % 9
    if step < 5:
        if step == 0:
            body, kind = slack_command(fake_url, user, "help"), "form"
        elif step == 1:
            body, kind = slack_command(fake_url, user, "learn relational"), "form"
        elif step == 2:
            body, kind = slack_dm(user, "reflect"), "json"
        elif step == 3:
            body, kind = slack_dm(user, "cancel"), "json"
        else:
            body, kind = click_body(fake_url), "form"
        content = "application/json" if kind == "json" else "application/x-www-form-urlencoded"
        headers = {"Content-Type": content, **sign(body, None, SIGNING_SECRET)}
        async with session.post(base + "/slack/events", data=body, headers=headers) as response:
            await response.read()
            return response.status
    text = ("help", "reflect", "We call every family in September.", "cancel")[step - 5]
    activity = activities.message(connector_url, text, user=f"mem-{user}")
    async with session.post(base + "/api/messages", json=activity) as response:
        await response.read()
        return response.status


async def drive(base: str, fake_url: str, connector_url: str, pid: int) -> list[tuple[int, float]]:
    samples: list[tuple[int, float]] = [(0, procs.rss_mb(pid))]
    counter = iter(range(REQUESTS))
    errors = 0
    async with aiohttp.ClientSession() as session:

        async def client() -> None:
            nonlocal errors
            for n in counter:
                if await one(session, base, fake_url, connector_url, n) >= 400:
                    errors += 1
                if (n + 1) % SAMPLE_EVERY == 0:
                    samples.append((n + 1, procs.rss_mb(pid)))

        await asyncio.gather(*(client() for _ in range(CLIENTS)))
    await asyncio.sleep(3)  # background replies finish
    samples.append((REQUESTS, procs.rss_mb(pid)))
    print(f"  errors: {errors}", flush=True)
    return samples


def main() -> None:
    print(f"## bench memory ({procs.machine()})", flush=True)
    fake_port, connector_port, port = procs.free_port(), procs.free_port(), procs.free_port()
    fake_url = f"http://127.0.0.1:{fake_port}/"
    connector_url = f"http://127.0.0.1:{connector_port}/"
    fake = [procs.PYTHON, "-m", "bench.fakes", "slack", "--port", str(fake_port)]
    connector = [procs.PYTHON, "-m", "bench.fakes", "connector", "--port", str(connector_port)]
    with (
        procs.database("sqlite") as db,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
        procs.running(connector, ready_url=connector_url + "healthz", log_name="connector"),
    ):
        env = procs.base_env(
            DATABASE_URL=db,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_API_URL=fake_url + "api/",
        )
        serve = [procs.COACH, "serve", "--port", str(port)]
        base = f"http://127.0.0.1:{port}"
        with procs.running(serve, env=env, ready_url=base + "/healthz", log_name="serve") as proc:
            started = time.monotonic()
            samples = asyncio.run(drive(base, fake_url, connector_url, proc.pid))
            elapsed = time.monotonic() - started
    trail = ", ".join(f"{n}: {mb:.0f}" for n, mb in samples[:: max(1, len(samples) // 10)])
    print(f"  RSS MB by request count: {trail}, end: {samples[-1][1]:.0f}", flush=True)
    after_warmup = next(mb for n, mb in samples if n >= WARMUP)
    peak = max(mb for _, mb in samples)
    growth = samples[-1][1] / after_warmup - 1
    print(
        f"| coach serve | {REQUESTS:,} mixed | {elapsed:.0f} s | {samples[0][1]:.0f} | "
        f"{after_warmup:.0f} | {samples[-1][1]:.0f} | {peak:.0f} | {growth:+.1%} |",
        flush=True,
    )
    print(
        f"  targets: < 250 MB: {'met' if peak < 250 else 'MISSED'}; flat after warm-up "
        f"(< 10% growth): {'met' if growth < 0.10 else 'MISSED'}",
        flush=True,
    )
    print(f"after: {procs.machine()}", flush=True)
