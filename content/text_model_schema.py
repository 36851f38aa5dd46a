"""The understanding's learned models: weights trained from the content's examples.

Small text classifiers are trained by `python -m bot.understanding.train_models`:
`intent_model.npz` from the intents' `examples` (and `off_topic`) in intents.yaml,
`topic_model.npz` from the topics' `examples` (and `general`) in topics.yaml,
`theme_model.npz` from theme_examples.yaml (one yes/no model per theme, as a text can carry
several), `situation_model.npz` from situation_examples.yaml (the everyday situation a
question is about, or `none`), `plan_model.npz` from plan_examples.yaml,
`action_question_model.npz` from action_question_examples.yaml (what a question typed over
the action options asks, or `none`) and `reflection_aside_model.npz` from
reflection_aside_examples.yaml (what is asked about a reflection at its questions instead of
an answer, or `none`). Each file records a fingerprint of the examples and settings it was
trained from, so `coach content check` can say when someone edited the examples and did not
retrain.

A model file is a NumPy archive (`.npz`, read with `allow_pickle=False`): the grams of each
part as one line each, their idf and a row of weights per gram (a column per class), as
integers in units of 1/SCALE (the four decimals the weights are kept to, exactly). It loads in
a few milliseconds, where parsing the same weights as JSON took ~0.2 s of CPU, and the scorer
uses the arrays as they are (bot/understanding/text_model.py).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import yaml
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from content.understanding_schema import IntentFile, TopicFile

MODEL_DIR = Path(__file__).parent / "understanding"
INTENT_MODEL_PATH = MODEL_DIR / "intent_model.npz"
TOPIC_MODEL_PATH = MODEL_DIR / "topic_model.npz"
THEME_MODEL_PATH = MODEL_DIR / "theme_model.npz"
THEME_EXAMPLES_PATH = MODEL_DIR / "theme_examples.yaml"
PLAN_MODEL_PATH = MODEL_DIR / "plan_model.npz"
PLAN_EXAMPLES_PATH = MODEL_DIR / "plan_examples.yaml"
# Which everyday situation a question is about (content/situations_schema.py).
SITUATION_MODEL_PATH = MODEL_DIR / "situation_model.npz"
# What a question typed over the action options asks ("can i pick two?", "what if they don't
# speak english?"): content/understanding/action_question_examples.yaml, answered by
# replies.yaml `action_questions`; `none` for anything else typed there.
ACTION_QUESTION_MODEL_PATH = MODEL_DIR / "action_question_model.npz"
ACTION_QUESTION_EXAMPLES_PATH = MODEL_DIR / "action_question_examples.yaml"
NO_ACTION_QUESTION = "none"
# What is asked about a reflection at one of its questions instead of an answer ("how long
# is this?", "can we finish this later?"): reflection_aside_examples.yaml, answered by
# replies.yaml `reflection_asides` (bot/flows/reflection_asides.py); `none` for an answer.
REFLECTION_ASIDE_MODEL_PATH = MODEL_DIR / "reflection_aside_model.npz"
REFLECTION_ASIDE_EXAMPLES_PATH = MODEL_DIR / "reflection_aside_examples.yaml"
NO_REFLECTION_ASIDE = "none"
# Its names: the first three are replies.yaml `reflection_asides` entries; `change_action`
# is answered by its `change_action` text, `who_sees` by `to_the_coach.privacy`.
REFLECTION_ASIDES = ("later", "how_long", "must_answer", "change_action", "who_sees")
# Every this-many-th text of theme_examples.yaml (answers, check-in notes, stories) is one
# more `none` for the reflection aside model: what a reflection's questions are answered with.
ANSWERS_EVERY = 4
# The plan model's one yes/no question: does the text name a step the educator will take?
PLAN = "plan"
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
# Weights, idf and intercepts are kept to four decimals, stored as whole numbers of 1/SCALE:
# the file stays small, and the scores move by far less than any decision made on them.
SCALE = 10_000
# Every archive member is dated this, so training the same examples writes the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

Examples = list[tuple[str, str]]  # (label, message)


@dataclass(frozen=True, eq=False)
class GramWeights:
    """One part of a model's features (character n-grams or word n-grams): row r is `grams[r]`,
    with its idf and its weight for each class (0 where the weight fell under the floor; such a
    gram still counts towards the length a message's grams are scaled by)."""

    grams: list[str]
    idf: NDArray[np.float64]  # (grams,)
    weights: NDArray[np.float64]  # (grams, classes)


@dataclass(frozen=True, eq=False)
class TextModelFile:
    trained_from: str
    # False: one label per message (the classes compete, softmax). True: each class is its own
    # yes/no question (a sigmoid per class), as a message can have several themes.
    multi_label: bool
    classes: list[str]
    intercepts: NDArray[np.float64]  # (classes,)
    chars: GramWeights
    words: GramWeights

    def __post_init__(self) -> None:
        # A multi-label model may ask one yes/no question (the plan model); classes that
        # compete need two at least.
        fewest = 1 if self.multi_label else 2
        if len(self.classes) < fewest or self.intercepts.shape != (len(self.classes),):
            raise ValueError("a model needs its classes (two if they compete), an intercept each")
        for part in (self.chars, self.words):
            if part.idf.shape != (len(part.grams),) or part.weights.shape != (
                len(part.grams),
                len(self.classes),
            ):
                raise ValueError("each gram needs an idf and a weight per class")


def _fixed(values: NDArray[np.float64]) -> NDArray[np.int32]:
    return np.rint(values * SCALE).astype(np.int32)


def write_text_model(model: TextModelFile, path: Path) -> None:
    """Write the model as its archive, the same bytes for the same model."""
    arrays: dict[str, NDArray[np.generic]] = {
        "trained_from": np.array(model.trained_from),
        "multi_label": np.array(model.multi_label),
        "classes": np.array(model.classes),
        "intercepts": _fixed(model.intercepts),
    }
    for name, part in (("chars", model.chars), ("words", model.words)):
        # One gram a line: no gram holds a line break (both analyzers split on white space).
        text = "\n".join(part.grams).encode("utf-8")
        arrays[f"{name}_grams"] = np.frombuffer(text, dtype=np.uint8)
        arrays[f"{name}_idf"] = _fixed(part.idf)
        arrays[f"{name}_weights"] = _fixed(part.weights)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(member, "w") as stream:
                np.lib.format.write_array(stream, array, allow_pickle=False)


def _part(archive: np.lib.npyio.NpzFile, name: str) -> GramWeights:
    text = archive[f"{name}_grams"].tobytes().decode("utf-8")
    return GramWeights(
        grams=text.split("\n") if text else [],
        idf=archive[f"{name}_idf"] / SCALE,
        weights=archive[f"{name}_weights"] / SCALE,
    )


def load_text_model(path: Path) -> TextModelFile:
    """The model in the archive at path; ValueError when it is not a whole model file."""
    try:
        with path.open("rb") as stream, np.load(stream, allow_pickle=False) as archive:
            return TextModelFile(
                trained_from=str(archive["trained_from"]),
                multi_label=bool(archive["multi_label"]),
                classes=[str(name) for name in archive["classes"]],
                intercepts=archive["intercepts"] / SCALE,
                chars=_part(archive, "chars"),
                words=_part(archive, "words"),
            )
    except (zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise ValueError(f"{path.name}: not a model archive ({type(exc).__name__})") from exc


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


class PlanExample(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str = Field(min_length=1)
    plan: bool
    by: str  # who wrote it, as in theme_examples.yaml


class PlanExampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    examples: list[PlanExample] = Field(min_length=1)


ExampleFile = TypeVar("ExampleFile", bound=BaseModel)


def read_validated(path: Path, shape: type[ExampleFile]) -> ExampleFile:
    """A YAML file of examples, read with the C loader (ten times faster) and validated."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return shape.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))


def plan_examples(path: Path = PLAN_EXAMPLES_PATH) -> Examples:
    """("plan" or "", text) pairs from plan_examples.yaml (or a labelled set shaped like it)."""
    data = read_validated(path, PlanExampleFile)
    return [(PLAN if example.plan else "", example.text) for example in data.examples]


class ActionQuestionExample(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str = Field(min_length=1)
    text: str = Field(min_length=1)
    by: str = Field(min_length=1)  # who wrote it, as in theme_examples.yaml


class ActionQuestionExampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    examples: list[ActionQuestionExample] = Field(min_length=1)


def action_question_file(path: Path = ACTION_QUESTION_EXAMPLES_PATH) -> ActionQuestionExampleFile:
    return read_validated(path, ActionQuestionExampleFile)


def action_question_examples(path: Path = ACTION_QUESTION_EXAMPLES_PATH) -> Examples:
    """(question, text) pairs from action_question_examples.yaml, `none` for anything else
    typed over the action options. Read only to train and check the model."""
    return [(example.label, example.text) for example in action_question_file(path).examples]


def reflection_aside_examples(path: Path = REFLECTION_ASIDE_EXAMPLES_PATH) -> Examples:
    """(aside, text) pairs from reflection_aside_examples.yaml (shaped like the action
    questions'), answers from theme_examples.yaml as `none`, and the questions typed over the
    action options (action_question_examples.yaml): `who_sees` is the same question, a
    reminder asked for is left out (it could be either), every other is `none` ("do i have to
    call or can i text?" asks how, not whether). Read only to train and check the model."""
    asides = [(example.label, example.text) for example in action_question_file(path).examples]
    answers = theme_examples()[::ANSWERS_EVERY]
    questions = [
        (label if label == "who_sees" else NO_REFLECTION_ASIDE, text)
        for label, text in action_question_examples()
        if label != "remind_me"
    ]
    return asides + [(NO_REFLECTION_ASIDE, text) for _, text in answers] + questions


def theme_examples(path: Path = THEME_EXAMPLES_PATH) -> Examples:
    """(themes joined by commas, text) pairs; an empty label is a text with no theme. Read
    only to train and to check the model: the coach itself needs just the weights."""
    data = read_validated(path, ThemeExampleFile)
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
