"""`coach content check` for the coach's own sentences: every one written in the code has a
finished translation in each language's catalogue, with the same placeholders, and each
catalogue holds nothing the code no longer says. Also counts them per language and reports
the Spanish reading ease (Fernández Huerta), as the content check does for framework text."""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALE_DIR, catalogue_path
from content.languages import DEFAULT_LANGUAGE, LANGUAGES

# The calls that mark a sentence to translate (bot/i18n.py).
KEYWORDS = {"Msg": None, "_": None}


@dataclass(frozen=True)
class CatalogueReport:
    faults: list[str]
    summary: str


def sentences_in_code(source_dirs: Iterable[Path]) -> set[str]:
    """Every sentence marked with Msg(...) or _(...) under the given package directories."""
    found: set[str] = set()
    for directory in source_dirs:
        for _, _, message, _, _ in extract_from_dir(
            str(directory), method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            if isinstance(message, str) and message:
                found.add(message)
    return found


def placeholders(text: str) -> list[str]:
    try:
        return sorted(f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name)
    except ValueError:
        return ["(unbalanced braces)"]


def check_catalogues(source_dirs: Iterable[Path], locale_dir: Path = LOCALE_DIR) -> CatalogueReport:
    english = sentences_in_code(source_dirs)
    faults: list[str] = []
    counts = {DEFAULT_LANGUAGE: len(english)}
    spanish: list[str] = []
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        path = catalogue_path(language, locale_dir)
        where = f"bot/locale/{language}/LC_MESSAGES/{path.name}"
        if not path.exists():
            faults.append(f"{where}: missing ({len(english)} sentences to translate)")
            counts[language] = 0
            continue
        with path.open("rb") as po:
            catalogue = read_po(po, locale=language)
        done = {str(m.id): str(m.string) for m in catalogue if m.id and m.string and not m.fuzzy}
        for sentence in sorted(english - set(done)):
            faults.append(f"{where}: no finished translation of {sentence[:70]!r}")
        for sentence in sorted(set(done) - english):
            faults.append(f"{where}: {sentence[:70]!r} is no longer said by the code")
        for sentence, translated in sorted(done.items()):
            if sentence in english and placeholders(sentence) != placeholders(translated):
                faults.append(
                    f"{where}: placeholders differ in {sentence[:50]!r}: "
                    f"{placeholders(sentence)} vs {placeholders(translated)}"
                )
        counts[language] = len(english & set(done))
        if language == "es":
            spanish = [done[s] for s in english & set(done)]
    if len(set(counts.values())) > 1:
        faults.append(f"coach sentences per language differ: {counts}")
    summary = "Coach sentences (code) per language: " + ", ".join(
        f"{language} {count}" for language, count in counts.items()
    )
    if spanish:
        summary += f"; {_reading_ease(spanish)}"
    return CatalogueReport(faults, summary)


def _reading_ease(texts: list[str]) -> str:
    import textstat  # type: ignore[import-untyped]

    textstat.set_lang("es")
    try:
        scores = sorted(float(textstat.fernandez_huerta(text)) for text in texts)
    finally:
        textstat.set_lang("en")
    return f"Spanish reading ease (Fernández Huerta) median {scores[len(scores) // 2]:.0f}"
