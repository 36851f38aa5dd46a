"""An option named in words instead of tapped or numbered: "the first one", "option 2",
"#3", "i'll do the second", "la primera", "voy con la 2". Typed alone it is that option; typed
with more after a break ("option 2 but with the hernandez family instead"), the rest changes
it, and the action step keeps both (bot/flows/reflection.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.understanding.reader import is_asked

_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "primera": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3,
    "cuarta": 4, "cuarto": 4,
    "frist": 1, "secnd": 2, "seccond": 2, "scond": 2, "thrid": 3,  # typed in a hurry
}  # fmt: skip
# A number in words, after "option" or alone: "option two", "tres".
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "uno": 1, "una": 1, "dos": 2,
                 "tres": 3, "cuatro": 4}  # fmt: skip
# Words that pick before the reference: "i'll do the second", "going w 3", "voy con la 2".
_PICKING = (
    r"(?:i'?ll (?:do|take|go with|go w|pick|try)|i'?m (?:doing|taking|picking|going with)"
    r"|(?:go|going) (?:with|w)|let'?s (?:do|go with)|i (?:pick|choose|want)"
    r"|me quedo con|voy con|elijo|hago)"
)
# "ok, the first one", "dale, la primera", "sí, la 2": a yes before it says nothing more.
_YES_WORD = r"(?:ok(?:ay)?|so|yes|yeah|yep|sure|um+|uh+|hmm+|sí|si|dale|va|bueno|pues)[\s,.!]+"
_REFERENCE = re.compile(
    rf"^(?:{_YES_WORD})*"
    rf"(?:{_PICKING}\s+)?"
    rf"(?:(?:the |la |el )?(?P<ordinal>{'|'.join(_ORDINALS)})(?:\s+(?:one|option|opción|opcion))?"
    r"|(?:option|opción|opcion|number|número|numero|no\.?|#|la|el)\s*(?P<number>\d)"
    r"|(?:(?:option|opción|opcion|number|número|numero|la|el)\s+)?"
    rf"(?P<word>{'|'.join(_NUMBER_WORDS)})"
    # A bare number counts with a break after it (below): "2 but on friday", "1 pls".
    r"|(?P<bare>[1-9]))"
    r"(?![\w'])"
)
# What may follow a reference when the rest changes the option, not the sentence's subject
# ("the first one to come was grandma" names no option).
# When it will be done changes it too ("#2 tomorrow at dismissal" had been saved as typed).
_WHEN = (
    r"tomorrow|tmrw|tmr|tmw|today|tonight|tonite|2nite|this|next"
    r"|(?:on )?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri)(?:day)?|at (?:pickup|drop ?off|dismissal)"
    r"|after school|mañana|manana|hoy|esta (?:semana|tarde|noche)"
    r"|el (?:lunes|martes|miércoles|miercoles|jueves|viernes)"
)
# ...and so do words that place it: "1 for the Nguyens", "2 in spanish", "3 sometime before
# friday", "option 1 w my co-teacher".
_PLACING = (
    r"for|in|at|by|before|after|during|sometime|later|via|about|over|through|w/?|re:?|the"
    r"|para|en|antes|después|despues|por|sobre"
)
_BREAK = re.compile(
    rf"^\s*(?:[,:;\-–—(]|(?:but|pero|with|con|and|y|{_PLACING}|{_WHEN})(?![\w']))",
    re.IGNORECASE,
)
# "...for sure", "...for real": nothing to keep.
_NOTHING_KEPT = re.compile(r"^(?:for (?:sure|real|now)|i guess|i think|lol)$", re.IGNORECASE)
# Said after the pick, changing nothing: "2 i think", "3 prob", "la 1 creo".
_HEDGE = re.compile(
    r"^[\s,]*(?:i think|i guess|probably|prob|maybe|lol|then|creo|supongo)(?![\w'])[\s,]*",
    re.IGNORECASE,
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
    number_typed = found["number"] or found["bare"]
    if number_typed:
        number = int(number_typed)
    elif found["word"]:
        number = _NUMBER_WORDS[found["word"]]
    else:
        number = _ORDINALS[found["ordinal"]]
    return _with_change(number, typed[found.end() :])


def _with_change(number: int, rest: str) -> NamedOption | None:
    """The option, with what is said after it that changes or places it."""
    rest = _HEDGE.sub("", rest)  # "1 i think", "2 prob for mr okafor"
    if _SAYS_NOTHING_MORE.match(rest):
        return NamedOption(number, "")
    if not _BREAK.match(rest):
        return None
    change = re.sub(r"^\s*(?:[,:;\-–—(]\s*)*(?:(?:but|pero)\s+)?", "", rest, flags=re.I)
    change = _PLEASE_AT_THE_END.sub("", change).rstrip(" .)")  # "the first one tomorrow pls"
    return NamedOption(number, "" if _NOTHING_KEPT.match(change) else change)


_SEVERAL = re.compile(
    r"^\s*(?:(?:options?|opciones|las|los|the|la|el|#)\s*)?\d\s*"
    r"(?:(?:,|&|\+|/|and|y)\s*(?:(?:option|la|el|#)\s*)?\d\s*)+[.!]*$",
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
                        "cant", "can't", "cannot", "won't", "wont", "couldn't", "couldnt",
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


# An option named by what it says: "the note one", "ill do the dot list", "the one about the
# interpreter", "la de la nota", "the colleague one, ms rivera". The words between the
# article and "one" (or the end) must each be in exactly one option's text.
_YES = re.compile(rf"^(?:{_YES_WORD})+", re.IGNORECASE)
_LEAD = re.compile(rf"^{_PICKING}\s+", re.IGNORECASE)
_ARTICLE = re.compile(
    r"^(?P<article>the|teh|da|la|el|lo)\s+"
    r"(?:one\s+(?:about|with|w|where)\s+(?:the\s+|a\s+)?|de\s+(?:la\s+|el\s+|los\s+|las\s+)?|que\s+)?",
    re.IGNORECASE,
)
_MARKERS = frozenset({"one", "thing", "option", "idea", "uno", "una", "opción", "opcion"})
_SMALL_WORDS = frozenset({"the", "a", "an", "la", "el", "de", "los", "las", "del", "my", "one",
                          "your", "about", "with", "mi", "su", "un", "una", "to", "of", "and",
                          "y"})  # fmt: skip
_WORD = re.compile(r"[\w'’-]+|[,:;\-–—(]", re.UNICODE)
OPTION_WORDS_MOST = 5  # "the text instead of a call one": a reference, not a sentence
ARTICLE_WORDS_MOST = 3  # "the dot list", with no "one" after it
# Without "the ... one", the option's own words ("book an interpreter", "writing down an
# assumption"): every word in one option's text, at least this many, in a text this short.
RESTATED_WORDS_LEAST = 2
RESTATED_WORDS_MOST = 6
RESTATED_WITH_CHANGE_LEAST = 3
SAME_WORD_SCORE = 90  # rapidfuzz ratio for a typo'd word ("interpeter"; "secnd" is not "send")


def option_by_its_words(text: str, options: list[str]) -> NamedOption | None:
    """The one option whose words the text names it by, with any change said after; None
    when the words fit no option or more than one."""
    typed = _LEAD.sub("", _YES.sub("", text.strip()))
    article = _ARTICLE.match(typed)
    body = typed[article.end() :] if article else typed
    body = re.sub(r"(?<=\w)-(?=\w)", " ", body)  # "co-host" as the option's words are read
    what: list[str] = []
    end = 0
    marked = False
    for token in _WORD.finditer(body):
        folded = token.group(0).casefold()
        if what and folded in _MARKERS:  # "the note one"; "the one sentence thing" reads on
            marked, end = True, token.end()
            break
        if not folded[0].isalnum() or (what and _BREAK.match(folded)):
            break
        what.append(folded)
        end = token.end()
    pointed = marked or (article is not None and article.group(0).strip() != article.group(1))
    if pointed:  # "the note one", "the one with no ask attached": most of its words
        named = _named(what)
        counts = [sum(_said_in(word, option) for word in named) for option in options]
        best = max(counts, default=0)
        if len(what) > OPTION_WORDS_MOST or not named or best * 2 < len(named):
            return None
        return _with_change(counts.index(best) + 1, body[end:]) if counts.count(best) == 1 else None
    if article is not None:
        # "ill do teh dot list": a few words, every one the option's ("the only contact
        # listed is the kid's aunt..." tells, and had been taken for "List every family").
        number = _restating(what, options, 1) if len(what) <= ARTICLE_WORDS_MOST else None
        return None if number is None else _with_change(number, body[end:])
    # The option's own words, every one: the whole text ("book an interpreter", "list w
    # dots"), or, before what changes it, at least three ("text instead of call for the
    # Bakers"); "text 2 families about friday" is a step of their own.
    whole = [word.casefold() for word in re.findall(r"[\w'’]+", body)]
    if len(whole) <= RESTATED_WORDS_MOST:
        number = _restating(whole, options, RESTATED_WORDS_LEAST)
        if number is not None:
            return NamedOption(number, "")
    number = _restating(what, options, RESTATED_WITH_CHANGE_LEAST)
    return _with_change(number, body[end:]) if number is not None else None


def _named(what: list[str]) -> list[str]:
    return [word for word in what if word not in _SMALL_WORDS and len(word) >= 3]


def _restating(what: list[str], options: list[str], least: int) -> int | None:
    """The one option every word of `what` is in (at least `least` of them), or None."""
    named = _named(what)
    if len(named) < least:
        return None
    fitting = [
        number
        for number, option in enumerate(options, start=1)
        if all(_said_in(word, option) for word in named)
    ]
    return fitting[0] if len(fitting) == 1 else None


def _said_in(word: str, option: str) -> bool:
    for said in re.findall(r"[\w']+", option.casefold()):  # "two-sentence" is two words
        if _same_stem(word, said):
            return True
        if len(word) >= 6 and fuzz.ratio(word, said) >= SAME_WORD_SCORE:
            return True
    return False


def _same_stem(word: str, said: str) -> bool:
    """ "note"/"notes", "call"/"calling", "interpreter"/"interpreters"; not "note"/"nothing"
    or "interpreter"/"interest"."""
    shorter, longer = sorted((word, said), key=len)
    stem = shorter if len(shorter) <= 4 else shorter[:-1]
    # "intro"/"introducing": a longer stem may take a longer ending.
    most_added = 3 if len(shorter) <= 4 else 6
    return (
        len(shorter) >= 3 and longer.startswith(stem) and len(longer) - len(shorter) <= most_added
    )


# "my own", "can i do my own", "none of those, ill write one", "escribo la mía": the option to
# write their own, asked for in words.
_OWN = re.compile(
    r"(?<![\w'])(?:my own|mine|la m[ií]a|mi propia|uno propio|una propia|lo m[ií]o)"
    r"(?:\s+(?:one|thing|action|step|idea|acción|accion|instead))?(?P<after>.*)$",
    re.IGNORECASE,
)
_WRITE_ONE = re.compile(
    r"(?<![\w'])(?:write|type|make|escribir|escribo|hacer|hago)\s+(?:one|una|uno)"
    r"(?:\s+(?:up|myself|yo))?[\s.!]*$",
    re.IGNORECASE,
)
# After "my own" only these end the request ("my own kids are sick" is no request).
_OWN_ENDS = re.compile(r"^(?:[\s,.!?]*$|\s*[,.!;]|\s+(?:pls|please|por favor|plz|lol)\b)", re.I)
OWN_WORDS_MOST = 10


def asks_to_write_own(text: str) -> bool:
    """The educator asks, in words, to write their own action."""
    if len(text.split()) > OWN_WORDS_MOST:
        return False
    own = _OWN.search(text)
    if own is not None and _OWN_ENDS.match(own["after"]):
        return True
    return _WRITE_ONE.search(text) is not None
