"""A reply that missed what was meant, said so: a question asked again ("wow thanks so
helpful. i asked how to get them TO come" had been read as thanks), or news taken for a
question ("No, I wasn't asking about IEP meetings. I was telling you how the Theo thing
went" had been read as overload). The miss is owned, then the question answered or the news
listened to.
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


# "I wasn't asking about...", "i was just telling you", "no estaba preguntando".
_ONLY_TELLING = re.compile(
    r"\b(?:i was(?:n't| not) asking|i wasnt asking|i was (?:just |only )?telling you"
    r"|i was (?:just |only )?sharing|not a question|no (?:le |te )?estaba preguntando"
    r"|solo (?:le |te )?estaba contando|no era (?:una )?pregunta)\b",
    re.IGNORECASE,
)


def was_only_telling(text: str) -> bool:
    """The reply before took news for a question, and this says so."""
    return _ONLY_TELLING.search(text) is not None
