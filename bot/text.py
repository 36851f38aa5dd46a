"""Cleaning what an educator typed before the coach reads it."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t]+")


def clean(text: str) -> str:
    """Normalise Unicode, drop control and direction characters, tidy whitespace."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def split_command(text: str) -> tuple[str, str]:
    """The first word, lower-cased, and the rest as typed."""
    head, _, rest = text.strip().partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = f"{more}\n{rest}".strip()
    return head.casefold(), rest.strip()


def without_accents(word: str) -> str:
    """ "cognición" -> "cognicion": Spanish typed with or without its accents reads the same."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
