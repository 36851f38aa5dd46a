"""The coach's own sentences (not framework content) in the language of the educator it answers.

Code strings are gettext messages: the English sentence is the key, written where the code
says it, and each other language has a catalogue (`bot/locale/LANG/LC_MESSAGES/coach.po`),
the format translators' tools (Poedit, Weblate) read. Content in `content/` carries its
languages in the YAML instead (content/languages.py).

Which language is spoken is a context variable, set once per turn (the educator's language)
and once per scheduled send, so the many functions between a turn and its sentences need not
pass it along. A sentence defined at import is a `Msg`: it is looked up when it is said, not
when the module loads. Sentences written inline go through `_()` at the moment they are said.

    pybabel extract -k Msg -k _ -o coach.pot bot adapters   # what needs translating
    pybabel update -i coach.pot -d bot/locale -D coach         # carry it into each catalogue
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from content.languages import DEFAULT_LANGUAGE, LANGUAGES

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "coach"

_speaking: ContextVar[str] = ContextVar("coach_language", default=DEFAULT_LANGUAGE)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Say everything inside in `language` (an unknown one falls back to English)."""
    token = _speaking.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _speaking.reset(token)


def current_language() -> str:
    return _speaking.get()


def catalogue_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> dict[str, str]:
    """English sentence -> its translation: finished entries only (a fuzzy or empty one is
    not yet translated, and English is said instead until `coach content check` passes)."""
    if language == DEFAULT_LANGUAGE:
        return {}
    path = catalogue_path(language)
    if not path.exists():
        return {}
    with path.open("rb") as po:
        catalogue = read_po(po, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and message.string and not message.fuzzy
    }


def in_language(english: str, language: str) -> str:
    return translations(language).get(english, english)


def _(english: str) -> str:
    """`english` in the language being spoken now."""
    return in_language(english, current_language())


class Msg:
    """A sentence kept in a module and said later, in the language of the moment it is said.

    Not a `str` on purpose: a place that would pass it on unsaid (and so in English) is a type
    error, not a silent slip."""

    __slots__ = ("english",)

    def __init__(self, english: str) -> None:
        self.english = english

    def __str__(self) -> str:
        return _(self.english)

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str(self).format(*args, **kwargs)

    def in_language(self, language: str) -> str:
        return in_language(self.english, language)

    def __repr__(self) -> str:
        return f"Msg({self.english!r})"
