"""A question asked again after a reply that missed it: "wow thanks so helpful. i asked how
to get them TO come". It had been read as thanks ("You're welcome"); now the question as
restated is answered, after owning the miss.
"""

from __future__ import annotations

import re

# "i asked how...", "my question was whether...", "no, pregunté cómo...": at a sentence's start,
# and followed by what was asked (a question word), not "i asked mom how she was".
_ASKED_AGAIN = re.compile(
    r"(?:^|[.!?]\s*|\bno,?\s+|\bbut\s+|\bpero\s+)"
    r"(?:i asked|i was asking|im asking|i'm asking|i am asking|my question was|what i asked was"
    r"|i meant|le pregunt[eé]|pregunt[eé]|mi pregunta era|lo que pregunt[eé] (?:fue|es))\s+"
    r"(?:you\s+|te\s+|le\s+)?(?:about\s+|sobre\s+)?"
    r"(?P<asked>(?:how|what|why|when|where|who|whether|if|c[oó]mo|qu[eé]|por qu[eé]|cu[aá]ndo"
    r"|d[oó]nde|qui[eé]n|si)\b.{6,})$",
    re.IGNORECASE,
)


_THEM = re.compile(r"\b(?:them|they)\b", re.IGNORECASE)


def restated_question(text: str) -> str | None:
    """The question asked again in other words, or None when the text restates none."""
    found = _ASKED_AGAIN.search(text.strip())
    if found is None:
        return None
    # "them" was said of whom the question before was about: families, nearly always.
    asked = _THEM.sub("families", found["asked"].strip())
    return asked if asked.endswith("?") else f"{asked}?"
