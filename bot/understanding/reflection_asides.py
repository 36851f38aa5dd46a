"""What is asked about a reflection at one of its questions instead of an answer ("how long
is this gonna take", "can we finish this friday during my prep", "puedo no contestar?"), by
the reflection aside model (content/understanding/reflection_aside_model.npz, learned from
reflection_aside_examples.yaml): one of REFLECTION_ASIDES, or None for an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.understanding.normalise import for_matching, words
from bot.understanding.reader import is_asked
from bot.understanding.text_model import TextModel
from content.text_model_schema import (
    NO_REFLECTION_ASIDE,
    REFLECTION_ASIDE_MODEL_PATH,
    packaged_model,
)

# The model's chance at or above which an aside is answered. Chosen by leaving each writer of
# reflection_aside_examples.yaml out in turn (`python -m bench reflection-asides`,
# BENCHMARKS.md): an answer taken for an aside is asked again, which reads as not listening,
# so few wrong come before many found.
REFLECTION_ASIDE_SURE = 0.4
# Fewer words than this and the model is not asked: "?", "??? lost" and "idk" are a way of
# saying "I'm stuck", which the reflection helps with.
FEWEST_WORDS = 2
# Read from the model only in a message that asks (a question mark or an asking word): "My
# answer", "answer: the Lees" lean to `must_answer` by their one word, and are answers
# (`python -m bench reflection-asides`: 4 of 427 fewer found, 1 fewer false).
ASKED_ONLY = frozenset({"must_answer"})
# A link pasted is something shown, not asked about the reflection (the model had read
# "see [Reset](https://...) or <a href=...>here</a>" as asking who can see it).
_LINK = re.compile(r"https?://|www\.|<a\s", re.IGNORECASE)


@cache
def _model() -> TextModel:
    return TextModel(packaged_model(REFLECTION_ASIDE_MODEL_PATH))


def aside_chances(text: str) -> dict[str, float]:
    """The model's probability of each aside (and of `none`), summing to 1."""
    return _model().probabilities_text(for_matching(text))


def reflection_aside_asked(
    text: str,
    sure: float = REFLECTION_ASIDE_SURE,
    chances_of: Callable[[str], dict[str, float]] = aside_chances,
) -> str | None:
    """The aside the model (`chances_of` each, from the text) finds at least `sure` of, or
    None."""
    if len(words(for_matching(text))) < FEWEST_WORDS or _LINK.search(text):
        return None
    chances = chances_of(text)
    name = max(chances, key=lambda label: chances[label])
    if name == NO_REFLECTION_ASIDE or chances[name] < sure:
        return None
    return None if name in ASKED_ONLY and not is_asked(text) else name
