"""A second look for deficit framing that no lexicon pattern names.

A logistic regression (LIBLINEAR) over character and word n-grams, trained once at start-up
from content: the lexicon's own example sentences and content/reframe_fallback.yaml's
sentences as deficit framing; that file's neutral sentences, every lexicon example with its
rewrite in place, and the intent examples of content/understanding as not. It only speaks
when the patterns found nothing and it is confident, and what it offers is a general
asset-based question, never a word swap (it cannot know which words to change).

LIBLINEAR trains the same model from the same data every time, so a given message always
gets the same answer. Nothing here logs or stores the educator's text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.reframe.lexicon import Lexicon, default_lexicon
from bot.reframe.matcher import Finding, find_deficit_framing, rewrite_all

# The id of a finding from this model rather than from a lexicon entry.
GENERAL_ID = "general"
FALLBACK_PATH = Path(__file__).resolve().parents[2] / "content" / "reframe_fallback.yaml"
INTENTS_PATH = Path(__file__).resolve().parents[2] / "content" / "understanding" / "intents.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Character n-grams inside each word (typos and word forms still share most of them) and the
# words and word pairs themselves (what is said about whom).
CHAR_SIZES = (3, 4, 5)
_NOT_WORD = re.compile(r"[^\w]+")
# Fewer words than this are never judged by the model.
MIN_WORDS = 4
# Where a message splits into the parts one of which is quoted back to the educator.
_CLAUSES = re.compile(r"[.!?;:\n]+|,\s+|\s+(?:but|because|bc|so|and)\s+", re.IGNORECASE)


class FallbackContent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    threshold: float = Field(gt=0.5, lt=1.0)
    cost: float = Field(gt=0)
    why: str = Field(min_length=20, max_length=300)
    question: str = Field(min_length=10, max_length=300)
    deficit: list[str] = Field(min_length=50)
    neutral: list[str] = Field(min_length=50)


def features(text: str) -> dict[str, float]:
    """The n-grams of text, each weighted 1 + log(count), scaled to unit length."""
    words = _NOT_WORD.sub(" ", text.casefold().replace("'", "").replace("\u2019", "")).split()
    counts: dict[str, int] = {}
    for word in words:
        padded = f" {word} "
        for size in CHAR_SIZES:
            for start in range(len(padded) - size + 1):
                gram = padded[start : start + size]
                counts[gram] = counts.get(gram, 0) + 1
    for number, word in enumerate(words):
        counts["w:" + word] = counts.get("w:" + word, 0) + 1
        if number:
            pair = f"p:{words[number - 1]} {word}"
            counts[pair] = counts.get(pair, 0) + 1
    weighted = {gram: 1.0 + math.log(count) for gram, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in weighted.values())) or 1.0
    return {gram: value / norm for gram, value in weighted.items()}


@dataclass(frozen=True)
class Fallback:
    weights: dict[str, float]
    bias: float
    threshold: float
    why: str
    question: str

    def probability(self, text: str) -> float:
        """How likely the model thinks text frames families or students by deficits."""
        score = self.bias + sum(
            self.weights.get(gram, 0.0) * value for gram, value in features(text).items()
        )
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, score))))

    def flags(self, text: str) -> bool:
        return self.probability(text) >= self.threshold

    def likeliest_part(self, text: str) -> tuple[int, int]:
        """Where the clause the model finds likeliest begins and ends, to quote it back."""
        best = (-1.0, 0, len(text))
        start = 0
        for cut in [*_CLAUSES.finditer(text), None]:
            end = cut.start() if cut else len(text)
            part = text[start:end]
            if part.strip():
                score = self.probability(part)
                if score > best[0]:
                    lead = len(part) - len(part.lstrip())
                    best = (score, start + lead, start + len(part.rstrip()))
            start = cut.end() if cut else len(text)
        return best[1], best[2]


def load_content(path: Path = FALLBACK_PATH) -> FallbackContent:
    data: Any = yaml.load(path.read_text("utf-8"), Loader=_LOADER)
    return FallbackContent.model_validate(data)


def check_fallback(path: Path = FALLBACK_PATH) -> list[str]:
    """Every fault in the fallback's content file (for `coach content check`)."""
    try:
        load_content(path)
    except (OSError, yaml.YAMLError) as exc:
        return [f"{path.name}: cannot be read ({exc})"]
    except ValidationError as exc:
        return [
            f"{path.name}: field {'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        ]
    return []


def _intent_examples(path: Path = INTENTS_PATH) -> list[str]:
    data: Any = yaml.load(path.read_text("utf-8"), Loader=_LOADER)
    return [
        str(example)
        for intent in data["intents"].values()
        for example in intent.get("examples", [])
    ]


def train(content: FallbackContent, lexicon: Lexicon) -> Fallback:
    """Fit the model on the content's sentences (see the module docstring)."""
    # Imported here: LIBLINEAR (with numpy and scipy) loads only when the model is built.
    from liblinear.liblinearutil import parameter, problem
    from liblinear.liblinearutil import train as liblinear_train

    examples = [
        example for entry in lexicon.entries for form in entry.forms for example in form.examples
    ]
    rewritten = [
        rewrite_all(example, find_deficit_framing(example, lexicon)) for example in examples
    ]
    deficit = [*examples, *content.deficit]
    neutral = [*rewritten, *content.neutral, *_intent_examples()]
    texts = deficit + neutral
    labels = [1] * len(deficit) + [0] * len(neutral)
    index: dict[str, int] = {}
    rows: list[dict[int, float]] = []
    for text in texts:
        row: dict[int, float] = {}
        for gram, value in features(text).items():
            row[index.setdefault(gram, len(index) + 1)] = value
        rows.append(row)
    model = liblinear_train(problem(labels, rows), parameter(f"-s 0 -c {content.cost} -B 1 -q"))
    # Two labels: one weight per feature then the bias's, for the first label LIBLINEAR saw.
    sign = 1.0 if model.get_labels()[0] == 1 else -1.0
    count = model.get_nr_feature()
    raw = model.w[: count + 1]
    weights = {gram: sign * raw[number - 1] for gram, number in index.items()}
    return Fallback(
        weights={gram: weight for gram, weight in weights.items() if weight},
        bias=sign * raw[count] * model.bias,
        threshold=content.threshold,
        why=content.why,
        question=content.question,
    )


@cache
def default_fallback() -> Fallback:
    """The model trained from the packaged content, once per process."""
    return train(load_content(), default_lexicon())


def find_framing(text: str) -> list[Finding]:
    """What the lexicon finds in text; when it finds nothing, the model's one general finding
    (the likeliest clause, with a question instead of rewrites), if it is confident."""
    found = find_deficit_framing(text)
    # A few words say too little about anyone for the model to judge ("no", "idk lol").
    if found or len(text.split()) < MIN_WORDS:
        return found
    model = default_fallback()
    if not model.flags(text):
        return []
    start, end = model.likeliest_part(text)
    return [
        Finding(
            id=GENERAL_ID,
            text=text[start:end],
            start=start,
            end=end,
            why=model.why,
            topic="asset-based",
            question=model.question,
        )
    ]
