"""How often the coach shrugs at what is typed right after a hello's "How did it go?".

A week after choosing an action, an educator says hi, is asked how it went, and types one of
the texts written for the weekly nudge's check-in and card (tests/data/understanding/
checkin_typed_*.yaml and nudge_replies_*.yaml, each by a writer who read nothing of the
coach). Counted as in bench/shrugs.py: "not sure what you'd like me to do", an unknown word,
the whole menu unasked, or the general "Good question" answer. The dev sets' shrugs are
listed; the fresh ones only counted.

    python -m bench after-how-it-went
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from bench.labelled import labelled_set
from bench.shrugs import replies_after, shrug_of

if TYPE_CHECKING:
    from tests.dialog import Conversation

SETS = {
    "dev": ("checkin_typed_dev.yaml", "checkin_typed_dev_b2.yaml", "checkin_typed_dev_b3.yaml",
            "nudge_replies_dev.yaml", "nudge_replies_dev_b2.yaml"),
    "fresh": ("checkin_typed_fresh.yaml", "nudge_replies_fresh.yaml"),
}  # fmt: skip
ACTION = "Text Ana's mom about the science fair"


def texts(split: str) -> list[str]:
    return [str(item["text"]) for name in SETS[split] for item in labelled_set(name)]


def shrugs_after_the_question(typed: list[str]) -> tuple[Counter[str], list[str]]:
    """The shrugs by kind, and the texts shrugged at, each typed by a new educator."""
    from tests.clock import FakeClock
    from tests.test_listening_dialog import a_week_after_choosing

    clock = FakeClock()

    def asked_how_it_went(educator: Conversation) -> None:
        a_week_after_choosing(educator, clock, ACTION)
        assert "How did it go?" in educator.says("hi")

    kinds: Counter[str] = Counter()
    shrugged: list[str] = []
    for text, reply in zip(typed, replies_after(asked_how_it_went, typed, clock), strict=True):
        kind = shrug_of(reply)
        if kind is not None:
            kinds[kind] += 1
            shrugged.append(text)
    return kinds, shrugged


def main() -> None:
    for split in SETS:
        typed = texts(split)
        kinds, shrugged = shrugs_after_the_question(typed)
        print(f"{split}: shrugged at {len(shrugged)} of {len(typed)}")
        for kind, count in kinds.most_common():
            print(f"  {kind:20} {count}")
        if split == "dev":
            for text in shrugged:
                print(f"    {text[:100]}")
