"""Which language a reply is written in, judged the way a reader would: by its small words.

Independent of the coach's own detector (bot/understanding/language.py) on purpose: a test of
what the coach says should not ask the coach. Words between backticks (what to type) and
between quotes (the educator's own words, repeated back) are left out.
"""

from __future__ import annotations

import re

SPANISH = frozenset(
    [
        "de",
        "la",
        "que",
        "el",
        "en",
        "y",
        "los",
        "su",
        "para",
        "con",
        "una",
        "por",
        "las",
        "es",
        "se",
        "lo",
        "del",
        "al",
        "como",
        "más",
        "pero",
        "sus",
        "le",
        "ya",
        "este",
        "esta",
        "sí",
        "porque",
        "cuando",
        "muy",
        "sin",
        "sobre",
        "también",
        "usted",
        "un",
        "hay",
        "qué",
        "cómo",
        "puede",
        "esto",
        "semana",
        "familias",
        "familia",
        "su",
        "sus",
        "nos",
        "ni",
        "o",
    ]
)
ENGLISH = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "in",
        "is",
        "you",
        "that",
        "it",
        "for",
        "on",
        "with",
        "your",
        "this",
        "be",
        "are",
        "i",
        "can",
        "what",
        "or",
        "my",
        "we",
        "week",
        "families",
        "family",
        "they",
        "their",
        "how",
        "will",
        "if",
        "at",
        "from",
    ]
)
_LEFT_OUT = re.compile(r"`[^`]*`|“[^”]*”|\"[^\"]*\"|_[^_]+_")
_WORD = re.compile(r"[a-záéíóúñü]+")


def language_of(text: str) -> str:
    """'es' or 'en': whichever language's small words the text uses more."""
    words = _WORD.findall(_LEFT_OUT.sub(" ", text.casefold()))
    spanish = sum(word in SPANISH for word in words)
    english = sum(word in ENGLISH for word in words)
    return "es" if spanish > english else "en"


def english_share(text: str) -> float:
    words = _WORD.findall(_LEFT_OUT.sub(" ", text.casefold()))
    spanish = sum(word in SPANISH for word in words)
    english = sum(word in ENGLISH and word not in SPANISH for word in words)
    return english / max(1, spanish + english)
