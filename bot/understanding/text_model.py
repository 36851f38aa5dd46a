"""Which label (intent, topic) a message is most like, or how likely each label is (themes),
scored with weights trained from examples.

Each model (content/understanding/*_model.npz, trained by train_models.py with
scikit-learn) is a logistic regression over TF-IDF features: multinomial (the labels compete)
or one yes/no model per label (`multi_label`, for themes). This file turns a
message into the same features scikit-learn would (its `char_wb` and `word` analyzers,
sublinear term frequency, each part scaled to unit length) and applies the weights: one
dictionary look-up per gram for its row, then one product of the message's values with those
rows of the weight matrix (NumPy), no scikit-learn at run time. tests/test_text_models.py
checks the probabilities against scikit-learn's own on every dev message.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

import numpy as np
from numpy.typing import NDArray

from content.text_model_schema import CHAR_NGRAMS, WORD_NGRAMS, GramWeights, TextModelFile

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


class Vocabulary:
    """Every gram some model knows, numbered once: a message's grams are looked up once for all
    the models that share this vocabulary (each model then picks its rows with NumPy)."""

    def __init__(self, models: Iterable[TextModelFile]) -> None:
        models = list(models)
        self.chars = _numbered([model.chars.grams for model in models])
        self.words = _numbered([model.words.grams for model in models])

    def grams(self, normalised: str) -> Grams:
        """The message's grams that some model knows, counted once for every model."""
        text = model_text(normalised)
        return Grams(
            self, *_known(self.chars, char_ngrams(text)), *_known(self.words, word_ngrams(text))
        )


def _numbered(vocabularies: list[list[str]]) -> dict[str, int]:
    """Every gram of the vocabularies (each a list of distinct grams), numbered from 0."""
    numbers: dict[str, int] = {}
    for grams in vocabularies:
        new = [gram for gram in grams if gram not in numbers]
        numbers.update(zip(new, range(len(numbers), len(numbers) + len(new)), strict=True))
    return numbers


def _known(
    numbers: dict[str, int], grams: list[str]
) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """The numbers of the grams the vocabulary knows, and each one's (1 + ln count)."""
    counts = Counter(grams)
    ids = np.fromiter(map(numbers.get, counts, repeat(-1)), dtype=np.intp, count=len(counts))
    known = ids >= 0
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))[known]
    return ids[known], 1.0 + np.log(tf)


@dataclass(frozen=True, eq=False)
class Grams:
    """A message's n-grams, by their numbers in one vocabulary, with their sublinear term
    frequency (1 + ln count): counted once and scored by every model of that vocabulary."""

    vocabulary: Vocabulary
    char_ids: NDArray[np.intp]
    char_tf: NDArray[np.float64]
    word_ids: NDArray[np.intp]
    word_tf: NDArray[np.float64]


class _Part:
    """One part of a model's features, ready to score: the model's row for each gram of the
    vocabulary (-1 where the model does not know it), and the rows' idf and weights."""

    def __init__(self, part: GramWeights, numbers: dict[str, int]) -> None:
        self.rows = np.full(len(numbers), -1, dtype=np.intp)
        found = np.fromiter(map(numbers.__getitem__, part.grams), np.intp, len(part.grams))
        self.rows[found] = np.arange(len(part.grams))
        self.idf = part.idf
        self.weights = part.weights

    def add_to(
        self, scores: NDArray[np.float64], ids: NDArray[np.intp], tf: NDArray[np.float64]
    ) -> None:
        """Add this part's contribution to each class's score: (1 + ln count) * idf per gram
        of the model's vocabulary, the part scaled to unit length, times the weights."""
        rows = self.rows[ids]
        known = rows >= 0
        rows = rows[known]
        values = tf[known] * self.idf[rows]
        length = math.sqrt(float(values @ values))
        if length:
            scores += (values / length) @ self.weights[rows]


class TextModel:
    def __init__(self, model: TextModelFile, vocabulary: Vocabulary | None = None) -> None:
        """`vocabulary` must hold the model's grams (it is shared by the models that score the
        same messages); by default the model's own."""
        self.classes = list(model.classes)
        self.multi_label = model.multi_label
        self.intercepts = model.intercepts
        self.vocabulary = vocabulary or Vocabulary([model])
        self.chars = _Part(model.chars, self.vocabulary.chars)
        self.words = _Part(model.words, self.vocabulary.words)

    def _scores(self, grams: Grams) -> list[float]:
        if grams.vocabulary is not self.vocabulary:
            raise ValueError("the grams were numbered by another vocabulary than this model's")
        scores = self.intercepts.copy()
        self.chars.add_to(scores, grams.char_ids, grams.char_tf)
        self.words.add_to(scores, grams.word_ids, grams.word_tf)
        return [float(score) for score in scores]

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
        # Ties go to the class listed first, as scikit-learn's argmax does.
        best = scores.index(max(scores))
        return Guess(self.classes[best], _softmax(scores)[best])

    def guess_text(self, normalised: str) -> Guess:
        return self.guess(self.vocabulary.grams(normalised))

    def probabilities_text(self, normalised: str) -> dict[str, float]:
        """A single-label model's probability of every label (they sum to 1)."""
        if self.multi_label:
            raise ValueError("probabilities_text() is for a single-label model; use chances()")
        chances = _softmax(self._scores(self.vocabulary.grams(normalised)))
        return dict(zip(self.classes, chances, strict=True))

    def chances_text(self, normalised: str) -> dict[str, float]:
        return self.chances(self.vocabulary.grams(normalised))


def _softmax(scores: list[float]) -> list[float]:
    """A single-label model's scores as probabilities that sum to 1."""
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]
