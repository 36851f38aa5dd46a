"""Texts typed over the action options: is a step of the educator's own saved, and is
anything else (how last week went, a family's hours, someone else's step) kept out?

    python -m bench understanding   # heldout figures, after the others
    python -m bench plan-cv         # each writer of plan_examples.yaml left out in turn

Heldout (tests/data/understanding/action_step_heldout.yaml) is a writer the plan model never
read. "Before" is the shape check alone (bot/flows/listening.py `is_action`), what saved a
typed text before the plan model; "now" adds the plan model's reading (`names_a_step`). A
step kept out is retyped (typed again, it is saved); anything else taken in is saved as the
week's plan, and asked about next week. Choose PLAN_SURE on the writer folds, never heldout.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

HELDOUT = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "data"
    / "understanding"
    / "action_step_heldout.yaml"
)
LEVELS = (0.4, 0.5, 0.6, 0.7)


@dataclass(frozen=True)
class Kept:
    plans: int
    plans_kept: int
    others: int
    others_taken: int

    def __str__(self) -> str:
        return (
            f"steps kept {self.plans_kept / self.plans:.1%} of {self.plans},"
            f" anything else taken {self.others_taken / self.others:.1%} of {self.others}"
        )


def kept(rows: Sequence[tuple[str, bool]], takes: Callable[[str], bool]) -> Kept:
    taken = [(takes(text), plan) for text, plan in rows]
    return Kept(
        plans=sum(plan for _, plan in taken),
        plans_kept=sum(took and plan for took, plan in taken),
        others=sum(not plan for _, plan in taken),
        others_taken=sum(took and not plan for took, plan in taken),
    )


def report_action_step() -> None:
    from bot.flows.listening import is_action
    from bot.understanding.plan import names_a_step

    items = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    rows = [(item["text"], bool(item["plan"])) for item in items]
    print(f"action step heldout, before (shape alone): {kept(rows, is_action)}")
    now = kept(rows, lambda text: is_action(text) and names_a_step(text))
    print(f"action step heldout, now (with the plan model): {now}")


def main() -> None:
    """Leave each writer out, train on the others, read the left-out texts at each level."""
    from bot.flows.listening import is_action
    from bot.understanding.normalise import for_matching
    from bot.understanding.own_plan import own_plan
    from bot.understanding.text_model import model_text
    from bot.understanding.train_models import fit_plans
    from content.text_model_schema import PLAN, PLAN_EXAMPLES_PATH, PlanExampleFile

    raw = yaml.safe_load(PLAN_EXAMPLES_PATH.read_text(encoding="utf-8"))
    examples = PlanExampleFile.model_validate(raw).examples
    by_writer: dict[str, list[int]] = defaultdict(list)
    for index, example in enumerate(examples):
        by_writer[example.by].append(index)
    chances: dict[str, float] = {}
    for writer, left_out in sorted(by_writer.items()):
        fitted = fit_plans([(PLAN if e.plan else "", e.text) for e in examples if e.by != writer])
        for index in left_out:
            text = examples[index].text
            chances[text] = fitted.probabilities(model_text(for_matching(text)))[PLAN]
        print(f"writer {writer}: {len(left_out)} texts read")
    rows = [(e.text, e.plan) for e in examples]
    print(f"shape alone: {kept(rows, is_action)}")
    for level in LEVELS:
        figures = kept(
            rows,
            lambda t: is_action(t) and (own_plan(t) is not None or chances[t] >= level),  # noqa: B023
        )
        print(f"plan model at {level}: {figures}")


if __name__ == "__main__":
    main()
