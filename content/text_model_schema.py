"""The understanding's learned models: weights trained from the content's examples.

Three small text classifiers are trained by `python -m bot.understanding.train_models`:
`intent_model.json` from the intents' `examples` (and `off_topic`) in intents.yaml,
`topic_model.json` from the topics' `examples` (and `general`) in topics.yaml, and
`theme_model.json` from theme_examples.yaml (one yes/no model per theme, as a text can carry
several). Each file records a fingerprint of the examples and settings it was trained from, so
`coach content check` can say when someone edited the examples and did not retrain.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from content.understanding_schema import IntentFile, TopicFile

MODEL_DIR = Path(__file__).parent / "understanding"
INTENT_MODEL_PATH = MODEL_DIR / "intent_model.json"
TOPIC_MODEL_PATH = MODEL_DIR / "topic_model.json"
THEME_MODEL_PATH = MODEL_DIR / "theme_model.json"
THEME_EXAMPLES_PATH = MODEL_DIR / "theme_examples.yaml"
RETRAIN = "python -m bot.understanding.train_models"
# The intent model's class for a message about none of the intents (from `off_topic`).
OFF_TOPIC = "unknown"
# The topic model's class for a message about no one part of the framework (from `general`).
NO_TOPIC = "none"
# Training settings; changing one changes the fingerprint, so the models must be retrained.
CHAR_NGRAMS = (2, 4)  # letters within a word, padded by spaces: " hw", "hom", "work "
WORD_NGRAMS = (1, 2)
REGULARISATION = 20.0  # scikit-learn's C: weak, as the examples are few and chosen
# Smaller weights are dropped from the files (half their size, and half the work of scoring);
# on the dev set both models are exactly as accurate with or without them.
WEIGHT_FLOOR = 0.1

Examples = list[tuple[str, str]]  # (label, message)


class TextModelFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    trained_from: str
    # False: one label per message (the classes compete, softmax). True: each class is its own
    # yes/no question (a sigmoid per class), as a message can have several themes.
    multi_label: bool = False
    classes: list[str] = Field(min_length=2)
    intercepts: dict[str, float]
    # "chars": character n-grams, "words": word n-grams; each gram: [idf, class index,
    # weight, class index, weight, ...] (a gram with no weight left still scales the
    # others). Stored the way the scorer reads it and not validated gram by gram (the file
    # is generated, and checked by its fingerprint), so loading is parsing and little more.
    features: dict[Literal["chars", "words"], dict[str, Any]]


def intent_examples(intents: IntentFile) -> Examples:
    """(intent, message) pairs, the off-topic ones labelled `unknown`."""
    pairs = [(name, text) for name, entry in intents.intents.items() for text in entry.examples]
    return pairs + [(OFF_TOPIC, text) for text in intents.off_topic]


def topic_examples(topics: TopicFile) -> Examples:
    """(topic, message) pairs, the general ones labelled `none`."""
    pairs = [(slug, text) for slug, entry in topics.topics.items() for text in entry.examples]
    return pairs + [(NO_TOPIC, text) for text in topics.general]


class ThemeExample(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str = Field(min_length=1)
    themes: list[str]
    # Who wrote it (a letter per writer): `python -m bench theme-cv` leaves each writer out in
    # turn, the honest test of how the model does on someone it never read.
    by: str | None = None


class ThemeExampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    examples: list[ThemeExample] = Field(min_length=1)


def theme_examples(path: Path = THEME_EXAMPLES_PATH) -> Examples:
    """(themes joined by commas, text) pairs; an empty label is a text with no theme. Read
    only to train and to check the model: the coach itself needs just the weights."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader: ten times faster
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    data = ThemeExampleFile.model_validate(raw)
    return [(",".join(example.themes), example.text) for example in data.examples]


# Messages that carry no theme, from the rest of the content: the theme model learns from them
# that a request ("nudges off", "im a 2nd grade teacher") is about none of the themes. Thanks,
# frustration, questions, drafts and reframe requests often do carry one, so they are left out.
THEMELESS_INTENTS = (
    "help", "learn", "reflect", "journal", "nudges", "assess", "export", "forget", "cancel",
    "greeting", "profile", "language",
)  # fmt: skip


def theme_training_examples(intents: IntentFile) -> Examples:
    """What the theme model is trained from: theme_examples.yaml and the theme-less requests."""
    themeless = [text for name in THEMELESS_INTENTS for text in intents.intents[name].examples]
    return theme_examples() + [("", text) for text in [*themeless, *intents.off_topic]]


def training_fingerprint(examples: Examples) -> str:
    settings = [CHAR_NGRAMS, WORD_NGRAMS, REGULARISATION, WEIGHT_FLOOR]
    blob = json.dumps([settings, sorted(examples)], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def load_text_model(path: Path) -> TextModelFile:
    return TextModelFile.model_validate_json(path.read_bytes())


@cache
def packaged_model(path: Path) -> TextModelFile:
    return load_text_model(path)


def model_faults(examples: Examples, path: Path) -> list[str]:
    """Why the model file cannot be used with these examples, or an empty list."""
    try:
        model = load_text_model(path)
    except (OSError, ValueError) as exc:
        return [f"understanding/{path.name}: cannot be read ({type(exc).__name__}); run: {RETRAIN}"]
    if model.trained_from != training_fingerprint(examples):
        return [
            f"understanding/{path.name}: trained from other examples than the content has;"
            f" run: {RETRAIN}"
        ]
    return []
