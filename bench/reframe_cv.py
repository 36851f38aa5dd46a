"""Choose the reframe fallback's cost and threshold: 5-fold cross-validation on the sentences in
content/reframe_fallback.yaml (the lexicon's examples and the intent examples stay in every
training fold). Prints, per cost and threshold, the share of held-out deficit sentences the
model finds and of neutral ones it flags, alone and as the coach uses it (after the lexicon's
patterns, when they found nothing: "with patterns").

    python -m bench reframe-cv

Pick the setting that finds the most with patterns with at most 2.5% flagged by the model
alone and none of the lexicon's own rewrites flagged (the model trained on every sentence;
a rewrite the coach offers must never be flagged itself), write it into the file, then
read `python -m bench understanding` once. Never choose by heldout or the fresh set.
"""

from __future__ import annotations

import random

COSTS = (8.0, 16.0, 32.0, 64.0, 128.0)
THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9)
FOLDS = 5


def main() -> None:
    from bot.reframe import default_lexicon, find_deficit_framing, rewrite_all
    from bot.reframe.fallback import MIN_WORDS, load_content, train

    content = load_content()
    lexicon = default_lexicon()
    items = [(text, True) for text in content.deficit] + [(text, False) for text in content.neutral]
    random.Random(7).shuffle(items)
    print(f"current: cost {content.cost}, threshold {content.threshold}")
    # Sentences the patterns already flag never reach the model; short ones never do either.
    by_patterns = {text: bool(find_deficit_framing(text)) for text, _ in items}
    reaches_model = {text: len(text.split()) >= MIN_WORDS for text, _ in items}
    rewrites = [
        rewrite_all(example, find_deficit_framing(example, lexicon))
        for entry in lexicon.entries
        for form in entry.forms
        for example in form.examples
    ]
    for cost in COSTS:
        scored: list[tuple[bool, float]] = []
        for fold in range(FOLDS):
            kept = [item for n, item in enumerate(items) if n % FOLDS != fold]
            model = train(
                content.model_copy(
                    update={
                        "cost": cost,
                        "deficit": [text for text, deficit in kept if deficit],
                        "neutral": [text for text, deficit in kept if not deficit],
                    }
                ),
                lexicon,
            )
            scored += [
                (deficit, model.probability(text), by_patterns[text], reaches_model[text])
                for text, deficit in items[fold::FOLDS]
            ]
        whole = train(content.model_copy(update={"cost": cost}), lexicon)
        deficit_n = sum(1 for deficit, *_ in scored if deficit)
        neutral_n = len(scored) - deficit_n
        print(f"cost {cost:g}:")
        for threshold in THRESHOLDS:
            alone = [(deficit, p >= threshold) for deficit, p, _, _ in scored]
            used = [
                (deficit, patterns or (reaches and p >= threshold))
                for deficit, p, patterns, reaches in scored
            ]
            own = sum(1 for text in rewrites if whole.probability(text) >= threshold)
            print(
                f"  {threshold}: alone {_figures(alone, deficit_n, neutral_n)};"
                f" with patterns {_figures(used, deficit_n, neutral_n)};"
                f" own rewrites flagged {own}"
            )


def _figures(flags: list[tuple[bool, bool]], deficit_n: int, neutral_n: int) -> str:
    found = sum(1 for deficit, flagged in flags if deficit and flagged) / deficit_n
    flagged = sum(1 for deficit, flagged in flags if not deficit and flagged) / neutral_n
    return f"{found:.1%} found, {flagged:.2%} flagged"


if __name__ == "__main__":
    main()
