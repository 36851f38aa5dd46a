"""The intent model's file: weights learned from the intents' examples, and what they came from.

`content/understanding/intent_model.json` is written by `python -m bot.understanding.train_intents`
from the `examples` (and `off_topic`) in intents.yaml; it records a fingerprint of those
examples and of the training settings below, so `coach content check` can say when someone
edited the examples and did not retrain.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from content.understanding_schema import IntentFile

INTENT_MODEL_PATH = Path(__file__).parent / "understanding" / "intent_model.json"
# The class the model gives a message about none of the intents (from `off_topic`).
OFF_TOPIC = "unknown"
# Training settings; changing one changes the fingerprint, so the model must be retrained.
CHAR_NGRAMS = (2, 4)  # letters within a word, padded by spaces: " hw", "hom", "work "
WORD_NGRAMS = (1, 2)
REGULARISATION = 20.0  # scikit-learn's C: weak, as the examples are few and chosen
# Smaller weights are dropped from the file (a third of its size); on the dev set the model
# reads the same messages the same way with or without them.
WEIGHT_FLOOR = 0.05


class IntentModelFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    trained_from: str
    classes: list[str] = Field(min_length=2)
    intercepts: dict[str, float]
    # Keyed "c" + a character n-gram or "w" + a word n-gram: [idf, class index, weight,
    # class index, weight, ...]; a feature with no weight left still scales the others.
    features: dict[str, list[float]]


def training_examples(intents: IntentFile) -> list[tuple[str, str]]:
    """(intent, message) pairs, the off-topic ones labelled `unknown`."""
    pairs = [
        (name, example) for name, entry in intents.intents.items() for example in entry.examples
    ]
    return pairs + [(OFF_TOPIC, example) for example in intents.off_topic]


def training_fingerprint(examples: list[tuple[str, str]]) -> str:
    settings = [CHAR_NGRAMS, WORD_NGRAMS, REGULARISATION, WEIGHT_FLOOR]
    blob = json.dumps([settings, sorted(examples)], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def load_intent_model(path: Path = INTENT_MODEL_PATH) -> IntentModelFile:
    return IntentModelFile.model_validate_json(path.read_bytes())


@cache
def default_intent_model() -> IntentModelFile:
    return load_intent_model()


def model_faults(intents: IntentFile, path: Path = INTENT_MODEL_PATH) -> list[str]:
    """Why the model file cannot be used with these examples, or an empty list."""
    try:
        model = load_intent_model(path)
    except (OSError, ValueError) as exc:
        return [f"understanding/{path.name}: cannot be read ({type(exc).__name__})"]
    if model.trained_from != training_fingerprint(training_examples(intents)):
        return [
            f"understanding/{path.name}: trained from other examples than intents.yaml has;"
            " run: python -m bot.understanding.train_intents"
        ]
    return []
