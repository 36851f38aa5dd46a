"""Which intent a message is most like, scored with the weights trained from the examples.

The model (content/understanding/intent_model.json, trained by train_intents.py with
scikit-learn) is a multinomial logistic regression over TF-IDF features. This file turns a
message into the same features scikit-learn would (its `char_wb` and `word` analyzers,
sublinear term frequency, each part scaled to unit length) and applies the weights: a few
dictionary look-ups per message, no scikit-learn at run time. tests/test_intent_model.py
checks the probabilities against scikit-learn's own on every labelled message.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from content.intent_model_schema import (
    CHAR_NGRAMS,
    WORD_NGRAMS,
    IntentModelFile,
    default_intent_model,
)

# scikit-learn's default token pattern: words of two or more letters or digits.
_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


@dataclass(frozen=True)
class Guess:
    intent: str
    probability: float  # 0-1, the model's confidence in this intent over all the others


def char_ngrams(text: str) -> list[str]:
    """scikit-learn's `char_wb` analyzer: n-grams inside each space-padded word."""
    low, high = CHAR_NGRAMS
    grams: list[str] = []
    for word in _SPACES.sub(" ", text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # the word is shorter than n: no longer n-grams either
                break
    return grams


def word_ngrams(text: str) -> list[str]:
    """scikit-learn's `word` analyzer: words and runs of words, joined by a space."""
    tokens = _WORD.findall(text)
    low, high = WORD_NGRAMS
    return [
        " ".join(tokens[start : start + n])
        for n in range(low, high + 1)
        for start in range(len(tokens) - n + 1)
    ]


class IntentModel:
    def __init__(self, model: IntentModelFile) -> None:
        self.model = model
        self.classes = list(model.classes)

    def _part(self, prefix: str, grams: list[str], scores: list[float]) -> None:
        """Add one TF-IDF part's contribution to each class's score: (1 + ln tf) * idf per
        gram of the model's vocabulary, the part scaled to unit length, times the weights."""
        counts = Counter(grams)
        values: list[tuple[float, list[float]]] = []
        for gram, count in counts.items():
            feature = self.model.features.get(prefix + gram)
            if feature is not None:
                values.append(((1.0 + math.log(count)) * feature[0], feature))
        length = math.sqrt(sum(value * value for value, _ in values))
        if not length:
            return
        for value, feature in values:
            for at in range(1, len(feature), 2):
                scores[int(feature[at])] += value / length * feature[at + 1]

    def guess(self, normalised: str) -> Guess:
        scores = [self.model.intercepts[name] for name in self.classes]
        self._part("c", char_ngrams(normalised), scores)
        self._part("w", word_ngrams(normalised), scores)
        top = max(scores)
        total = sum(math.exp(score - top) for score in scores)
        # Ties go to the class listed first, as scikit-learn's argmax does.
        best = scores.index(top)
        return Guess(self.classes[best], 1.0 / total)


def default_model() -> IntentModel:
    return IntentModel(default_intent_model())
