"""A second look for deficit framing that no lexicon pattern names.

A logistic regression (LIBLINEAR's, through scikit-learn) over character and word n-grams,
trained from content: the lexicon's own example sentences and content/reframe_fallback.yaml's
sentences as deficit framing; that file's neutral sentences, every lexicon example with its
rewrite in place, and the intent examples of content/understanding as not. It is trained at
build time (`python -m bot.understanding.train_models`, with the other learned models) and
its weights kept in content/understanding/reframe_model.json, so the coach neither imports
scikit-learn nor trains anything when it starts; `coach content check` fails when the
sentences changed and the model was not retrained. It only speaks
when the patterns found nothing and it is confident, and what it offers is a general
asset-based question, never a word swap (it cannot know which words to change).

The weights are fixed in the file, so a given message always gets the same answer. Nothing
here logs or stores the educator's text.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise, repeat
from operator import mul
from pathlib import Path
from typing import Annotated, Any, Self

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.i18n import current_language
from bot.reframe.lexicon import Lexicon, default_lexicon
from bot.reframe.matcher import Finding, find_deficit_framing, is_protected, rewrite_all
from content.languages import LANGUAGES

# The id of a finding from this model rather than from a lexicon entry.
GENERAL_ID = "general"
FALLBACK_PATH = Path(__file__).resolve().parents[2] / "content" / "reframe_fallback.yaml"
INTENTS_PATH = Path(__file__).resolve().parents[2] / "content" / "understanding" / "intents.yaml"
MODEL_PATH = (
    Path(__file__).resolve().parents[2] / "content" / "understanding" / "reframe_model.json"
)
RETRAIN = "python -m bot.understanding.train_models"
# LIBLINEAR's stopping tolerance: tight enough that it stops at the optimum itself. At 0.01 it
# stopped part-way, where the path it took (the CPU's maths library) showed: a new machine
# trained a model 0.045 away in a probability from the packaged one (25 of 4,890 sentences
# flipped). At 1e-6 a tenfold tighter run moves no probability by 0.001.
TOLERANCE = 1e-6
# Weights are kept to this many decimals in the file.
DECIMALS = 5
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
    why: dict[str, Annotated[str, Field(min_length=20, max_length=300)]]
    question: dict[str, Annotated[str, Field(min_length=10, max_length=300)]]
    deficit: list[str] = Field(min_length=50)

    @model_validator(mode="after")
    def _every_language(self) -> Self:
        for name in ("why", "question"):
            if sorted(getattr(self, name)) != sorted(LANGUAGES):
                raise ValueError(f"{name} must be written in each of {sorted(LANGUAGES)}")
        return self

    neutral: list[str] = Field(min_length=50)


def _char_grams(word: str) -> list[str]:
    """The letter n-grams of one word, padded with a space each side."""
    padded = f" {word} "
    return [
        padded[start : start + size]
        for size in CHAR_SIZES
        for start in range(len(padded) - size + 1)
    ]


def _gram_counts(text: str, known: Mapping[str, list[str]] | None = None) -> Counter[str]:
    """How often each n-gram occurs in text: letters within each word, words, word pairs.
    `known` holds the letter n-grams of words worked out beforehand (the same lists)."""
    words = _NOT_WORD.sub(" ", text.casefold().replace("'", "").replace("\u2019", "")).split()
    # One list, counted at once (Counter counts in C): a long message has over a thousand.
    grams: list[str] = []
    if known is None:
        for word in words:
            grams += _char_grams(word)
    else:
        for word in words:
            found = known.get(word)
            grams += _char_grams(word) if found is None else found
    grams += ["w:" + word for word in words]
    grams += [f"p:{first} {second}" for first, second in pairwise(words)]
    return Counter(grams)


# 1 + log(count) for the counts most grams have, worked out once (the same numbers).
_KEPT = 64
_WEIGHTED = [0.0, *(1.0 + math.log(count) for count in range(1, _KEPT))]


def features(text: str) -> dict[str, float]:
    """The n-grams of text, each weighted 1 + log(count), scaled to unit length."""
    weighted = {gram: 1.0 + math.log(count) for gram, count in _gram_counts(text).items()}
    norm = math.sqrt(sum(value * value for value in weighted.values())) or 1.0
    return {gram: value / norm for gram, value in weighted.items()}


@dataclass(frozen=True)
class Fallback:
    weights: dict[str, float]
    bias: float
    threshold: float
    why: dict[str, str]  # by language
    question: dict[str, str]
    # The letter n-grams of every word the model has a weight for, worked out once when it
    # loads (most of a message's words; the rest are worked out as they come).
    word_grams: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def probability(self, text: str) -> float:
        """How likely the model thinks text frames families or students by deficits."""
        # features(text) scored without building it: the weighted grams, then their length.
        counts = _gram_counts(text, self.word_grams)
        values = [
            _WEIGHTED[count] if count < _KEPT else 1.0 + math.log(count)
            for count in counts.values()
        ]
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        weights = map(self.weights.get, counts, repeat(0.0))
        score = self.bias + sum(map(mul, weights, values)) / norm
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


def check_fallback(path: Path = FALLBACK_PATH, model_path: Path = MODEL_PATH) -> list[str]:
    """Every fault in the fallback's content file, or a model not trained from it (for
    `coach content check`)."""
    try:
        content = load_content(path)
    except (OSError, yaml.YAMLError) as exc:
        return [f"{path.name}: cannot be read ({exc})"]
    except ValidationError as exc:
        return [
            f"{path.name}: field {'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        ]
    try:
        trained_from = json.loads(model_path.read_bytes())["trained_from"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{model_path.name}: cannot be read ({type(exc).__name__}); run: {RETRAIN}"]
    if trained_from != fingerprint(*training_set(content, default_lexicon()), content.cost):
        return [
            f"{model_path.name}: trained from other sentences than the content has; run: {RETRAIN}"
        ]
    return []


def _intent_examples(path: Path = INTENTS_PATH) -> list[str]:
    data: Any = yaml.load(path.read_text("utf-8"), Loader=_LOADER)
    return [
        str(example)
        for intent in data["intents"].values()
        for example in intent.get("examples", [])
    ]


def training_set(content: FallbackContent, lexicon: Lexicon) -> tuple[list[str], list[int]]:
    """The sentences the model learns from (see the module docstring), labelled 1 for deficit
    framing and 0 for not."""
    examples = [
        example for entry in lexicon.entries for form in entry.forms for example in form.examples
    ]
    rewritten = [
        rewrite_all(example, find_deficit_framing(example, lexicon)) for example in examples
    ]
    deficit = [*examples, *content.deficit]
    neutral = [*rewritten, *content.neutral, *_intent_examples()]
    return deficit + neutral, [1] * len(deficit) + [0] * len(neutral)


def fingerprint(texts: list[str], labels: list[int], cost: float) -> str:
    blob = json.dumps([CHAR_SIZES, cost, TOLERANCE, texts, labels], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def train(content: FallbackContent, lexicon: Lexicon) -> Fallback:
    """Fit the model on the content's sentences: LIBLINEAR's L2-regularised logistic
    regression with a bias feature of 1 (scikit-learn's `liblinear` solver). Build time only:
    needs scikit-learn, a development dependency."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    texts, labels = training_set(content, lexicon)
    index: dict[str, int] = {}
    data: list[float] = []
    columns: list[int] = []
    starts = [0]
    for text in texts:
        for gram, value in features(text).items():
            columns.append(index.setdefault(gram, len(index)))
            data.append(value)
        starts.append(len(data))
    matrix = csr_matrix((data, columns, starts), shape=(len(texts), len(index)))
    # LIBLINEAR visits the sentences in a shuffled order; a fixed seed makes the same
    # sentences give the same weights on every run.
    model = LogisticRegression(
        solver="liblinear", C=content.cost, tol=TOLERANCE, intercept_scaling=1.0, random_state=0
    ).fit(matrix, labels)
    # Two labels: one row of weights, for label 1 (deficit framing).
    weights = {gram: float(model.coef_[0, column]) for gram, column in index.items()}
    return Fallback(
        weights={gram: weight for gram, weight in weights.items() if weight},
        bias=float(model.intercept_[0]),
        threshold=content.threshold,
        why=content.why,
        question=content.question,
    )


def save(model: Fallback, trained_from: str, path: Path = MODEL_PATH) -> None:
    weights = {gram: round(weight, DECIMALS) for gram, weight in sorted(model.weights.items())}
    blob = {"trained_from": trained_from, "bias": round(model.bias, DECIMALS), "weights": weights}
    path.write_text(json.dumps(blob, ensure_ascii=False) + "\n", encoding="utf-8")


def load(content: FallbackContent, path: Path = MODEL_PATH) -> Fallback:
    """The packaged model, with the content's threshold and words."""
    blob: Any = json.loads(path.read_bytes())
    weights = {gram: float(weight) for gram, weight in blob["weights"].items() if weight}
    return Fallback(
        weights=weights,
        bias=float(blob["bias"]),
        threshold=content.threshold,
        why=content.why,
        question=content.question,
        word_grams={gram[2:]: _char_grams(gram[2:]) for gram in weights if gram[:2] == "w:"},
    )


def train_and_save(path: Path = MODEL_PATH) -> int:
    """Train from the packaged content and write the model file; the number of weights."""
    content, lexicon = load_content(), default_lexicon()
    model = train(content, lexicon)
    save(model, fingerprint(*training_set(content, lexicon), content.cost), path)
    return len(model.weights)


@cache
def default_fallback() -> Fallback:
    """The packaged model, loaded once per process."""
    return load(load_content())


# A clause in which the educator owns what they themselves did not do, naming no one else
# ("I've never done anything there because I didn't want school to feel like it was following
# families home"): honesty about their own practice, not a family framed by deficits.
_OWN_NOT_DOING = re.compile(
    r"^(?:i|i'?ve|i'?m|we|we'?ve)\s+(?:just\s+|really\s+|honestly\s+)?(?:never|didn'?t|did not|"
    r"haven'?t|have not|wasn'?t|was not|don'?t want|didn'?t want|never really)\b",
    re.IGNORECASE,
)
_SOMEONE_ELSE = frozenset(
    ["parent", "parents", "mom", "moms", "mother", "dad", "dads", "father", "family", "families",
     "kid", "kids", "student", "students", "child", "children", "they", "them", "their", "he",
     "she", "him", "her", "his", "people", "ones", "household", "community", "grandma",
     "grandpa", "mamá", "mama", "papá", "papa", "familia", "familias", "padres", "niños",
     "alumnos", "ellos", "ellas"]
)  # fmt: skip


def _only_of_oneself(clause: str) -> bool:
    said = [word.strip('.,!?;:"') for word in clause.casefold().replace("’", "'").split()]
    said = [word.removesuffix("'s") for word in said]
    return _OWN_NOT_DOING.match(clause.strip()) is not None and _SOMEONE_ELSE.isdisjoint(said)


# Words someone else said, told ("the 3rd period teacher is the same one who said mom was the
# problem"), and a word on the options offered ("none of these are about the dad"): neither is
# the educator framing a family (both had a note on their wording).
_SAID_BY_ANOTHER = re.compile(
    r"\b(?:the same one|the one|same teacher|same colleague) who (?:said|says|thinks|wrote)\b",
    re.IGNORECASE,
)
_ABOUT_THE_OPTIONS = re.compile(
    r"^\W*(?:none|neither|not one) of (?:these|those|the options)\b",
    re.IGNORECASE,
)


def _not_their_framing(clause: str) -> bool:
    return bool(_SAID_BY_ANOTHER.search(clause) or _ABOUT_THE_OPTIONS.match(clause))


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
    clause = text[start:end]
    if is_protected(text, start, end) or _only_of_oneself(clause) or _not_their_framing(clause):
        return []
    return [
        Finding(
            id=GENERAL_ID,
            text=text[start:end],
            start=start,
            end=end,
            why=model.why[current_language()],
            topic="asset-based",
            question=model.question[current_language()],
        )
    ]
