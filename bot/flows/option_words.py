"""An option named in words instead of tapped or numbered: "the first one", "option 2",
"#3", "i'll do the second", "la primera", "voy con la 2". Typed alone it is that option; typed
with more after a break ("option 2 but with the hernandez family instead"), the rest changes
it, and the action step keeps both (bot/flows/reflection.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.reader import is_asked

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
# When it will be done changes it too ("#2 tomorrow at dismissal" had been saved as typed).
_WHEN = (
    r"tomorrow|tmrw|tmr|today|tonight|this (?:week|afternoon|morning|evening)"
    r"|(?:on )?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri)(?:day)?|at (?:pickup|drop ?off|dismissal)"
    r"|after school|mañana|manana|hoy|esta (?:semana|tarde|noche)"
    r"|el (?:lunes|martes|miércoles|miercoles|jueves|viernes)"
)
_BREAK = re.compile(
    rf"^\s*(?:[,:;\-–—(]|but\b|pero\b|with\b|con\b|and\b|y\b|(?:{_WHEN})\b)", re.IGNORECASE
)
_PLEASE_AT_THE_END = re.compile(r"[\s,!]*(?:please|pls|plz|por favor)[\s.!]*$", re.IGNORECASE)
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
    change = _PLEASE_AT_THE_END.sub("", change)  # "the first one tomorrow pls"
    return NamedOption(number, change.rstrip(" .)"))


_SEVERAL = re.compile(
    r"^\s*(?:(?:options?|opciones|las|los|the)\s+)?\d\s*(?:(?:,|&|\+|/|and|y)\s*\d\s*)+[.!]*$",
    re.IGNORECASE,
)


def several_named(text: str) -> bool:
    """ "2 and 3", "1 & 3", "options 1, 2": more than one option chosen at once."""
    return _SEVERAL.match(text) is not None


# An option picked in passing, by its number among other words ("i think 3", "going w 1",
# "already picked, it's 1", "sorry, phone died. option 2", "me gustó la opción 1, la hago con
# Andrea"): the number follows a word that picks or names an option, ends the text, or opens
# it before a break. Only over the action options (a reflection's answer ending in a number,
# "i've called 2", is an answer).
_OPTION_WORDS = frozenset({"option", "opción", "opcion", "number", "número", "numero", "#", "la",
                           "el", "the"})  # fmt: skip
_PICKING_WORDS = frozenset({
    "do", "doing", "pick", "picking", "picked", "take", "taking", "go", "going", "w", "with",
    "meant", "maybe", "think", "guess", "prob", "probably", "try", "trying", "hago", "haré",
    "voy", "elijo", "escojo", "quedo", "creo", "mejor",
})  # fmt: skip
# A number after these is a time, a count or a place ("call mom at 3", "top 3", "grade 4").
_NOT_AN_OPTION_BEFORE = frozenset({
    "at", "by", "before", "after", "until", "til", "till", "around", "about", "las", "a", "of",
    "to", "from", "grade", "grado", "period", "room", "top", "under", "over", "every", "per",
    "than", "in", "my", "our", "his", "her", "their", "those", "these", "los", "mis", "sus",
})  # fmt: skip
# What may follow the number when no break does ("doing 3 on wednesday", "2 i guess").
_AFTER_THE_NUMBER = frozenset({
    "i", "i'll", "on", "this", "for", "with", "w", "but", "then", "tomorrow", "tmrw", "today",
    "tonight", "lol", "pls", "please", "since", "because", "bc", "cause", "it", "it's", "its",
    "pero", "con", "para", "el", "este", "mañana", "hoy", "y", "and", "sure", "probably", "prob",
})  # fmt: skip
# Before the number these say it is not picked now: "definitely not 3", "ya hice la 1".
_NEGATIONS = frozenset({"not", "no", "don't", "dont", "never", "except", "nunca", "ni", "sin",
                        "did", "done", "finished", "hice", "terminé", "termine"})  # fmt: skip
# A question about an option is no pick of it: "wait whats option 1", "is there a script for 2".
_ASKING = frozenset({"what", "whats", "what's", "which", "how", "why", "where", "qué", "cuál",
                     "cual", "cómo", "dónde"})  # fmt: skip
_OPTION_NUMBERS = frozenset("123456789")
_BREAKS = frozenset({",", ";", ":", "-", "–", "—", "."})
_TOKENS = re.compile(r"[#\w'’.]+|[,;:\-–—!]")


def option_in_passing(text: str) -> int | None:
    """The one option number a text typed over the options picks among other words, or None:
    none, more than one number, a question, or a number that counts or tells a time."""
    if is_asked(text):
        return None
    tokens = [
        token.casefold().rstrip(".").replace("’", "'") or "." for token in _TOKENS.findall(text)
    ]
    if _ASKING & set(tokens) or "is there" in " ".join(tokens):  # "wait whats option 1"
        return None
    # Any digit counts as a number here ("²" too), so a text with another is never read.
    numbers = [i for i, token in enumerate(tokens) if any(c.isdigit() for c in token)]
    if len(numbers) != 1 or tokens[numbers[0]] not in _OPTION_NUMBERS:
        return None
    at = numbers[0]
    before = tokens[at - 1] if at > 0 else ""
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    if before in _NOT_AN_OPTION_BEFORE or _NEGATIONS & set(tokens[max(0, at - 2) : at]):
        return None  # "call mom at 3", "definitely not 3"
    ends = after == "" or all(not t.isalnum() for t in tokens[at + 1 :])
    opens_before_a_break = at == 0 and (after in _BREAKS or text.split()[0].endswith("."))
    named = before in _OPTION_WORDS or before in _PICKING_WORDS
    followed_well = ends or after in _AFTER_THE_NUMBER or not after.isalnum()
    if opens_before_a_break or (named and followed_well) or ends:
        return int(tokens[at])
    return None
