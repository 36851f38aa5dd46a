"""Load content/reframe.yaml once, validate it, and compile every pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from content import reframe_schema
from content.reframe_patterns import SEP, CompiledPattern, PatternCompiler
from content.reframe_schema import ReframeLexicon, ReframeMessages

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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


@dataclass(frozen=True)
class CompiledEntry:
    id: str
    why: str
    topic: str
    forms: tuple[CompiledForm, ...]


@dataclass(frozen=True)
class Lexicon:
    """Everything the matcher needs, compiled once."""

    entries: tuple[CompiledEntry, ...]
    protected: tuple[re.Pattern[str], ...]
    disavowals: tuple[re.Pattern[str], ...]
    after_disavowals: tuple[re.Pattern[str], ...]
    negation_tail: re.Pattern[str]
    tips: tuple[str, ...]
    messages: ReframeMessages

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


def _validate(path: Path, data: Any) -> ReframeLexicon:
    try:
        return ReframeLexicon.model_validate(data)
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


def _compile(model: ReframeLexicon) -> Lexicon:
    compiler = PatternCompiler(model.sets)

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
                )
                for form in entry.forms()
            ),
        )
        for entry in model.entries
    )
    negations = "|".join(f"(?:{plain(source).body})" for source in model.negations)
    # A negation, then at most two more words, then the match.
    negation_tail = re.compile(
        rf"(?<!\w)(?:{negations})(?:{SEP}[\w'-]+){{0,2}}[\s,\"']*$", re.IGNORECASE
    )
    after = tuple(
        re.compile(rf"^[\s,;:\"'()-]*(?:{plain(source).body})(?!\w)", re.IGNORECASE)
        for source in model.after_disavowals
    )
    return Lexicon(
        entries=entries,
        protected=tuple(plain(source).regex for source in model.protected),
        disavowals=tuple(plain(source).regex for source in model.disavowals),
        after_disavowals=after,
        negation_tail=negation_tail,
        tips=tuple(model.tips),
        messages=model.messages,
    )


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read, validate and compile one lexicon file; LexiconError names every fault."""
    return _compile(_validate(path, _read(path)))


def check_lexicon(path: Path | None = None) -> list[str]:
    """Every fault in a lexicon file, or an empty list (for `coach content check`)."""
    try:
        load_lexicon(path or LEXICON_PATH)
    except LexiconError as exc:
        return exc.faults
    return []


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded and compiled once per process."""
    return load_lexicon(LEXICON_PATH)
