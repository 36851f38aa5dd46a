"""Stuck, or answering unsure of itself: what the coach does with a reply to a reflection's
question.

"idk", "what do you mean by two-way?", "can you give me an example" need help (an example, a
sentence starter, an easier question); "idk maybe the Nguyens? mom never answers" is an
answer, and is heard. Each labelled reply (tests/data/understanding/stuck_*.yaml, written by
helpers who read nothing in this repository) is typed by its own educator at the first
question of `reflect relational`, and what the coach did is one of:

- helped: an example, a starter and an easier question;
- heard: something said about the reply, then the second question (the reply is kept);
- passed: the second question straight away ("skip", "paso": nothing kept);
- stayed: the first question again after something else (`help`, an aside, the language).

`stuck` is right unless heard (nothing it says may be kept as an answer); `answer` is right
when heard. `dev` was read while fixing what it showed, and its misses are listed; `fresh`
is only counted.

    python -m bench stuck
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter

from bench.labelled import labelled_set

SETS = {"dev": "stuck_dev.yaml", "fresh": "stuck_fresh.yaml"}
MEASURING = frozenset({"fresh"})
# The help's first words, and the second question's, in English and in Spanish.
HELP = ("No problem. Here's a way in:", "No hay problema. Aquí tiene una forma de empezar:")
SECOND = ("Question 2 of 2", "Pregunta 2 de 2")
DONE = ("helped", "heard", "passed", "stayed")


def what_was_done(reply: str) -> str:
    if any(h in reply for h in HELP):
        return "helped"
    at = min((reply.find(q) for q in SECOND if q in reply), default=-1)
    if at < 0:
        return "stayed"
    return "passed" if at == 0 else "heard"


def play(items: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(label, text, what was done) for each reply, typed at the first question by a new
    educator."""
    from bot.app import build_app
    from bot.settings import Settings
    from tests.clock import FakeClock
    from tests.dialog import Conversation

    played: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{folder}/stuck.db", _env_file=None)  # type: ignore[call-arg]
        app = build_app(settings, clock=FakeClock())
        for number, item in enumerate(items):
            educator = Conversation(app.coach, f"educator-{number}")
            educator.says("reflect relational")
            reply = educator.says(item["text"])
            played.append((item["label"], item["text"], what_was_done(reply.strip())))
        app.engine.dispose()
    return played


def main() -> None:
    for name, file_name in SETS.items():
        items = labelled_set(file_name)
        started = time.perf_counter()
        played = play(items)
        right: Counter[str] = Counter()
        labelled: Counter[str] = Counter()
        missed: list[str] = []
        done: Counter[tuple[str, str]] = Counter()
        for label, text, did in played:
            labelled[label] += 1
            done[label, did] += 1
            if (did != "heard") == (label == "stuck"):
                right[label] += 1
            else:
                missed.append(f"{label} {did}: {text[:90]}")
        total = sum(right.values())
        print(
            f"{name}: right {total} of {len(played)} (stuck not kept {right['stuck']}/"
            f"{labelled['stuck']}, answers heard {right['answer']}/{labelled['answer']})"
            f" in {time.perf_counter() - started:.1f} s"
        )
        for label in ("stuck", "answer"):
            ways = ", ".join(f"{did} {done[label, did]}" for did in DONE if done[label, did])
            print(f"  {label}: {ways}")
        if name not in MEASURING:
            for line in missed:
                print(f"    {line}")


if __name__ == "__main__":
    main()
