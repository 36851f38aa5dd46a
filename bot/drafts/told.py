"""What a request for a note home already tells: the child ("a text to Maria's mom") and the
moment ("...saying she did great on her reading test"), so the note does not ask for them
again. Read from the request only; kept in the conversation's sealed state like any answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.drafts.suggest import purpose_in
from content.drafts_schema import Purpose

# Whose family the note is for: "Maria's mom", "jaydens dad", "la mamá de Sofía".
_CHILD_OF = re.compile(
    r"(?:\b(?:for|to|about)\s+(?P<first>[^\W\d_]{2,8})\s+)?"  # "for pa nhia's family"
    r"(?<![\w'’])(?P<name>[^\W\d_]{2,})(?:'s|’s|s)\s+(?:mom|mum|mother|dad|father|parents?|"
    r"family|grandma|grandmother|grandpa|grandfather|guardian|aunt|uncle|mama|papa)\b",
    re.IGNORECASE,
)
_CHILD_OF_ES = re.compile(
    r"\b(?:la\s+mam[aá]|el\s+pap[aá]|los\s+pap[aá]s|la\s+familia|la\s+abuela|el\s+abuelo|"
    r"la\s+t[ií]a)\s+de\s+(?P<name>[^\W\d_]{2,})",
    re.IGNORECASE,
)
# Words before "'s mom" that are no child's name ("his mom", "my student's dad").
_NOT_A_NAME = frozenset([
    "his", "her", "their", "my", "the", "a", "student", "students", "kid", "kids", "child",
    "childs", "son", "sons", "daughter", "daughters", "boy", "boys", "girl", "girls", "one",
    "ones", "this", "that", "its", "it", "everyone", "everybody", "someone", "somebody", "mi",
    "su", "un", "una", "alumno", "alumna", "niño", "niña", "estudiante",
])  # fmt: skip
# The moment to tell, after the words that introduce it ("saying she did great...").
_MOMENT = re.compile(
    r"\b(?:saying|to say|say|to tell (?:her|him|them)|tell(?:ing)? (?:her|him|them)|"
    r"let(?:ting)? (?:her|him|them) know|diciendo|para decirle|decirle)\s+"
    r"(?:that\s+|que\s+)?(?P<moment>.{8,})$",
    re.IGNORECASE,
)


# ...or set off after whom it is for: "a note to jaylen's grandma, he's been doing way
# better in math".
_MOMENT_AFTER = re.compile(
    r"[,;:]\s+(?P<moment>(?:he|she|they|él|ella|ellos)(?:'s|’s|'ve|’ve|\s)\s*.{8,})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ToldInRequest:
    child: str | None
    moment: str | None


def told_in_request(text: str) -> ToldInRequest:
    """The child and the moment a request for a note names, each None when it does not."""
    return ToldInRequest(_child(text), _moment(text))


# Words after "to" or "for" that begin no two-word name ("to say tamika's mom").
_NOT_A_FIRST_NAME = frozenset([
    "say", "tell", "thank", "ask", "invite", "remind", "email", "text", "call", "write", "send",
    "let", "reach", "contact", "update", "congratulate", "welcome", "share", "show", "give",
    "home", "back", "out", "go", "talk", "speak", "explain",
])  # fmt: skip


def _child(text: str) -> str | None:
    for pattern in (_CHILD_OF, _CHILD_OF_ES):
        for found in pattern.finditer(text):
            name = found.group("name")
            typed = text[found.start("name") :].split()[0]  # "his" as typed, not "hi" + "s"
            if name.casefold() in _NOT_A_NAME or typed.casefold() in _NOT_A_NAME:
                continue
            names = [_capitalised(name)]
            first = found.groupdict().get("first")
            if first and first.casefold() not in _NOT_A_NAME | _NOT_A_FIRST_NAME:
                names.insert(0, _capitalised(first))  # "Pa Nhia", "Mary Beth"
            return " ".join(names)
    return None


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def _moment(text: str) -> str | None:
    found = _MOMENT.search(text.strip())
    if found is None and purpose_in(text) is Purpose.CELEBRATE:
        # Set off by a comma only as good news: "..., she's been really upset about the bus"
        # is no moment for a note to say.
        found = _MOMENT_AFTER.search(text.strip())
    if found is None:
        return None
    return found.group("moment").strip().rstrip(".!?¡¿ ") or None
