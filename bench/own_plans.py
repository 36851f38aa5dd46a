"""The step an educator names in an answer (bot/understanding/own_plan.py), read on the
labelled answers in tests/data/understanding/own_plans_{dev,heldout}.yaml: how many named
steps are found, how many found are steps (precision), and how many found read like the label
(word overlap F1 >= CLOSE). Dev was looked at while writing the words; heldout never.

    python -m bench understanding     # prints these figures after the others
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from bench.labelled import UNDERSTANDING_SETS

CLOSE = 0.75


@dataclass(frozen=True)
class PlanFigures:
    labelled: int  # answers that name a step
    found: int  # of those, a step was found
    offered: int  # answers where a step was found
    close: int  # found steps whose words overlap the label's by F1 >= CLOSE

    @property
    def recall(self) -> float:
        return self.found / self.labelled

    @property
    def precision(self) -> float:
        return self.found / self.offered if self.offered else 1.0


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def overlap(found: str, label: str) -> float:
    """Word-overlap F1 of a found step and its label."""
    mine, theirs = _tokens(found), _tokens(label)
    common = sum(min(mine.count(word), theirs.count(word)) for word in set(mine))
    if not common:
        return 0.0
    precision, recall = common / len(mine), common / len(theirs)
    return 2 * precision * recall / (precision + recall)


def figures(split: str) -> PlanFigures:
    from bot.understanding.own_plan import own_plan

    path = UNDERSTANDING_SETS / f"own_plans_{split}.yaml"
    examples = yaml.safe_load(path.read_text("utf-8"))
    labelled = found = offered = close = 0
    for example in examples:
        step, label = own_plan(example["text"]), example["plan"]
        labelled += label is not None
        offered += step is not None
        if step is not None and label is not None:
            found += 1
            close += overlap(step, label) >= CLOSE
    return PlanFigures(labelled, found, offered, close)


def report_own_plans() -> None:
    for split in ("dev", "heldout"):
        seen = figures(split)
        print(
            f"own plans {split}: found {seen.recall:.1%} of {seen.labelled} named,"
            f" precision {seen.precision:.1%} of {seen.offered} offered,"
            f" worded like the label {seen.close} of {seen.found}"
        )
