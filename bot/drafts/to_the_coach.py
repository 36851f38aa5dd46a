"""What a detail typed for a note home says to the coach rather than to the family, and what
to check before a written note goes (session 36: a nurse's "i dont want it to sound like a
truancy letter" and "older sister says shes home watching the baby" went into the note as
written, and "i dont really speak spanish" into a note in Spanish).
"""

from __future__ import annotations

import re

from bot.understanding.language import ENGLISH_WORDS, SPANISH_WORDS
from bot.understanding.normalise import for_matching, words
from bot.understanding.reader import sentences_with_their_ends

# A wish about how the note comes across: a want of the educator's and a word for how it
# reads ("i want to offer to help not shame them", "no quiero que suene a regaño").
_A_WANT = re.compile(
    r"\b(?:i (?:do ?n['’]?t |do not |really )?(?:want|need)|i['’]?d (?:rather|like)|"
    r"(?:no )?quiero|no me gustar[ií]a)\b",
    re.IGNORECASE,
)
_HOW_IT_READS = re.compile(
    r"\b(?:sound|sounds|sounding|come across|comes across|shame|shamed|shaming|judged|judge|"
    r"judging|blame|blamed|preachy|harsh|threatening|scary|scare|truancy letter|feel bad|"
    r"feel attacked|in trouble|suene|suena|parezca|regaño|rega[nñ]ada|juzgad[ao]s?|culpa|"
    r"se sienta mal|se sientan mal|asustar|amenaza)\b",
    re.IGNORECASE,
)
# "i dont really speak spanish", "my spanish is bad", "no hablo bien español".
_NO_SPANISH = re.compile(
    r"\b(?:i (?:do ?n['’]?t|do not|can['’]?t|cannot) (?:really |actually |even )?"
    r"(?:speak|write|read|know) (?:much |any |good )?spanish|"
    r"my spanish is (?:bad|not good|terrible|rusty|not great|limited|awful)|"
    r"no (?:hablo|escribo|s[eé]) (?:bien |mucho )?(?:el )?espa[nñ]ol)\b[^.!?]*[.!?]?",
    re.IGNORECASE,
)
# "I can translate it myself, I'm Vietnamese", "just help me with the english version and
# I'll do the rest", "yo lo traduzco": the educator puts the note into the family's language.
_TRANSLATING_MYSELF = re.compile(
    r"\b(?:i (?:can|will|'ll|could) (?:just )?(?:translate|do the translation|put it into \w+)"
    r"|ill (?:just )?translate|translate it myself|(?:help me with|just (?:do|write)) the english"
    r" (?:version|one|part)|i'?ll do the (?:rest|\w+ (?:version|part|one))|(?:yo )?lo traduzco"
    r"|yo la traduzco|la traduzco yo|lo traduzco yo)\b[^.!?]*[.!?]?",
    re.IGNORECASE,
)
# Someone other than the family said to be the source ("older sister says", "me dijo su
# hermano"): worth a second look before the family reads who told.
_TOLD_BY_ANOTHER = re.compile(
    r"\b(?:(?:older |little |big |younger )?(?:sister|brother|sibling|cousin|neighbou?r|"
    r"classmate|friend|another parent|other parents|other kids|bus driver)s?"
    r"(?: \w+)? (?:says|said|told me|told us|mentioned)|"
    r"(?:su |la |el )?(?:hermana|hermano|prima|primo|vecina|vecino|compa[nñ]er[oa]|amig[oa])"
    r"(?: \w+)? (?:dice|dijo|me dijo|nos dijo|cont[oó]))\b",
    re.IGNORECASE,
)
# A note to the family that speaks of them as "her" or "them" in an instruction to oneself
# ("I want to thank her for speaking, own that we never called her back, and ask her to
# meet"), which the family would read as written.
_ABOUT_THE_READER = re.compile(
    r"\b(?:thank|ask|tell|invite|remind|let|call|text|email|apologi[sz]e to|show|give)\s+"
    r"(?:her|him|them|the (?:mom|dad|mother|father|parents?|family|grandma|grandmother))\b",
    re.IGNORECASE,
)
_WANTS_OF_ONESELF = re.compile(r"\b(?:i want to|i'?d like to|i need to|i wanna)\b", re.IGNORECASE)
# Words read as English in a note meant to be in Spanish: at least this many, and more than
# the Spanish ones.
ENGLISH_LEAST_WORDS = 2


def without_how_it_should_sound(typed: str) -> tuple[str, bool]:
    """The detail without its sentences about how the note should come across, and whether
    there were any."""
    sentences = sentences_with_their_ends(typed)
    kept = [s for s in sentences if not (_A_WANT.search(s) and _HOW_IT_READS.search(s))]
    return " ".join(part.strip() for part in kept).strip(), len(kept) < len(sentences)


def without_no_spanish(typed: str) -> str | None:
    """The detail without an "I don't speak Spanish" said beside it, or None when it says no
    such thing."""
    found = _NO_SPANISH.search(typed)
    if found is None:
        return None
    return f"{typed[: found.start()]} {typed[found.end() :]}".strip(" ,;.")


def without_translating_myself(typed: str) -> str | None:
    """The detail without the sentences saying the educator will translate the note
    themselves, or None when it says no such thing."""
    sentences = sentences_with_their_ends(typed)
    kept = [s for s in sentences if not _TRANSLATING_MYSELF.search(s)]
    if len(kept) == len(sentences):
        return None
    return " ".join(part.strip() for part in kept).strip(" ,;.")


def told_by_another(detail: str) -> str | None:
    """The words that say someone else told the educator ("older sister says"), or None."""
    found = _TOLD_BY_ANOTHER.search(detail)
    return found[0] if found else None


def speaks_of_the_reader(detail: str) -> str | None:
    """The words that speak of the family in the third person, or of what the educator
    wants to do, rather than to the family ("ask her to meet"), or None."""
    found = _ABOUT_THE_READER.search(detail) or _WANTS_OF_ONESELF.search(detail)
    return found[0] if found else None


def reads_as_english(detail: str) -> bool:
    said = words(for_matching(detail))
    english = sum(1 for word in said if word in ENGLISH_WORDS)
    spanish = sum(1 for word in said if word in SPANISH_WORDS)
    return english >= ENGLISH_LEAST_WORDS and english > spanish
