"""Reading a small whole number someone typed: a count, a menu choice, a row id from a button."""

from __future__ import annotations

# Nine digits stay below 2**31, so a parsed id always fits an INTEGER column on every database.
MAX_DIGITS = 9


def parse_small_int(text: str, *, max_digits: int = MAX_DIGITS) -> int | None:
    """The number for plain ASCII digits of a sane length (no spaces); None for anything else.

    `str.isdigit()` also accepts "²" or "٣", which `int()` then refuses or reads in a way
    nobody meant, and a 20-digit id overflows the database: both are just "not a number" here.
    """
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
