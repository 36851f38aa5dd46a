"""How long the coach takes to answer a message typed outside any conversation, in process.

Each message of the shrug sweeps (tests/data/understanding/plain_messages_sweep*.yaml: what
educators type out of the blue, short and long, English and Spanish) is typed by a new
educator once the hello's questions are skipped; the clock runs around that one turn alone:
reading the message, the database transaction on SQLite in a temp dir, and the reply. The
understanding's own cost (`bench understanding`) is a small part of it.

    python -m bench plain-turns
"""

from __future__ import annotations

import statistics
import tempfile
import time

from bench.latency import percentile
from bench.shrugs import messages

SWEEPS = ("sweep", "sweep2", "sweep3", "sweep4", "sweep5", "sweep6", "sweep7")


def turn_times(texts: list[str]) -> list[float]:
    """Milliseconds of each text's turn, each typed by a new educator after the hello."""
    from bot.app import build_app
    from bot.settings import Settings
    from tests.clock import FakeClock
    from tests.dialog import Conversation

    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{folder}/turns.db", _env_file=None)  # type: ignore[call-arg]
        app = build_app(settings, clock=FakeClock())
        for number, text in enumerate(texts):
            educator = Conversation(app.coach, f"educator-{number}")
            educator.says("hi")
            educator.clicks("Skip")
            educator.clicks("Skip")
            started = time.perf_counter()
            educator.says(text)
            times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    texts = [text for name in SWEEPS for text in messages(name)]
    times = turn_times(texts)
    print(
        f"plain message turn, {len(times)} messages: p50 {statistics.median(times):.1f} ms,"
        f" p90 {percentile(times, 0.9):.1f} ms, p99 {percentile(times, 0.99):.1f} ms,"
        f" slowest {max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
