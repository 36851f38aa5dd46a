"""Which label (intent, topic) a message is most like, or how likely each label is (themes),
scored with weights trained from examples.

Each model (content/understanding/*_model.json, trained by train_models.py with
scikit-learn) is a logistic regression over TF-IDF features: multinomial (the labels compete)
or one yes/no model per label (`multi_label`, for themes). This file turns a
message into the same features scikit-learn would (its `char_wb` and `word` analyzers,
sublinear term frequency, each part scaled to unit length) and applies the weights: a few
dictionary look-ups per message, no scikit-learn at run time. tests/test_text_models.py
checks the probabilities against scikit-learn's own on every dev message.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from content.text_model_schema import CHAR_NGRAMS, WORD_NGRAMS, TextModelFile

# The models read a message's first this many words (the labelled set's long messages say
# what they are about well before this; scoring costs grow with length).
MODEL_WORDS = 60
# scikit-learn's default token pattern: words of two or more letters or digits.
_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


@dataclass(frozen=True)
class Guess:
    label: str
    probability: float  # 0-1, the model's confidence in this label over all the others


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


@dataclass(frozen=True)
class Grams:
    """A message's n-grams, counted once and scored by every model."""

    chars: Counter[str]
    words: Counter[str]

    @classmethod
    def of(cls, normalised: str) -> Grams:
        text = model_text(normalised)
        return cls(Counter(char_ngrams(text)), Counter(word_ngrams(text)))


def model_text(normalised: str) -> str:
    """The part of a message the models read: its first MODEL_WORDS words. What a message is
    for is said early, and the cost of scoring grows with its length."""
    return " ".join(normalised.split()[:MODEL_WORDS])


def _sigmoid(score: float) -> float:
    """1 / (1 + e^-score), written so that no score overflows math.exp."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    grown = math.exp(score)
    return grown / (1.0 + grown)


# One gram as the file stores it: idf, then class index (an int) and weight, pair after pair.
_Feature = list[Any]


class TextModel:
    def __init__(self, model: TextModelFile) -> None:
        self.classes = list(model.classes)
        self.multi_label = model.multi_label
        self.intercepts = [model.intercepts[name] for name in self.classes]
        self.chars: dict[str, _Feature] = model.features["chars"]
        self.words: dict[str, _Feature] = model.features["words"]

    @staticmethod
    def _part(vocabulary: dict[str, _Feature], counts: Counter[str], scores: list[float]) -> None:
        """Add one TF-IDF part's contribution to each class's score: (1 + ln tf) * idf per
        gram of the model's vocabulary, the part scaled to unit length, times the weights."""
        values: list[tuple[float, _Feature]] = []
        for gram, count in counts.items():
            feature = vocabulary.get(gram)
            if feature is not None:
                values.append(((1.0 + math.log(count)) * feature[0], feature))
        length = math.sqrt(sum(value * value for value, _ in values))
        if not length:
            return
        for value, feature in values:
            scaled = value / length
            for index, weight in zip(feature[1::2], feature[2::2], strict=True):
                scores[index] += scaled * weight

    def _scores(self, grams: Grams) -> list[float]:
        scores = list(self.intercepts)
        self._part(self.chars, grams.chars, scores)
        self._part(self.words, grams.words, scores)
        return scores

    def chances(self, grams: Grams) -> dict[str, float]:
        """A multi-label model's probability of each label, each on its own (0-1)."""
        if not self.multi_label:
            raise ValueError("chances() is for a multi-label model; use guess()")
        return {
            label: _sigmoid(score)
            for label, score in zip(self.classes, self._scores(grams), strict=True)
        }

    def guess(self, grams: Grams) -> Guess:
        if self.multi_label:
            raise ValueError("guess() is for a single-label model; use chances()")
        scores = self._scores(grams)
        top = max(scores)
        total = sum(math.exp(score - top) for score in scores)
        # Ties go to the class listed first, as scikit-learn's argmax does.
        best = scores.index(top)
        return Guess(self.classes[best], 1.0 / total)

    def guess_text(self, normalised: str) -> Guess:
        return self.guess(Grams.of(normalised))
