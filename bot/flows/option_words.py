"""An option named in words instead of tapped or numbered: "the first one", "option 2",
"#3", "i'll do the second", "la primera", "voy con la 2". Typed alone it is that option; typed
with more after a break ("option 2 but with the hernandez family instead"), the rest changes
it, and the action step keeps both (bot/flows/reflection.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "primera": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3,
    "cuarta": 4, "cuarto": 4,
}  # fmt: skip
_REFERENCE = re.compile(
    # "ok, the first one", "dale, la primera", "sí, la 2": a yes before it says nothing more.
    r"^(?:(?:ok(?:ay)?|yes|yeah|sure|sí|si|dale|va|bueno|pues)[\s,.!]+)?"
    r"(?:(?:i'?ll (?:do|take|go with|pick)|i'?m (?:doing|taking)|(?:go|going) with|let'?s do"
    r"|me quedo con|voy con|elijo)\s+)?"
    rf"(?:(?:the |la |el )?(?P<ordinal>{'|'.join(_ORDINALS)})(?:\s+(?:one|option|opción|opcion))?"
    r"|(?:option|opción|opcion|number|número|numero|no\.?|#|la|el)\s*(?P<number>\d))"
    r"(?![\w'])"
)
# What may follow a reference when the rest changes the option, not the sentence's subject
# ("the first one to come was grandma" names no option).
_BREAK = re.compile(r"^\s*(?:[,:;\-–—(]|but\b|pero\b|with\b|con\b|and\b|y\b)", re.IGNORECASE)
_SAYS_NOTHING_MORE = re.compile(r"^[\s.!]*(?:please|pls|plz|por favor)?[\s.!]*$", re.IGNORECASE)


@dataclass(frozen=True)
class NamedOption:
    number: int  # 1-based, as shown
    change: str  # what follows the reference ("with the hernandez family instead"), or ""


def option_named(text: str) -> NamedOption | None:
    """The option the text names in words, and any change said after it; None for text that
    names none."""
    typed = text.strip()
    found = _REFERENCE.match(typed.casefold())
    if found is None:
        return None
    number = int(found["number"]) if found["number"] else _ORDINALS[found["ordinal"]]
    rest = typed[found.end() :]
    if _SAYS_NOTHING_MORE.match(rest):
        return NamedOption(number, "")
    if not _BREAK.match(rest):
        return None
    change = re.sub(r"^\s*(?:[,:;\-–—(]\s*)*(?:(?:but|pero)\s+)?", "", rest, flags=re.I)
    return NamedOption(number, change.rstrip(" .)"))


_SEVERAL = re.compile(
    r"^\s*(?:(?:options?|opciones|las|los|the)\s+)?\d\s*(?:(?:,|&|\+|/|and|y)\s*\d\s*)+[.!]*$",
    re.IGNORECASE,
)


def several_named(text: str) -> bool:
    """ "2 and 3", "1 & 3", "options 1, 2": more than one option chosen at once."""
    return _SEVERAL.match(text) is not None
