"""Changes typed under a finished note: "can you add a line that families with mixed status
can still file?", "take out “I already told you”", "quita lo de la hora". They had been
"Please pick one of the options"; now the line is added before the note's closing question,
or the words taken out, and kept for every version of the note.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

ADD: Literal["add"] = "add"
REMOVE: Literal["remove"] = "remove"


class Edit(NamedTuple):
    kind: Literal["add", "remove"]
    words: str


_POLITE = r"(?:(?:can|could|would) you (?:please |pls |also )?|please |pls |also |and )?"
_ADD = re.compile(
    rf"^\W*{_POLITE}(?:add|include|put in|mention)(?: in)?"
    r"(?: a line| a sentence| something| a note)?(?: (?:that|saying|to say|about))?"
    r"[\s:,]+(?P<words>.+)$"
    r"|^\W*(?:puedes |podrías |podrias |por favor )?(?:agrega|agregar|agrégale|agregale|añade|"
    r"añadir|pon|ponle|menciona)(?: una línea| una linea| una frase)?(?: que| diciendo que)?"
    r"[\s:,]+(?P<palabras>.+)$",
    re.IGNORECASE,
)
_REMOVE = re.compile(
    rf"^\W*{_POLITE}(?:take out|remove|delete|leave out|drop|get rid of)[\s:,]+(?P<words>.+)$"
    r"|^\W*(?:puedes |podrías |podrias |por favor )?(?:quita|quítale|quitale|quitar|borra|"
    r"bórrale|borrale|elimina)(?: lo de| la parte de| la frase)?[\s:,]+(?P<palabras>.+)$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”«»']([^\"“”«»']{3,})[\"“”«»']")
# What is said to the coach after the change ("? but nicely", ", that was me talking to you").
_TRAILING_ASIDE = re.compile(
    r"\s*(?:\?|,|\.)\s*(?:but |pero )?(?:nicely|kindly|pls|please|thanks|thank you|por favor|"
    r"gracias|that was me.*|eso era para ti.*)?\s*$",
    re.IGNORECASE,
)


def edit_asked(text: str) -> Edit | None:
    """The change a text typed under a note asks for, or None when it asks none."""
    for kind, pattern in ((REMOVE, _REMOVE), (ADD, _ADD)):
        found = pattern.match(text.strip())
        if found is None:
            continue
        asked = found["words"] or found["palabras"] or ""
        quoted = _QUOTED.search(asked)
        words = quoted[1] if quoted else _TRAILING_ASIDE.sub("", asked.split("?")[0])
        words = words.strip(" .,:;!¿?")
        if len(words.split()) >= 1 and words.casefold() not in _NOT_A_CHANGE:
            return Edit(kind, words)
    quoted = _QUOTED.search(text)
    if quoted is not None and _OBJECTED.search(text):
        # 'you put "his mom was very upset at the front desk" in a letter TO his mom. i cant
        # send that.': the quoted words taken out (it had been "Please pick one").
        return Edit(REMOVE, quoted[1].strip(" .,:;!¿?"))
    return None


# Said of words the coach put in the note that do not belong there.
_OBJECTED = re.compile(
    r"\b(?:you put|it put|u put|you wrote|it wrote|you added|why is|why did you|"
    r"can'?t send|cannot send|can not send|could never send|shouldn'?t be in|doesn'?t belong|"
    r"does not belong|was for you|not for (?:the family|her|him|them)|pusiste|no puedo mandar|"
    r"no puedo enviar)\b",
    re.IGNORECASE,
)


# "take out" words that name the note itself, not a part of it.
_NOT_A_CHANGE = frozenset({"it", "that", "this", "all", "everything", "todo", "eso"})


def with_edits(note: str, edits: list[list[str]]) -> str:
    """The note with each change made in order: words taken out wherever they appear, a
    line added before its closing sentence (the question that keeps the door open)."""
    for kind, words in edits:
        note = _removed(note, words) if kind == REMOVE else _added(note, words)
    return note


def found_in(note: str, words: str) -> bool:
    return re.search(re.escape(words), note, re.IGNORECASE) is not None


def _removed(note: str, words: str) -> str:
    kept = re.sub(rf"\s*{re.escape(words)}[\s:,]*", " ", note, flags=re.IGNORECASE)
    kept = re.sub(r"\s+([.,!?;:])", r"\1", kept)
    kept = re.sub(r"([.!?])\.", r"\1", kept)  # a sentence taken out whole leaves one stop
    kept = re.sub(r"([:]\s*)([a-z])", lambda m: m[1] + m[2], kept)
    return re.sub(r"\s{2,}", " ", kept).strip()


def _added(note: str, words: str) -> str:
    line = words[:1].upper() + words[1:]
    if not line.endswith((".", "!", "?")):
        line += "."
    sentences = re.split(r"(?<=[.!?])\s+", note)
    if len(sentences) < 2:
        return f"{note} {line}"
    return " ".join([*sentences[:-1], line, sentences[-1]])
