"""bench keep: `CoachAPI.keep` alone, in this process, one call after another: the inbox
write each Slack acknowledgement waits for, without the web server around it.

500 educators are met first (their data keys opened once), then each keep is a message
from one of them: what a running coach does most. Wall time per keep (p50, p90) and the
CPU it costs this thread (thread_time), on a throwaway database.
"""

from __future__ import annotations

import sys
import time

from cryptography.fernet import Fernet

from bench import procs
from bench.latency import percentile

EDUCATORS = 500
REQUESTS = 2000


def main(requests: int = REQUESTS, database: str = "sqlite") -> None:
    sys.path.insert(0, str(procs.ROOT))
    import adapters.tables  # noqa: F401  (every table on the metadata, as `coach serve` has)
    from bot.api import Arrival, CoachAPI
    from bot.app import build_app
    from bot.settings import Settings

    print(f"## bench keep ({database}; {procs.machine()})", flush=True)
    with procs.database(database) as url:
        procs.migrate(url)
        key = Fernet.generate_key().decode()
        settings = Settings(database_url=url, coach_encryption_key=key, _env_file=None)  # type: ignore[call-arg]
        core = build_app(settings, migrate=False)
        api = CoachAPI(core)
        payload = {"team_id": "T1", "user_id": "U1", "text": "journal", "channel_id": "C1"}

        def keep(n: int) -> None:
            user = f"U{n % EDUCATORS}"
            api.keep(Arrival("slack", "T1", user, f"delivery-{n}", "command", payload))

        try:
            for n in range(EDUCATORS):
                keep(n)
            wall: list[float] = []
            cpu_started = time.thread_time()
            for n in range(EDUCATORS, EDUCATORS + requests):
                started = time.perf_counter()
                keep(n)
                wall.append((time.perf_counter() - started) * 1000)
            cpu_ms = (time.thread_time() - cpu_started) * 1000 / requests
        finally:
            core.engine.dispose()
    print(
        f"| {database} | {requests} | {percentile(wall, 0.5):.2f} | {percentile(wall, 0.9):.2f} "
        f"| {cpu_ms:.2f} |",
        flush=True,
    )
    print(f"after: {procs.machine()}", flush=True)
