"""Choose the reframe fallback's cost and threshold: 5-fold cross-validation on the sentences in
content/reframe_fallback.yaml (the lexicon's examples and the intent examples stay in every
training fold). Prints, per cost and threshold, the share of held-out deficit sentences the
model finds and of neutral ones it flags.

    python -m bench reframe-cv

Pick the setting that finds the most with at most 2.5% flagged, write it into the file, then
read `python -m bench understanding` once. Never choose by heldout or the fresh set.
"""

from __future__ import annotations

import random

COSTS = (8.0, 16.0, 32.0, 64.0, 128.0)
THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9)
FOLDS = 5


def main() -> None:
    from bot.reframe import default_lexicon
    from bot.reframe.fallback import load_content, train

    content = load_content()
    lexicon = default_lexicon()
    items = [(text, True) for text in content.deficit] + [(text, False) for text in content.neutral]
    random.Random(7).shuffle(items)
    print(f"current: cost {content.cost}, threshold {content.threshold}")
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
            scored += [(deficit, model.probability(text)) for text, deficit in items[fold::FOLDS]]
        deficit_n = sum(1 for deficit, _ in scored if deficit)
        neutral_n = len(scored) - deficit_n
        cells = []
        for threshold in THRESHOLDS:
            found = sum(1 for deficit, p in scored if deficit and p >= threshold) / deficit_n
            flagged = sum(1 for deficit, p in scored if not deficit and p >= threshold) / neutral_n
            cells.append(f"{threshold}: {found:.0%} found, {flagged:.1%} flagged")
        print(f"cost {cost:g}: " + " | ".join(cells))


if __name__ == "__main__":
    main()
