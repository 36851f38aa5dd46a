"""What a reply typed under the weekly nudge's card does, when no check-in waits above it.

The card's buttons are Mark done, Not this week and Remind me tomorrow. Each labelled reply
(tests/data/understanding/nudge_replies_*.yaml, written by helpers who read nothing in this
repository) is typed by its own educator the evening the nudge came, and what happened to
the week's row is compared with what the label means:

- done, already: the week marked done;
- skip, not_fit: the week left ("Not this week");
- tomorrow: the nudge set to come back tomorrow;
- will_try, not_yet, question, other: the week untouched.

Beside that, the reply: a liked tip is answered as liked, "not yet" as there all week, a
question is answered rather than shrugged at. `dev` was read while fixing what it showed,
and its misses are listed; `fresh` is only counted.

    python -m bench nudge-replies
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from bench.labelled import labelled_set

SETS = {
    "dev": ("nudge_replies_dev.yaml", "nudge_replies_dev_b2.yaml"),
    "fresh": ("nudge_replies_fresh.yaml",),
}
MEASURING = frozenset({"fresh"})
NUDGE_AT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # a Tuesday, 07:30 in New York
WEEK_BECOMES = {
    "done": "done",
    "already": "done",
    "skip": "skipped",
    "not_fit": "skipped",
    "tomorrow": "tomorrow",
}
SHRUGS = ("I'm not sure what you'd like me", "No estoy seguro de qué", "I don't know `")


def reply_fits(label: str, reply: str) -> bool:
    """The reply's own part: liked, not yet, or a question answered rather than shrugged at."""
    if label == "will_try":
        return any(s in reply for s in ("Glad it fits", "Me alegra que le sirva", "Glad it"))
    if label == "not_yet":
        return "No rush" in reply or "Sin prisa" in reply
    if label == "question":
        return not any(shrug in reply for shrug in SHRUGS)
    return True


def play(items: list[dict[str, str]]) -> list[tuple[str, str]]:
    """Each reply typed by its own educator under a real nudge, that evening: what became of
    the week (done, skipped, tomorrow or untouched) and the reply."""
    from bot.app import build_app
    from bot.inbound import Platform
    from bot.settings import Settings
    from tests.clock import FakeClock
    from tests.dialog import Conversation
    from tests.nudging import FakePlatform, ledger_rows, senders_for, tick

    platform = FakePlatform(Platform.SLACK)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{folder}/card.db", _env_file=None)  # type: ignore[call-arg]
        clock = FakeClock()
        app = build_app(settings, clock=clock)
        clock.set(NUDGE_AT - timedelta(days=6))
        educators = [
            Conversation(app.coach, f"U{n}", platform=Platform.SLACK, timezone="America/New_York")
            for n in range(len(items))
        ]
        for educator in educators:
            educator.says("nudges on")
        tick(app, senders_for(platform), NUDGE_AT)
        assert len(platform.delivered) == len(items), "every educator gets the nudge"
        clock.set(NUDGE_AT + timedelta(hours=10))
        replies = [e.says(item["text"]) for e, item in zip(educators, items, strict=True)]
        rows = sorted(ledger_rows(app), key=lambda row: row.subscription_id)
        weeks = [
            row.response or ("tomorrow" if row.remind_at is not None else "untouched")
            for row in rows
        ]
        app.engine.dispose()
    return list(zip(weeks, replies, strict=True))


def main() -> None:
    for name, files in SETS.items():
        items = [item for file in files for item in labelled_set(file)]
        started = time.perf_counter()
        results = play(items)
        week_right: Counter[str] = Counter()
        both_right: Counter[str] = Counter()
        total: Counter[str] = Counter(item["label"] for item in items)
        misses: list[str] = []
        for item, (week, reply) in zip(items, results, strict=True):
            label = item["label"]
            if week == WEEK_BECOMES.get(label, "untouched"):
                week_right[label] += 1
                if reply_fits(label, reply):
                    both_right[label] += 1
                    continue
            first = reply.split("\n", 1)[0]
            misses.append(f"{label} -> week {week}: {item['text'][:60]} => {first[:50]}")
        labels = ", ".join(f"{label} {both_right[label]}/{total[label]}" for label in total)
        print(
            f"{name}: week right {sum(week_right.values())} of {len(items)}, week and reply"
            f" right {sum(both_right.values())} ({labels}) ({time.perf_counter() - started:.1f} s)"
        )
        if name not in MEASURING:
            for miss in misses:
                print(f"    {miss}")


if __name__ == "__main__":
    main()
