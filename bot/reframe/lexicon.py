"""Load content/reframe.yaml (and the files it includes) once, validate, compile every pattern.

Each pattern also gets its anchor words (one of which must be in any text it matches) and,
for every other item it cannot do without, that item's words: the matcher runs a regex only
on a stretch of text that holds one word of each (a long message runs about one pattern's
regex, not twenty). Regexes compile on first use; `warm` compiles them all.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from content import reframe_schema
from content.languages import DEFAULT_LANGUAGE, MissingLanguage, in_language
from content.reframe_patterns import (
    SEP,
    CompiledPattern,
    PatternCompiler,
    PatternError,
    fold_accents,
    fold_case,
    normalise,
)
from content.reframe_schema import ReframeLexicon, ReframeMessages, ReframePart, reframe_words

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
M = TypeVar("M", bound=BaseModel)
LEXICON_PATH = Path(reframe_schema.__file__).resolve().with_name("reframe.yaml")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and every faulty field."""

    def __init__(self, faults: list[str]) -> None:
        super().__init__("\n".join(faults))
        self.faults = faults


@dataclass(frozen=True)
class CompiledForm:
    patterns: tuple[CompiledPattern, ...]
    rewrites: tuple[str, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompiledEntry:
    id: str
    why: str
    topic: str
    forms: tuple[CompiledForm, ...]


@dataclass(frozen=True)
class PatternRef:
    """One pattern with its place in the lexicon; `order` is its rank in file order."""

    order: int
    entry: CompiledEntry
    form: CompiledForm
    pattern: CompiledPattern


@dataclass(frozen=True)
class Lexicon:
    """Everything the matcher needs. Each regular expression is compiled when it is first
    needed (most messages match no pattern, so they need none of the disavowals): Python
    compiles a long one in milliseconds."""

    entries: tuple[CompiledEntry, ...]
    # The regex texts of the protected phrases, the disavowals before and after a match,
    # and of a negation just before it; compiled below on first use.
    protected_texts: tuple[str, ...]
    disavowal_texts: tuple[str, ...]
    after_disavowal_texts: tuple[str, ...]
    negation_tail_text: str
    tips: tuple[str, ...]
    messages: ReframeMessages
    patterns: tuple[PatternRef, ...] = ()
    # word -> the patterns (by order) that may match a text containing it
    by_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unanchored: tuple[int, ...] = ()  # patterns tried on every text
    # per pattern (by order), the other words it needs: a text must hold one of each set
    needs: tuple[tuple[frozenset[str], ...], ...] = ()

    @cached_property
    def protected(self) -> tuple[re.Pattern[str], ...]:
        return tuple(map(re.compile, self.protected_texts))

    @cached_property
    def disavowals(self) -> tuple[re.Pattern[str], ...]:
        return tuple(map(re.compile, self.disavowal_texts))

    @cached_property
    def after_disavowals(self) -> tuple[re.Pattern[str], ...]:
        return tuple(map(re.compile, self.after_disavowal_texts))

    @cached_property
    def negation_tail(self) -> re.Pattern[str]:
        return re.compile(self.negation_tail_text)

    @property
    def pattern_count(self) -> int:
        return sum(len(form.patterns) for entry in self.entries for form in entry.forms)


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as exc:
        raise LexiconError([f"{path.name}: cannot read the file ({exc.strerror})"]) from exc
    except yaml.YAMLError as exc:
        raise LexiconError([f"{path.name}: not valid YAML ({exc})"]) from exc


def _validate(path: Path, data: Any, model: type[M]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        faults = []
        for error in exc.errors():
            location = ".".join(str(part) for part in error["loc"])
            message = str(error["msg"]).removeprefix("Value error, ")
            if location:
                faults.append(f"{path.name}: field {location}: {message}")
            else:
                faults.append(f"{path.name}: {message}")
        raise LexiconError(faults) from exc


def _merge_includes(path: Path, data: Any) -> Any:
    """The main file with the sets and entries of every file it includes added to it. Each
    included file is validated on its own first, so a fault names that file."""
    if not isinstance(data, dict) or not isinstance(data.get("include"), list):
        return data
    merged = dict(data)
    merged["sets"] = dict(data.get("sets") or {})
    merged["entries"] = list(data.get("entries") or [])
    faults: list[str] = []
    for name in data["include"]:
        part_path = path.with_name(str(name))
        raw = _read(part_path)
        try:
            part = _validate(part_path, raw, ReframePart)
        except LexiconError as exc:
            faults += exc.faults
            continue
        for set_name, members in part.sets.items():
            if set_name in merged["sets"]:
                faults.append(f"{part_path.name}: set {set_name!r} is already defined")
            merged["sets"][set_name] = members
        # Validated entries go in as they are (pydantic does not check a model instance
        # again), so each included entry is checked once.
        merged["entries"] += part.entries
    if faults:
        raise LexiconError(faults)
    return merged


@dataclass(frozen=True)
class _Index:
    patterns: tuple[PatternRef, ...]
    by_word: dict[str, tuple[int, ...]]
    unanchored: tuple[int, ...]
    needs: tuple[tuple[frozenset[str], ...], ...]


def _index(compiler: PatternCompiler, entries: tuple[CompiledEntry, ...]) -> _Index:
    refs: list[PatternRef] = []
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    unanchored: list[int] = []
    needs: list[tuple[frozenset[str], ...]] = []
    for entry in entries:
        for form in entry.forms:
            for pattern in form.patterns:
                order = len(refs)
                refs.append(PatternRef(order, entry, form, pattern))
                words = compiler.anchors(pattern.source)
                if words is None:
                    unanchored.append(order)
                for word in words or ():
                    by_word[word].append(order)
                # "{subject} [{neg} {engage-verb}]" is indexed by its rarest item's words;
                # the text must also hold a {subject} and a {neg} for its regex to run.
                others = set(compiler.anchor_sets(pattern.source)) - {words}
                needs.append(tuple(sorted(others, key=len)))
    return _Index(
        tuple(refs),
        {word: tuple(orders) for word, orders in by_word.items()},
        tuple(unanchored),
        tuple(needs),
    )


# Words that start a new clause, so a negation before one does not reach past it.
_JOINING = r"(?:because|cause|cuz|bc|since|so|and|but|then|porque|pero|y)"


def _compile(model: ReframeLexicon) -> Lexicon:
    compiler = model.compiler()

    def plain(source: str) -> CompiledPattern:
        return compiler.compile(source, capture=False)

    entries = tuple(
        CompiledEntry(
            id=entry.id,
            why=entry.why,
            topic=entry.topic,
            forms=tuple(
                CompiledForm(
                    patterns=tuple(compiler.compile(source) for source in form.patterns),
                    rewrites=tuple(form.rewrites),
                    examples=tuple(form.examples),
                )
                for form in entry.forms()
            ),
        )
        for entry in model.entries
    )
    negations = "|".join(f"(?:{plain(source).body})" for source in model.negations)
    # A negation, then at most two more words, then the match (never across a comma or a
    # joining word: "they never show up, lazy parents" and "they never answer because they
    # don't care" are not a negated "lazy parents" or "don't care").
    # Lower case, like every pattern: they search text put through fold_case().
    negation_tail = rf"(?<!\w)(?:{negations})(?:{SEP}(?!{_JOINING}(?!\w))[\w'-]+){{0,2}}[\s\"']*$"
    after = tuple(
        rf"^[\s,;:\"'()-]*(?:{plain(source).body})(?!\w)" for source in model.after_disavowals
    )
    index = _index(compiler, entries)
    return Lexicon(
        entries=entries,
        protected_texts=tuple(plain(source).regex_text for source in model.protected),
        disavowal_texts=tuple(plain(source).regex_text for source in model.disavowals),
        after_disavowal_texts=after,
        negation_tail_text=negation_tail,
        tips=tuple(model.tips),
        messages=model.messages,
        patterns=index.patterns,
        by_word=index.by_word,
        unanchored=index.unanchored,
        needs=index.needs,
    )


def _in_language(path: Path, data: Any, language: str) -> Any:
    """The file's data with its own words (messages, tips) in one language
    (content/languages.py); entries stay as written, in the language of what they find."""
    try:
        return in_language(data, language)
    except MissingLanguage as exc:
        raise LexiconError([f"{path.name}: {exc}"]) from exc


def load_lexicon(path: Path = LEXICON_PATH, language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """Read, validate and compile one lexicon file (and the files it includes), its messages
    and tips in one language; LexiconError names every fault."""
    data = _in_language(path, _read(path), language)
    model = _validate(path, _merge_includes(path, data), ReframeLexicon)
    return _compile(model)


def _unmatched_examples(lexicon: Lexicon) -> list[str]:
    faults = []
    for entry in lexicon.entries:
        for form in entry.forms:
            for pattern in form.patterns:
                try:
                    pattern.regex  # noqa: B018 - compiled here so a fault shows up now
                    pattern.context  # noqa: B018
                except PatternError as exc:
                    faults.append(f"entry {entry.id}: {exc}")
            for example in form.examples:
                text = fold_case(fold_accents(normalise(example)))
                if not any(pattern.regex.search(text) for pattern in form.patterns):
                    faults.append(f"entry {entry.id}: no pattern of its form finds {example!r}")
    return faults


def check_lexicon(path: Path | None = None) -> list[str]:
    """Every fault in a lexicon file, or an empty list (for `coach content check`): it must
    load, and every example sentence must be found by its own form."""
    try:
        lexicon = load_lexicon(path or LEXICON_PATH)
    except LexiconError as exc:
        return exc.faults
    return [f"{(path or LEXICON_PATH).name}: {fault}" for fault in _unmatched_examples(lexicon)]


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process (its patterns compile on first use)."""
    return load_lexicon(LEXICON_PATH)


@cache
def lexicon_in(language: str) -> Lexicon:
    """The packaged lexicon with its messages and tips in one language, loaded once per
    process; the entries (and their compiled patterns) are the English lexicon's own."""
    if language == DEFAULT_LANGUAGE:
        return default_lexicon()
    words = reframe_words(LEXICON_PATH, language)
    return dataclasses.replace(default_lexicon(), messages=words.messages, tips=tuple(words.tips))


def warm(lexicon: Lexicon | None = None) -> None:
    """Compile every pattern now, so no message pays for a first use (for long-running
    processes, once they have started)."""
    lexicon = lexicon or default_lexicon()
    for ref in lexicon.patterns:
        ref.pattern.regex  # noqa: B018 - compiling is the point
        ref.pattern.context  # noqa: B018
    lexicon.protected, lexicon.disavowals, lexicon.after_disavowals  # noqa: B018
    lexicon.negation_tail  # noqa: B018
