"""Pick one of several written variants, the same one every time for the same text."""

from __future__ import annotations

import zlib
from collections.abc import Sequence


def pick(variants: Sequence[str], text: str) -> str:
    """Deterministic (unlike hash(), which changes per process): crc32 of the text."""
    return variants[zlib.crc32(text.encode("utf-8")) % len(variants)]


def in_turn(count: int, text: str) -> list[int]:
    """Every variant's index, starting from the one `pick` chooses for this text: what to say
    instead when that one was said already."""
    first = zlib.crc32(text.encode("utf-8")) % count
    return [(first + step) % count for step in range(count)]
