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

from bench.latency import percentile
from bench.shrugs import after_hello, messages, replies_after

SWEEPS = ("sweep", "sweep2", "sweep3", "sweep4", "sweep5", "sweep6", "sweep7")


def main() -> None:
    texts = [text for name in SWEEPS for text in messages(name)]
    times: list[float] = []
    replies_after(after_hello, texts, timed=times)
    print(
        f"plain message turn, {len(times)} messages: p50 {statistics.median(times):.1f} ms,"
        f" p90 {percentile(times, 0.9):.1f} ms, p99 {percentile(times, 0.99):.1f} ms,"
        f" slowest {max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
