"""Fault drills, run on purpose (`python -m bench drill-kill` ...); each stops by itself.

drill-kill        `coach clock` fanning out 2,000 nudges is SIGKILLed after ~1/3 were
                  posted, then restarted; then `coach nudge tick --at now+16min` runs once
                  (after the 15-minute claim lease of the killed clock has run out).
drill-two-clocks  two `coach clock` processes on one PostgreSQL database, 3,000 nudges.
drill-storm       the fake Slack refuses 30% of sends (429 / 500 / 503, and 503 on
                  conversations.open); `coach nudge tick --at T` runs with T stepping through
                  the week the way the clock would, until nothing is left to retry.
drill-postgres    `coach serve` reaches PostgreSQL through a TCP proxy on 127.0.0.1; the
                  proxy is cut for 30 s under Teams and Slack traffic, then restored.
drill-blackhole   the same, but the proxy turns into a black hole (connections stay open,
                  no bytes move): bench/blackhole_drill.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import aiohttp

from bench import procs
from bench.bare import BOT_TOKEN, SIGNING_SECRET
from bench.blackhole_drill import drill_blackhole
from bench.fanout import FanoutRun, fake_slack, ledger_counts, seeded_database, stats
from bench.inbox_drill import drill_inbox
from tests.slack.wire import sign
from tests.teams import activities


def verdict(final: dict[str, object], nudges: int, ledger: Counter[str]) -> None:
    channels = int(str(final["channels"]))
    print(
        f"  posted {final['posted']}, distinct educators {channels}/{nudges}, duplicates "
        f"{final['duplicates']}, refused {final['refused']}, ledger {dict(ledger)}",
        flush=True,
    )


def drill_kill(nudges: int = 2000) -> None:
    fake, fake_url = fake_slack(rate=0)
    with (
        seeded_database(nudges) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        run = FanoutRun(url, fake_url, nudges)
        clock = run.clock()
        run.wait([clock], nudges // 3, limit=180)
        clock.send_signal(signal.SIGKILL)
        clock.wait()
        at_kill = stats(fake_url)
        print(f"  SIGKILL after {at_kill['posted']} posted; ledger {dict(ledger_counts(url))}")
        restarted = run.clock()
        try:
            after_restart = run.wait([restarted], nudges, limit=300, quiet=10)
        finally:
            restarted.send_signal(signal.SIGTERM)
            restarted.wait(timeout=60)
        print(
            f"  restarted clock stopped at {after_restart['posted']} posted; "
            f"ledger {dict(ledger_counts(url))}",
            flush=True,
        )
        later = datetime.now(UTC) + timedelta(minutes=16)
        print(f"  coach nudge tick --at {later.isoformat()}: {run.tick_at(later)}", flush=True)
        verdict(stats(fake_url), nudges, ledger_counts(url))


def drill_two_clocks(nudges: int = 3000) -> None:
    fake, fake_url = fake_slack(rate=0)
    with (
        seeded_database(nudges) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        run = FanoutRun(url, fake_url, nudges)
        clocks = [run.clock(), run.clock()]
        started = time.monotonic()
        try:
            run.wait(clocks, nudges, limit=300)
            time.sleep(2)
        finally:
            for clock in clocks:
                clock.send_signal(signal.SIGTERM)
            for clock in clocks:
                clock.wait(timeout=60)
        print(f"  two clocks, {time.monotonic() - started:.0f} s", flush=True)
        verdict(stats(fake_url), nudges, ledger_counts(url))


def drill_storm(nudges: int = 1000, storm: float = 0.3) -> None:
    fake, fake_url = fake_slack(rate=0, storm=storm)
    with (
        seeded_database(nudges) as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
    ):
        run = FanoutRun(url, fake_url, nudges)
        at = datetime.now(UTC)
        # The clock ticks every minute; retries come back after 10, 20, 40 ... minutes.
        for step in range(12):
            line = run.tick_at(at)
            print(
                f"  tick {step} at +{(at - datetime.now(UTC)).total_seconds() / 60:.0f} min: "
                f"{line}",
                flush=True,
            )
            ledger = ledger_counts(url)
            if ledger.get("retry", 0) == 0 and ledger.get("claimed", 0) == 0:
                break
            at += timedelta(minutes=10 * 2**step)
        verdict(stats(fake_url), nudges, ledger_counts(url))


# ---- PostgreSQL outage ------------------------------------------------------------------


class Proxy:
    """A TCP proxy to PostgreSQL that can be cut (connections dropped, new ones refused)."""

    def __init__(self, target_port: int = 5432) -> None:
        self.target_port = target_port
        self.port = procs.free_port()
        self.up = True
        self.writers: set[asyncio.StreamWriter] = set()
        self.server: asyncio.Server | None = None

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._client, procs.HOST, self.port)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(procs.HOST, self.target_port)
        except OSError:
            writer.close()
            return
        self.writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self.writers -= {writer, up_writer}

    def cut(self) -> None:
        self.up = False
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()

    def restore(self) -> None:
        self.up = True

    async def close(self) -> None:
        self.cut()
        if self.server is not None:
            self.server.close()


async def traffic(
    base: str, connector_url: str, fake_url: str, seconds: float, log: Counter[str]
) -> None:
    deadline = time.monotonic() + seconds
    n = 0
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        while time.monotonic() < deadline:
            n += 1
            activity = activities.message(connector_url, "journal", user=f"pg-{n % 20}")
            try:
                async with session.post(base + "/api/messages", json=activity) as response:
                    await response.read()
                    log[f"teams {response.status}"] += 1
                body = (
                    f"team_id=T0001&channel_id=DU{n % 20}&user_id=U{n % 20}&command=%2Fcoach"
                    f"&text=journal&response_url={fake_url}respond/pg{n}&trigger_id=t{n}"
                )
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    **sign(body, None, SIGNING_SECRET),
                }
                async with session.post(
                    base + "/slack/events", data=body, headers=headers
                ) as response:
                    await response.read()
                    log[f"slack {response.status}"] += 1
                async with session.get(base + "/healthz") as response:
                    log[f"healthz {response.status}"] += 1
            except (aiohttp.ClientError, TimeoutError) as exc:
                log[f"client error {type(exc).__name__}"] += 1
            await asyncio.sleep(0.2)


def connector_replies(connector_url: str) -> int:
    return int(stats(connector_url)["posted"])


async def postgres_outage(url: str, fake_url: str, connector_url: str) -> None:
    proxy = Proxy()
    await proxy.start()
    proxied = url.replace(":5432/", f":{proxy.port}/")
    port = procs.free_port()
    base = f"http://127.0.0.1:{port}"
    env = procs.base_env(
        DATABASE_URL=proxied,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=fake_url + "api/",
    )
    import subprocess

    serve = subprocess.Popen(
        [procs.COACH, "serve", "--port", str(port)],
        env=env,
        cwd=str(procs.ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        await asyncio.to_thread(procs.wait_http, base + "/healthz")
        for phase, seconds in (("before", 10.0), ("cut", 30.0), ("restored", 15.0)):
            if phase == "cut":
                proxy.cut()
            elif phase == "restored":
                proxy.restore()
            log: Counter[str] = Counter()
            replies_before = connector_replies(connector_url)
            slack_before = stats(fake_url)
            await traffic(base, connector_url, fake_url, seconds, log)
            await asyncio.sleep(1)
            replies = connector_replies(connector_url) - replies_before
            print(
                f"  {phase} ({seconds:.0f} s): {dict(log)}; Teams replies {replies}; "
                f"server alive: {serve.poll() is None}; fake Slack saw "
                f"{_responded(fake_url) - _responded_of(slack_before)} response_url posts",
                flush=True,
            )
    finally:
        procs.stop(serve)
        await proxy.close()


def _responded(fake_url: str) -> int:
    return _responded_of(stats(fake_url))


def _responded_of(current: dict[str, object]) -> int:
    return int(str(current.get("responded", 0)))


def drill_postgres() -> None:
    fake, fake_url = fake_slack(rate=0)
    connector_port = procs.free_port()
    connector_url = f"http://127.0.0.1:{connector_port}/"
    connector = [procs.PYTHON, "-m", "bench.fakes", "connector", "--port", str(connector_port)]
    with (
        procs.database("postgres") as url,
        procs.running(fake, ready_url=fake_url + "healthz", log_name="fake-slack"),
        procs.running(connector, ready_url=connector_url + "healthz", log_name="connector"),
    ):
        procs.migrate(url)
        asyncio.run(postgres_outage(url, fake_url, connector_url))


def run(name: str) -> None:
    print(f"## bench {name} ({procs.machine()})", flush=True)
    {
        "drill-kill": drill_kill,
        "drill-two-clocks": drill_two_clocks,
        "drill-storm": drill_storm,
        "drill-postgres": drill_postgres,
        "drill-blackhole": drill_blackhole,
        "drill-inbox": drill_inbox,
    }[name]()
    print(f"after: {procs.machine()}", flush=True)
