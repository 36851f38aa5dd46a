"""Asked about a reflection at one of its questions instead of an answer ("how long is
this?", "can we finish this later?", "do i have to answer this one?", "who can see this?",
"can i change my action?"): how often each gets its answer, another aside's (wrong) or none
(the question saved as an answer, or the stuck help), and how often an answer is taken for
an aside (false): asked again, it reads as not listening.

    python -m bench reflection-asides

`dev` is content/understanding/reflection_aside_examples.yaml, each writer left out in turn
(the model trained on the others reads theirs, after the content's phrases) at each level:
the coach's level (bot/understanding/reflection_asides.py REFLECTION_ASIDE_SURE) is chosen
here (writer g wrote at the action options, and is read here without that step's rules).
`fresh` (tests/data/understanding/reflection_asides_fresh.yaml, a writer the model never
read) is typed to the coach at a reflection's first question and judged by the reply, with
the phrases alone and with the model; `answers` are the 200 answers to the coach's own
questions in reframe_answers.yaml and the 120 replies of stuck_fresh.yaml typed there, each
answered as an aside counted false. `at the action options` is action_asides_fresh.yaml (a
writer the model never read) typed over a reflection's action options, and `steps` the 150
steps of action_step_heldout.yaml typed there. None is ever chosen on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bench.labelled import UNDERSTANDING_SETS
from bench.shrugs import replies_after
from bench.situations import report, report_levels, tally

if TYPE_CHECKING:
    from tests.dialog import Conversation

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "content" / "understanding" / "reflection_aside_examples.yaml"
FRESH = UNDERSTANDING_SETS / "reflection_asides_fresh.yaml"
AT_ACTION = UNDERSTANDING_SETS / "action_asides_fresh.yaml"
STEPS = UNDERSTANDING_SETS / "action_step_heldout.yaml"
ANSWERS = (UNDERSTANDING_SETS / "reframe_answers.yaml", UNDERSTANDING_SETS / "stuck_fresh.yaml")
LEVELS = (0.4, 0.5, 0.6, 0.7, 0.8)
ANOTHER = "another aside's"


def _writer_left_out() -> dict[float, list[tuple[str, str | None]]]:
    """(label, the aside read) for every dev example at each level: the content's phrases,
    then a model trained without the writer's examples."""
    from bot.flows.reflection_asides import phrased_aside
    from bot.understanding.normalise import for_matching
    from bot.understanding.reflection_asides import reflection_aside_asked
    from bot.understanding.text_model import model_text
    from bot.understanding.train_models import fit_reflection_asides
    from content.text_model_schema import action_question_file, reflection_aside_examples
    from content.understanding_schema import replies_in

    asides = replies_in("en").reflection_asides
    examples = action_question_file(DEV).examples
    answers = reflection_aside_examples()[len(examples) :]
    rows: dict[float, list[tuple[str, str | None]]] = {level: [] for level in LEVELS}
    for writer in sorted({example.by for example in examples}):
        kept = [(e.label, e.text) for e in examples if e.by != writer]
        fitted = fit_reflection_asides(kept + answers)

        def chances_of(text: str, fitted: Any = fitted) -> dict[str, float]:
            chances = fitted.probabilities(model_text(for_matching(text)))
            return {str(name): float(chance) for name, chance in chances.items()}

        for example in (e for e in examples if e.by == writer):
            phrased = phrased_aside(asides, example.text)
            for level in LEVELS:
                read = phrased or reflection_aside_asked(example.text, level, chances_of)
                rows[level].append((example.label, read))
    return rows


def at_the_first_question(texts: list[str]) -> list[str]:
    """The coach's reply to each text typed at the first question of a new educator's
    reflection."""

    def to_the_first_question(educator: Conversation) -> None:
        educator.says("reflect relational")

    return replies_after(to_the_first_question, texts)


def answered(reply: str, *, at_action: bool = False) -> str | None:
    """The aside whose answer the reply gives (at a question, or over the action options), in
    either language, or None."""
    from content.understanding_schema import replies_in

    for language in ("en", "es"):
        said = replies_in(language)
        asides = said.reflection_asides
        phrased = {"later": asides.later, "how_long": asides.how_long}
        phrased["must_answer"] = asides.must_answer
        beginnings = {
            name: aside.at_action if at_action else aside.answer for name, aside in phrased.items()
        }
        if not at_action:
            beginnings["change_action"] = asides.change_action
            beginnings["who_sees"] = said.to_the_coach["privacy"].answer
        for name, answer in beginnings.items():
            if answer.split("{")[0] in reply:
                return name
    return None


def over_the_options(texts: list[str]) -> list[str]:
    """The coach's reply to each text typed over the action options of a new educator's
    first reflection (two answers given first)."""
    from bench.action_questions import at_the_action_step

    return at_the_action_step(texts)


def main() -> None:
    from bot.flows.reflection_asides import phrased_aside
    from bot.understanding.reflection_asides import REFLECTION_ASIDE_SURE
    from content.understanding_schema import replies_in

    report_levels(_writer_left_out(), REFLECTION_ASIDE_SURE, ANOTHER)
    items = yaml.safe_load(FRESH.read_text(encoding="utf-8"))
    asides = replies_in("en").reflection_asides
    phrased = [(str(i["label"]), phrased_aside(asides, str(i["text"]))) for i in items]
    print(report("fresh, the content's phrases alone", tally(phrased), ANOTHER))
    replies = at_the_first_question([str(item["text"]) for item in items])
    fresh = [(str(i["label"]), answered(r)) for i, r in zip(items, replies, strict=True)]
    print(report("fresh, the coach's replies at a reflection's question", tally(fresh), ANOTHER))
    items = yaml.safe_load(AT_ACTION.read_text(encoding="utf-8"))
    replies = over_the_options([str(item["text"]) for item in items])
    pairs = [
        (str(i["label"]), answered(r, at_action=True)) for i, r in zip(items, replies, strict=True)
    ]
    print(report("at the action options, the coach's replies", tally(pairs), ANOTHER))
    steps = [str(i["text"]) for i in yaml.safe_load(STEPS.read_text(encoding="utf-8")) if i["plan"]]
    held = sum(answered(r, at_action=True) is not None for r in over_the_options(steps))
    print(f"steps (action_step_heldout.yaml) answered as an aside: {held} of {len(steps)}")
    for path in ANSWERS:
        texts = [str(item["text"]) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
        false = sum(answered(r) is not None for r in at_the_first_question(texts))
        print(f"answers ({path.name}) answered as an aside: {false} of {len(texts)}")


if __name__ == "__main__":
    main()
