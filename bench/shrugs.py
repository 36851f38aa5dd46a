"""How often the coach shrugs at a message typed outside any conversation.

A shrug is a reply that shows the coach did not know what to do with what was said: "I'm not
sure what you'd like me to do with that", "I don't know `lol` yet", the whole menu to
someone who did not ask for help, or a question met with the general "Good question. The
framework starts from trust..." and nothing on what was asked. The messages
(tests/data/understanding/plain_messages_*.yaml) were written by helpers who read nothing in
this repository, as educators type in Slack and Teams at random moments, in English and
Spanish; they carry no labels, so this counts shrugs, not right answers (the labelled sets in
bench/understanding.py do that). `sweep` was read while fixing what it showed, and its shrugs
are listed; `fresh` and `judged` are only counted.

    python -m bench shrugs
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from bench.labelled import labelled_set

if TYPE_CHECKING:
    from tests.clock import FakeClock
    from tests.dialog import Conversation

SETS = {
    "sweep": "plain_messages_sweep.yaml",
    "sweep2": "plain_messages_sweep2.yaml",
    "sweep3": "plain_messages_sweep3.yaml",
    "sweep4": "plain_messages_sweep4.yaml",
    "sweep5": "plain_messages_sweep5.yaml",
    "sweep6": "plain_messages_sweep6.yaml",
    "sweep7": "plain_messages_sweep7.yaml",
    "sweep8": "plain_messages_sweep8.yaml",
    "fresh": "plain_messages_fresh.yaml",
    "fresh2": "plain_messages_fresh2.yaml",
    "judged": "plain_messages_judged.yaml",
    "judged2": "plain_messages_judged2.yaml",
}
# Measuring sets: never read item by item.
MEASURING = frozenset({"fresh", "fresh2", "judged", "judged2"})
# The start of each shrug, as the coach says it in English and in Spanish.
SHRUGS = {
    "not sure what to do": ("I'm not sure what you'd like me", "No estoy seguro de qué"),
    "unknown word": ("I don't know `", "Todavía no conozco `"),
    "the menu, unasked": ("Here's what you can type:", "Esto es lo que puede escribir:"),
    # Counted from session 17: a question answered with nothing but "try learn or reflect"
    # (until session 29 "Good question. The framework...", now said plainly as no answer).
    "a general answer": (
        "Good question. The framework",
        "Buena pregunta. El marco",
        "I don't have a ready answer for that one",
        "No tengo una respuesta lista para eso",
    ),
}


def messages(name: str) -> list[str]:
    items = labelled_set(SETS[name])
    return [str(item["text"]) for item in items]


def shrug_of(reply: str) -> str | None:
    return next((kind for kind, starts in SHRUGS.items() if any(s in reply for s in starts)), None)


def first_replies(texts: list[str]) -> list[str]:
    """The coach's reply to each text typed as the first message after a hello (the role and
    grades questions skipped), each by a new educator."""
    return replies_after(after_hello, texts)


def after_hello(educator: Conversation) -> None:
    """A new educator's hello, the role and grades questions skipped."""
    educator.says("hi")
    educator.clicks("Skip")
    educator.clicks("Skip")


def replies_after(
    opening: Callable[[Conversation], None],
    texts: list[str],
    clock: FakeClock | None = None,
    timed: list[float] | None = None,
) -> list[str]:
    """The coach's reply to each text, each typed by a new educator (on a throwaway SQLite
    database) once `opening` has brought them to the moment measured; `clock` is the one the
    opening moves on ("a week later"), if it does; `timed` gets each text's turn in ms."""
    from bot.app import build_app
    from bot.settings import Settings
    from tests.clock import FakeClock
    from tests.dialog import Conversation

    replies: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{folder}/replies.db", _env_file=None)  # type: ignore[call-arg]
        app = build_app(settings, clock=clock or FakeClock())
        for number, text in enumerate(texts):
            educator = Conversation(app.coach, f"educator-{number}")
            opening(educator)
            started = time.perf_counter()
            replies.append(educator.says(text))
            if timed is not None:
                timed.append((time.perf_counter() - started) * 1000)
        app.engine.dispose()
    return replies


def count_shrugs(texts: list[str]) -> tuple[Counter[str], list[str]]:
    """Each text as the first message of a new educator: the shrugs by kind, and the texts
    shrugged at."""
    kinds: Counter[str] = Counter()
    shrugged: list[str] = []
    for text, reply in zip(texts, first_replies(texts), strict=True):
        kind = shrug_of(reply)
        if kind is not None and not text.casefold().startswith(("help", "ayuda")):
            kinds[kind] += 1
            shrugged.append(text)
    return kinds, shrugged


def main() -> None:
    for name in SETS:
        texts = messages(name)
        started = time.perf_counter()
        kinds, shrugged = count_shrugs(texts)
        total = sum(kinds.values())
        print(
            f"{name}: shrugged at {total} of {len(texts)} ({100 * total / len(texts):.1f}%)"
            f" in {time.perf_counter() - started:.1f} s"
        )
        for kind, count in kinds.most_common():
            print(f"  {kind:<20} {count}")
        if name not in MEASURING:
            for text in shrugged:
                print(f"    {text[:90]}")


if __name__ == "__main__":
    main()
