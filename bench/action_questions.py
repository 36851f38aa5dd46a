"""Questions typed over this week's action options ("can i pick two?", "does email count?",
"what if they don't speak english?"): how often one gets its answer, another question's
answer (wrong) or none, and how often anything else typed there (a step of their own, how
last week went) gets an answer anyway (false), which holds up saving a step.

    python -m bench action-questions

`dev` is content/understanding/action_question_examples.yaml, each writer left out in turn
(the model trained on the others reads theirs) at each level: the coach's level
(bot/understanding/action_questions.py ACTION_QUESTION_SURE) is chosen here. `heldout`
(tests/data/understanding/action_questions_heldout.yaml, a writer the model never read) is
typed to the coach at the action step of a reflection and judged by the answer it gives
(and again without the few typed word for word as an example: "does email count");
`steps` are the steps of action_step_heldout.yaml typed there: each answered as a question
is a step not saved at once. Neither is ever chosen on.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import yaml

from bench.labelled import UNDERSTANDING_SETS
from bench.shrugs import replies_after
from bench.situations import report, report_levels, tally

if TYPE_CHECKING:
    from tests.dialog import Conversation

HELDOUT = UNDERSTANDING_SETS / "action_questions_heldout.yaml"
STEPS = UNDERSTANDING_SETS / "action_step_heldout.yaml"
LEVELS = (0.3, 0.4, 0.5, 0.6, 0.7)
ANOTHER = "another question's"


def _writer_left_out() -> dict[float, list[tuple[str, str | None]]]:
    """(label, the question read) for every dev example at each level, by a model trained on
    the other writers' examples."""
    from bot.understanding.action_questions import question_of
    from bot.understanding.normalise import for_matching
    from bot.understanding.text_model import model_text
    from bot.understanding.train_models import fit_action_questions
    from content.text_model_schema import action_question_file

    examples = action_question_file().examples
    rows: dict[float, list[tuple[str, str | None]]] = {level: [] for level in LEVELS}
    for writer in sorted({example.by for example in examples}):
        fitted = fit_action_questions([(e.label, e.text) for e in examples if e.by != writer])

        def chances_of(text: str, fitted: Any = fitted) -> dict[str, float]:
            chances = fitted.probabilities(model_text(for_matching(text)))
            return {str(name): float(chance) for name, chance in chances.items()}

        for example in examples:
            if example.by == writer:
                for level in LEVELS:
                    rows[level].append(
                        (example.label, question_of(chances_of, example.text, level))
                    )
    return rows


def at_the_action_step(texts: list[str]) -> list[str]:
    """The coach's reply to each text typed over the action options of a new educator's
    first reflection (two answers given first)."""

    def to_the_action_step(educator: Conversation) -> None:
        educator.says("reflect relational")
        educator.says("I had a good talk with Maria's dad about her reading at pickup")
        educator.says("the Nguyens, I've only emailed them about missing work so far")

    return replies_after(to_the_action_step, texts)


def answered(reply: str) -> str | None:
    """The question whose answer the reply gives, in either language, or None."""
    from content.understanding_schema import replies_in

    for language in ("en", "es"):
        for name, answer in replies_in(language).action_questions.items():
            if answer in reply:
                return name
    return None


def main() -> None:
    from bot.understanding.action_questions import ACTION_QUESTION_SURE
    from content.text_model_schema import action_question_examples

    report_levels(_writer_left_out(), ACTION_QUESTION_SURE, ANOTHER)
    items = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    replies = at_the_action_step([str(item["text"]) for item in items])
    heldout = [(str(i["label"]), answered(r)) for i, r in zip(items, replies, strict=True)]
    print(report("heldout, the coach's replies at the action step", tally(heldout), ANOTHER))
    learned = {text.casefold().strip() for _, text in action_question_examples()}
    unseen = [
        pair
        for item, pair in zip(items, heldout, strict=True)
        if str(item["text"]).casefold().strip() not in learned
    ]
    print(report(f"  of which {len(unseen)} not among the examples", tally(unseen), ANOTHER))
    wrong = Counter((label, got) for label, got in heldout if got is not None and got != label)
    for (label, got), count in wrong.most_common(5):
        print(f"  {label} answered as {got}: {count}")
    steps = [str(i["text"]) for i in yaml.safe_load(STEPS.read_text(encoding="utf-8")) if i["plan"]]
    held_up = sum(answered(reply) is not None for reply in at_the_action_step(steps))
    print(f"steps (action_step_heldout.yaml) answered as a question: {held_up} of {len(steps)}")


if __name__ == "__main__":
    main()
