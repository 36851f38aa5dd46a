"""What is typed at a reflection's question or its action step that is not an answer (a nudge
setting, thanks, a language, a side question about a family...) and what is, told apart.

Each text of tests/data/understanding/reflection_midflow_sweep.yaml (read while fixing) and
reflection_midflow_sweep2.yaml (a second writer, counted before any fix) is typed by a new educator
at `reflect relational`'s first question, or at the action step after two answers. An answer
there should move the reflection on (the next question, or a probe; at the action step, the
plan saved); an aside should not (answered, and the same question asked again).

    python -m bench beside
"""

from __future__ import annotations

from collections import Counter

from bench.labelled import labelled_set
from bench.shrugs import replies_after
from tests.dialog import Conversation

SETS = ("reflection_midflow_sweep.yaml", "reflection_midflow_sweep2.yaml")
FIRST_ANSWER = "I called Ana's mom on Tuesday to tell her Ana helped a classmate, she was so happy"
SECOND_ANSWER = "we talked about reading at home, she reads with her every night in spanish"


def at_the_question(educator: Conversation) -> None:
    educator.says("reflect relational")


def at_the_action_step(educator: Conversation) -> None:
    educator.says("reflect relational")
    educator.says(FIRST_ANSWER)
    for _ in range(3):  # a probe may come first
        if "Last step" in educator.transcript:
            return
        educator.says(SECOND_ANSWER)


def moved_on(where: str, reply: str) -> bool:
    if where == "action":
        return "Saved to your journal" in reply
    return "Question 2 of 2" in reply or "a little more" in reply


def main() -> None:
    for name in SETS:
        print(name)
        handled(labelled_set(name))


def handled(items: list[dict[str, object]]) -> None:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for where, opening in (("question", at_the_question), ("action", at_the_action_step)):
        chosen = [item for item in items if item["at"] == where]
        replies = replies_after(opening, [str(item["text"]) for item in chosen])
        for item, reply in zip(chosen, replies, strict=True):
            kind = f"{item['kind']} at the {where}"
            total[kind] += 1
            right[kind] += moved_on(where, reply) == (item["kind"] == "answer")
    for kind in sorted(total):
        print(f"  {kind:24} {right[kind]:3}/{total[kind]:<3} handled as labelled")
    print(f"  all: {sum(right.values())} of {sum(total.values())}")


if __name__ == "__main__":
    main()
