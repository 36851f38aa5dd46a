"""Pydantic models for content/reframe.yaml, the asset-based reframing lexicon.

The pattern language is described in content/reframe_patterns.py. Loading checks that every
pattern parses (the error names entries.N.patterns.M), that every set it uses exists and
the whole compiles, that every {placeholder} in a rewrite is captured by every pattern
of its form, that ids are unique, and that every topic is a condition or a C.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Self

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

from content.languages import in_language
from content.reframe_patterns import (
    PatternCompiler,
    PatternError,
    parse_cached,
    parse_entry,
    placeholders,
)
from content.topic_names import FOUR_CS, ORGANIZATIONAL_CONDITIONS, PROCESS_CONDITIONS

REFRAME_TOPICS = PROCESS_CONDITIONS + ORGANIZATIONAL_CONDITIONS + FOUR_CS
MIN_ENTRIES = 45
MIN_TIPS = 5


def _check_pattern(source: str) -> str:
    try:
        parse_cached(source)
    except PatternError as exc:
        raise ValueError(f"pattern cannot be read: {exc}") from exc
    return source


def _check_entry_pattern(source: str) -> str:
    try:
        parse_entry(source)
    except PatternError as exc:
        raise ValueError(f"pattern cannot be read: {exc}") from exc
    return source


def _check_topic(slug: str) -> str:
    if slug not in REFRAME_TOPICS:
        raise ValueError(f"unknown topic {slug!r}; use one of: {', '.join(REFRAME_TOPICS)}")
    return slug


def _check_one_sentence(text: str) -> str:
    if not text.endswith((".", "!", "?")):
        raise ValueError("must be one sentence ending with a full stop")
    if re.search(r"[.!?]\s+[A-Z]", text):
        raise ValueError("must be ONE sentence")
    return text


PatternText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
    AfterValidator(_check_pattern),
]
# An entry's pattern may also start with ^: the match must begin a clause.
EntryPatternText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
    AfterValidator(_check_entry_pattern),
]
Rewrite = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
Sentence = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=20, max_length=300),
    AfterValidator(_check_one_sentence),
]
Example = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=300)]
Tip = Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=400)]
Message = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
EntryId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
Topic = Annotated[str, AfterValidator(_check_topic)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReframeForm(Strict):
    """Patterns of one grammatical shape, and rewrites that fit in place of what they match."""

    patterns: list[EntryPatternText] = Field(min_length=1)
    rewrites: list[Rewrite] = Field(min_length=1, max_length=2)
    # Sentences this form must find (`coach content check` tries them); tests also put
    # each rewrite in their place and check that no deficit framing comes back.
    examples: list[Example] = Field(default_factory=list)


class ReframeEntry(ReframeForm):
    """One deficit framing: how to spot it, why it matters, what to say instead."""

    id: EntryId
    topic: Topic
    why: Sentence
    # Other shapes of the same framing (say "hard-to-reach parents" and "are hard to
    # reach"), each with rewrites that fit its shape.
    variants: list[ReframeForm] = Field(default_factory=list)

    def forms(self) -> list[ReframeForm]:
        first = ReframeForm(patterns=self.patterns, rewrites=self.rewrites, examples=self.examples)
        return [first, *self.variants]


class ReframeMessages(Strict):
    """The words around findings, in the CLI and wherever findings are shown."""

    found: Message
    # When nothing found has a rewrite (the fallback model's finding asks a question instead).
    found_question: Message
    nothing_found: Message
    why: Message
    topic: Message
    rewrites: Message
    all_together: Message
    tip: Message
    question: Message = "A question to think with"


class ReframeWords(Strict):
    """The lexicon's own words, which are in the educator's language (content/languages.py):
    the messages around findings and the tips. Entries follow the sentence reframed."""

    messages: ReframeMessages
    tips: list[Tip] = Field(min_length=MIN_TIPS)


def reframe_words(path: Path, language: str) -> ReframeWords:
    """Only the lexicon's own words (messages and tips) in one language, validated; raises
    MissingLanguage or ValidationError."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {key: data.get(key) for key in ("messages", "tips")} if isinstance(data, dict) else {}
    return ReframeWords.model_validate(in_language(words, language))


class ReframePart(Strict):
    """A further lexicon file named in reframe.yaml's include: more sets and entries."""

    sets: dict[str, list[PatternText]] = Field(default_factory=dict)
    entries: list[ReframeEntry] = Field(min_length=1)


class ReframeLexicon(Strict):
    _compiler: PatternCompiler | None = PrivateAttr(default=None)
    version: int = Field(ge=1)
    # Further files next to this one (reframe_*.yaml), merged in: their sets and entries.
    include: list[Annotated[str, StringConstraints(pattern=r"^reframe_[a-z0-9_]+\.yaml$")]] = Field(
        default_factory=list
    )
    messages: ReframeMessages
    sets: dict[str, list[PatternText]]
    # In the clause before a match: the speaker is questioning the framing, not using it.
    disavowals: list[PatternText] = Field(min_length=1)
    # Right after a match, in the same sentence: "... is a myth".
    after_disavowals: list[PatternText] = Field(default_factory=list)
    # Within two words before a match: "they are not ...".
    negations: list[PatternText] = Field(min_length=1)
    # Asset-based or neutral phrasing that must never be flagged.
    protected: list[PatternText] = Field(min_length=1)
    tips: list[Tip] = Field(min_length=MIN_TIPS)
    entries: list[ReframeEntry] = Field(min_length=MIN_ENTRIES)

    def compiler(self) -> PatternCompiler:
        """The compiler for this lexicon's sets; what validation compiled, loading reuses."""
        if self._compiler is None:
            self._compiler = PatternCompiler(self.sets, fold=True)
        return self._compiler

    @model_validator(mode="after")
    def _compiles(self) -> Self:
        faults: list[str] = []
        compiler = self.compiler()
        for name in self.sets:
            if not re.fullmatch(r"[a-z][a-z0-9-]*", name):
                faults.append(f"sets.{name}: a set name is lowercase letters, digits and -")
        for section in ("disavowals", "after_disavowals", "negations", "protected"):
            for index, source in enumerate(getattr(self, section)):
                try:
                    compiler.compile(source, capture=False)
                except PatternError as exc:
                    faults.append(f"{section}.{index}: {exc}")
        seen: set[str] = set()
        for index, entry in enumerate(self.entries):
            if entry.id in seen:
                faults.append(f"entries.{index}.id: {entry.id!r} is used twice")
            seen.add(entry.id)
            for form_index, form in enumerate(entry.forms()):
                where = f"entries.{index}" + (
                    "" if form_index == 0 else f".variants.{form_index - 1}"
                )
                wanted = set().union(*(placeholders(rewrite) for rewrite in form.rewrites))
                for pattern_index, source in enumerate(form.patterns):
                    try:
                        compiled = compiler.compile(source)
                    except PatternError as exc:
                        faults.append(f"{where}.patterns.{pattern_index} ({entry.id}): {exc}")
                        continue
                    missing = wanted - compiled.captures
                    if missing:
                        names = ", ".join(f"{{{name}}}" for name in sorted(missing))
                        faults.append(
                            f"{where}.rewrites ({entry.id}): {names} is not captured by "
                            f"pattern {pattern_index}; use the set once, required, in it"
                        )
        if faults:
            raise ValueError("; ".join(faults))
        return self
