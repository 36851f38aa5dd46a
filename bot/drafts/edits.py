"""Changes typed under a finished note: "can you add a line that families with mixed status
can still file?", "take out “I already told you”", "quita lo de la hora", "her name is pa nhia
not just nhia", "grandma cant write back so maybe no question at the end?". They had been
"Please pick one of the options"; now the line is added before the note's closing question,
the words or the closing question taken out, or the name put right, and kept for every version
of the note.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from bot.drafts.quality import has_open_door
from content.drafts_schema import Language

ADD: Literal["add"] = "add"
REMOVE: Literal["remove"] = "remove"
NO_QUESTION: Literal["no_question"] = "no_question"


class Edit(NamedTuple):
    kind: Literal["add", "remove", "no_question"]
    words: str


_POLITE = r"(?:(?:can|could|would) (?:you|u|ya) (?:please |pls |also )?|please |pls |also |and )?"
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
    r"(?:it'?s|its|it is|this is) (?:going )?to (?:her|him|them|the (?:mom|dad|family|parents?))|"
    r"no puedo enviar)\b",
    re.IGNORECASE,
)


# "take out" words that name the note itself, not a part of it.
_NOT_A_CHANGE = frozenset({"it", "that", "this", "all", "everything", "todo", "eso"})


# The closing question asked away: "no question at the end", "without the question", "sin la
# pregunta al final" (a grandmother who cannot write back).
_NO_QUESTION = re.compile(
    r"\b(?:no|without(?: the| a)?|take out the|remove the|drop the|leave off the|skip the|"
    r"leave out the|cut the)\s+(?:closing |last |final |ending |end )?question"
    r"|\bsin (?:la |una )?pregunta|\b(?:quita|quítale|quitale|borra) la pregunta",
    re.IGNORECASE,
)
# The child's name put right: "her name is pa nhia not just nhia", "it's Pa Nhia, one name",
# "se llama Ana Sofía".
_NAME_TOLD = re.compile(
    r"\b(?:(?:her|his|their|the (?:kid|child|student|girl|boy)(?:'s|’s)?) name is|"
    r"(?P<its>it|its|it's|it’s)(?=\s+\S+(?:\s+\S+)?\s+not\b)|(?:ella |él )?se llama|"
    r"su nombre es)"
    r"\s+(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})",
    re.IGNORECASE,
)
# Words that end a name told ("pa nhia not just nhia lol").
_AFTER_A_NAME = frozenset({
    "not", "lol", "and", "but", "no", "pero", "y", "so", "btw", "haha", "jaja", "its", "it's",
    "with", "spelled", "con", "is", "es",
})  # fmt: skip


def name_told(text: str, named: str) -> str | None:
    """The child's name as the educator puts it right under the note, capitalised. "it's X
    not Y" only when Y is the name the note has (`named`): "its fine not great" names no one."""
    found = _NAME_TOLD.search(text)
    if found is None:
        return None
    if found["its"] and not re.search(
        rf"\bnot\s+(?:just\s+)?{re.escape(named)}\b", text[found.start("name") :], re.IGNORECASE
    ):
        return None
    names: list[str] = []
    for word in found["name"].split():
        if word.casefold() in _AFTER_A_NAME:
            break
        names.append(word[:1].upper() + word[1:])
    return " ".join(names) or None


def asks_no_question(text: str) -> bool:
    return _NO_QUESTION.search(text) is not None


def with_edits(note: str, edits: list[list[str]]) -> str:
    """The note with each change made in order: words taken out wherever they appear, a
    line added before its closing sentence (the question that keeps the door open), or that
    question taken away."""
    for kind, words in edits:
        if kind == NO_QUESTION:
            note = _without_closing_question(note)
        else:
            note = _removed(note, words) if kind == REMOVE else _added(note, words)
    return note


def _without_closing_question(note: str) -> str:
    """The note without its closing question or invitation to reply ("Reply any time...")."""
    sentences = re.split(r"(?<=[.!?])\s+", note.strip())
    last = sentences[-1]
    if len(sentences) < 2 or not any(has_open_door(last, language) for language in Language):
        return note
    return " ".join(sentences[:-1])


def found_in(note: str, words: str) -> bool:
    return re.search(re.escape(words), note, re.IGNORECASE) is not None


def _removed(note: str, words: str) -> str:
    kept = re.sub(rf"\s*{re.escape(words)}[\s:,]*", " ", note, flags=re.IGNORECASE)
    kept = re.sub(r"\s+([.,!?;:])", r"\1", kept)
    kept = re.sub(r"([.!?])\.", r"\1", kept)  # a sentence taken out whole leaves one stop
    kept = re.sub(r"([:]\s*)([a-z])", lambda m: m[1] + m[2], kept)
    # What was left at a sentence's start gets its capital: "...suspended. The re-entry..."
    kept = re.sub(r"([.!?]\s+)([a-z])", lambda m: m[1] + m[2].upper(), kept)
    return re.sub(r"\s{2,}", " ", kept).strip()


def _added(note: str, words: str) -> str:
    line = words[:1].upper() + words[1:]
    if not line.endswith((".", "!", "?")):
        line += "."
    sentences = re.split(r"(?<=[.!?])\s+", note)
    if len(sentences) < 2:
        return f"{note} {line}"
    return " ".join([*sentences[:-1], line, sentences[-1]])
