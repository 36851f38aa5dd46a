"""A reply that missed what was meant, said so: a question asked again ("wow thanks so
helpful. i asked how to get them TO come" had been read as thanks), or news taken for a
question ("No, I wasn't asking about IEP meetings. I was telling you how the Theo thing
went" had been read as overload). The miss is owned, then the question answered or the news
listened to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.understanding.normalise import for_matching, phrases_pattern
from bot.understanding.reader import sentences_with_their_ends

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


# "thats the same answer you gave me before", "you already said that", "me diste lo mismo".
_SAME_AGAIN = re.compile(
    r"\b(?:(?:that'?s|thats|that is|it'?s|its|you gave me|you said|you sent)\s+(?:the\s+|exactly"
    r"\s+the\s+)?same\s+(?:answer|thing|reply|response|advice|stuff)|you already (?:said|told me"
    r"|gave me) (?:that|this)|same (?:answer|thing|reply) (?:as )?(?:before|again)|(?:es|me diste|"
    r"me dio) (?:la misma respuesta|lo mismo)|ya me (?:dijiste|dijo) eso)\b[^.!?]*[.!?]*",
    re.IGNORECASE,
)


def said_the_same_again(text: str) -> str | None:
    """What follows "that's the same answer you gave me before" (the part that was missed,
    perhaps empty), or None when the text says no such thing."""
    found = _SAME_AGAIN.search(text)
    if found is None:
        return None
    rest = f"{text[: found.start()]} {text[found.end() :]}"
    # "I use interpreters every day, that is not my problem": what it is not about is left out.
    kept = [part for part in sentences_with_their_ends(rest) if not _NOT_THE_PROBLEM.search(part)]
    return " ".join(part.strip() for part in kept).strip(" ,;.")


_NOT_THE_PROBLEM = re.compile(
    r"\b(?:(?:is|isn'?t|was|wasn'?t)\s+not\s+(?:my|the)\s+(?:problem|issue)|(?:isn'?t|is not|"
    r"wasn'?t|was not|that'?s not|thats not)\s+(?:my|the)\s+(?:problem|issue)|no es (?:mi|el) "
    r"problema)\b",
    re.IGNORECASE,
)


def said_it_missed(text: str, missed_words: Sequence[str]) -> str | None:
    """ "that's not what i asked. how do i get staff to stop saying families dont care?": the
    sentences beside the one that says the reply before missed (replies.yaml to_the_coach
    `missed`, its `missed_words`), perhaps none; None when no sentence says so."""
    said_so = phrases_pattern(tuple(missed_words))
    sentences = sentences_with_their_ends(text)
    beside = [part for part in sentences if said_so.search(for_matching(part)) is None]
    if len(beside) == len(sentences):
        return None
    return " ".join(part.strip() for part in beside).strip(" ,;.")
