"""Which labelled items a model was trained on, word for word or nearly.

The understanding's models learn from the content's example messages (intents, topics, themes,
the reframe fallback's sentences). A common request ("what are the essential conditions")
is typed the same way by anyone, so a heldout item may repeat an example written
independently of it; read on such an item, a model is recalling, not reading. The benchmark
reports heldout twice: on every item, and on the items no training text nearly repeats.
"Nearly" is the labelled set's own rule (tests/test_labelled_set.py): the same words, or at
least four words each and 80% of their words shared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

NEAR_DUPLICATE = 0.8
MIN_WORDS = 4


def word_set(text: str) -> frozenset[str]:
    """As tests/test_labelled_set.py counts words: runs of letters, and each punctuation mark."""
    return frozenset(re.findall(r"[\w'’]+|[^\w\s]", text.lower()))


def training_texts() -> list[str]:
    """Every text some model of the understanding learns from."""
    from bot.reframe.fallback import load_content, training_set
    from bot.reframe.lexicon import default_lexicon
    from content.text_model_schema import (
        intent_examples,
        theme_training_examples,
        topic_examples,
    )
    from content.understanding_schema import default_understanding

    content = default_understanding()
    pairs = [
        *intent_examples(content.intents),
        *topic_examples(content.topics),
        *theme_training_examples(content.intents),
    ]
    return [text for _, text in pairs] + training_set(load_content(), default_lexicon())[0]


class Repeats:
    """Looks a text's words up among many texts' words: the same set, or a near one."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.exact: set[frozenset[str]] = set()
        # By size: a set can only nearly repeat sets of a close size (|A|/|B| >= 0.8).
        self.by_size: dict[int, list[frozenset[str]]] = defaultdict(list)
        for text in texts:
            words = word_set(text)
            self.exact.add(words)
            if len(words) >= MIN_WORDS:
                self.by_size[len(words)].append(words)

    def repeats(self, text: str) -> bool:
        mine = word_set(text)
        if mine in self.exact:
            return True
        if len(mine) < MIN_WORDS:
            return False
        low, high = int(len(mine) * NEAR_DUPLICATE), int(len(mine) / NEAR_DUPLICATE) + 1
        return any(
            len(mine & theirs) >= NEAR_DUPLICATE * len(mine | theirs)
            for size in range(max(low, MIN_WORDS), high + 1)
            for theirs in self.by_size.get(size, ())
        )


def unseen(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items no model's training text repeats or nearly repeats."""
    seen = Repeats(training_texts())
    return [item for item in items if not seen.repeats(item["text"])]
