"""Text as the cues see it: lower case, straight quotes, shorthand spelled out, numbers as `num`.

The reframe matcher works on the educator's own text (its rewrites quote it); intent, theme
and topic cues work on this normalised copy, so "pls help w/ hw 4 my 32 kids" reads as
"please help with homework for my num kids".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from content.reframe_patterns import normalise as straighten

# Shorthand educators type in chat, spelled out. Whole words only.
SHORTHAND = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plse": "please",
    "w/": "with",
    "w/o": "without",
    "hw": "homework",
    "4": "for",
    "2": "to",
    "b/c": "because",
    "bc": "because",
    "cuz": "because",
    "thru": "through",
    "tmrw": "tomorrow",
    "msg": "message",
    "msgs": "messages",
    "mtg": "meeting",
    "convo": "conversation",
    "convos": "conversations",
    "parnets": "parents",
    "parnet": "parent",
    "familes": "families",
    "famlies": "families",
    "studnets": "students",
    "teh": "the",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "im": "i'm",
    "ive": "i've",
    "q": "que",
    "xq": "porque",
    "pq": "porque",
}
_TOKEN = re.compile(r"[\w/']+|[^\w\s]", re.UNICODE)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_NUMBER = re.compile(r"^\d+$")
# A time of day typed as one word: "2am", "11pm", "30am" (of "7:30am").
_CLOCK = re.compile(r"^\d+(am|pm)$")
# One letter or digit (what str.isalnum() says of a character: \w is that and "_").
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# Only ASCII digits count as numbers; "²" is a symbol, not a count of students.
_ASCII_DIGITS = re.compile(r"[0-9]+")


def _spell_out(token: str) -> str:
    if _ORDINAL.match(token) and token.isascii():
        return "num" + token[-2:]
    if _CLOCK.match(token) and token.isascii():
        return "num " + token[-2:]
    if _NUMBER.match(token) and token.isascii():
        # A lone "4" or "2" is shorthand ("4 my kids"); other numbers are counts.
        return SHORTHAND.get(token, "num")
    return SHORTHAND.get(token, token)


def for_matching(text: str) -> str:
    """The normalised copy the cues are matched against."""
    lowered = straighten(text).casefold()
    tokens = [_spell_out(token) for token in _TOKEN.findall(lowered)]
    return " ".join(tokens)


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regex alternation, longest first, so "asset based" wins over "asset"
    where both start at the same place."""
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))


# Every list of content phrases a message is matched against (a few hundred: each `told` and
# `to_the_coach` entry's words are read for every message). At 32 the cache was scanned past
# its size on every message and each pattern rebuilt: 38 ms a message for those two alone.
PHRASE_PATTERNS_KEPT = 2048


@lru_cache(maxsize=PHRASE_PATTERNS_KEPT)
def phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of content phrases, normalised like the text, compiled once;
    match it against `for_matching(text)`. A phrase written "^no" counts only where the text
    starts ("no, not yet", but not "it went fine, no problems")."""
    anywhere = [re.escape(for_matching(p)) for p in phrases if not p.startswith("^")]
    opening = [re.escape(for_matching(p[1:])) for p in phrases if p.startswith("^")]
    alternatives = [rf"(?<!\w)(?:{'|'.join(anywhere)})(?!\w)"] if anywhere else []
    if opening:
        alternatives.append(rf"^(?:{'|'.join(opening)})(?!\w)")
    return re.compile("|".join(alternatives) or r"(?!)")


def words(text: str) -> list[str]:
    """The words of a normalised text, without punctuation (tokens with a letter or digit)."""
    return [token for token in text.split() if _LETTER_OR_DIGIT.search(token)]
