"""Everyday situations asked about (content/understanding/situations.yaml): how often a
question about one gets its answer, gets another situation's (wrong), or gets none, and how
often a message about none of them gets a situation's answer anyway (a false answer).

    python -m bench situations

`dev` is the training examples (situation_examples.yaml), each writer left out in turn (the
model trained on the others' examples reads theirs) at each confidence level: the level the
coach uses (bot/understanding/reader.py SITUATION_CONFIDENCE) is chosen here, for few wrong
and false answers. `heldout` (tests/data/understanding/situations_heldout.yaml) was written by
someone else from the situations' names alone and is read by the packaged model at the coach's
level, then typed to the coach (its replies, with every rule around the model): never chosen
on.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from content.situations_schema import NO_SITUATION

HELDOUT = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "data"
    / "understanding"
    / "situations_heldout.yaml"
)
LEVELS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def tally(pairs: list[tuple[str, str | None]]) -> Counter[str]:
    """(label, answered) pairs counted as right, wrong (another situation), missed (none
    answered) for a situation; false (answered) or kept out for `none`."""
    counts: Counter[str] = Counter()
    for label, answered in pairs:
        if label == NO_SITUATION:
            counts["false" if answered is not None else "kept out"] += 1
        elif answered == label:
            counts["right"] += 1
        else:
            counts["wrong" if answered is not None else "missed"] += 1
    return counts


def report(name: str, counts: Counter[str], another: str = "another situation's") -> str:
    asked = counts["right"] + counts["wrong"] + counts["missed"]
    others = counts["false"] + counts["kept out"]
    answered = counts["right"] + counts["wrong"] + counts["false"]
    precision = 100 * counts["right"] / answered if answered else 0.0
    return (
        f"{name}: answered right {counts['right']}/{asked} ({100 * counts['right'] / asked:.1f}%),"
        f" {another} {counts['wrong']}, none {counts['missed']};"
        f" false answers {counts['false']}/{others} ({100 * counts['false'] / others:.1f}%);"
        f" precision {precision:.1f}%"
    )


def report_levels(
    rows: dict[float, list[tuple[str, str | None]]],
    coach_level: float,
    another: str = "another situation's",
) -> None:
    """The writer folds at each level, the coach's marked."""
    for level, pairs in rows.items():
        mark = "  <- the coach's" if level == coach_level else ""
        print(report(f"dev (each writer left out) at {level:.2f}", tally(pairs), another) + mark)


def _writer_left_out() -> dict[float, list[tuple[str, str | None]]]:
    """(label, the situation read) for every dev example at each level, each read as the
    coach reads it (bot/understanding/reader.py situation_of) by a model trained on the other
    writers' examples."""
    from functools import cache

    from bot.understanding.reader import situation_of
    from bot.understanding.text_model import model_text
    from bot.understanding.train_models import fit_situations
    from content.situations_schema import situation_example_file

    examples = situation_example_file().examples
    rows: dict[float, list[tuple[str, str | None]]] = {level: [] for level in LEVELS}
    for writer in sorted({example.by for example in examples}):
        kept = [(e.situation, e.text) for e in examples if e.by != writer]
        fitted = fit_situations(kept)

        @cache
        def probabilities(normalised: str, fitted: Any = fitted) -> dict[str, float]:
            chances = fitted.probabilities(model_text(normalised))
            return {str(name): float(chance) for name, chance in chances.items()}

        for example in examples:
            if example.by == writer:
                for level in LEVELS:
                    read = situation_of(probabilities, example.text, level)
                    rows[level].append((example.situation, read))
        print(f"writer {writer} left out")
    return rows


def through_the_coach(items: list[dict[str, str]]) -> list[tuple[str, str | None]]:
    """(label, the situation whose answer the coach gave) for each message typed by a new
    educator after hello (role and grades skipped): the model and every rule around it
    (something told with its own reply, a bright spot told)."""
    from bench.shrugs import first_replies
    from content.situations_schema import situations_in

    titles = {
        f"**{situation.title}**": name
        for language in ("en", "es")
        for name, situation in situations_in(language).situations.items()
    }
    replies = first_replies([str(item["text"]) for item in items])
    return [
        (str(item["situation"]), next((n for t, n in titles.items() if t in reply), None))
        for item, reply in zip(items, replies, strict=True)
    ]


def main() -> None:
    from bot.understanding.reader import SITUATION_CONFIDENCE, default_reader

    # Each level as the coach applies it: a fragment needs more, a long story may be read by
    # its sentences (situation_of).
    report_levels(_writer_left_out(), SITUATION_CONFIDENCE)
    items = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    reader = default_reader()
    heldout = [(str(item["situation"]), reader.situation(str(item["text"]))) for item in items]
    print(report(f"heldout at {SITUATION_CONFIDENCE:.2f}, the model", tally(heldout)))
    print(report("heldout, the coach's replies", tally(through_the_coach(items))))


if __name__ == "__main__":
    main()
