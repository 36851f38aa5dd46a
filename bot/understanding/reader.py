"""Read one message: which intent, which topic, which themes, what deficit framing, which language.

Cues are compiled once from content/understanding/ with the reframe pattern language. When
no intent cue matches, the message is compared with each intent's example messages by
rapidfuzz (typo-tolerant, no model to download, about a millisecond); below the cut-off it
is `unknown`. Everything is deterministic: the same text always reads the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from bot.reframe import Finding, find_deficit_framing
from bot.understanding.language import detect_language
from bot.understanding.normalise import for_matching, words
from content.reframe_patterns import PatternCompiler
from content.understanding_schema import INTENTS, UnderstandingContent, default_understanding

UNKNOWN = "unknown"
# A message that opens like a question, and matched nothing more specific, is a question.
QUESTION_OPENERS = frozenset(
    [
        "how",
        "why",
        "should",
        "what's",
        "whats",
        "when",
        "where",
        "who",
        "cómo",
        "como",
        "por",
        "qué",
        "cuándo",
        "debería",
    ]
)
# A fuzzy match to an example counts from this score (0-100; measured on the labelled set).
EXAMPLE_CUT_OFF = 86
# The contract's command words, read as intents when they start a message.
COMMAND_INTENTS = frozenset(INTENTS) - {"greeting", "thanks", "frustration", "question"}
# Replies that answer nothing: a reflection never saves one as an answer or an action.
NON_ANSWERS = frozenset(
    [
        "no",
        "nope",
        "nah",
        "n/a",
        "na",
        "none",
        "nothing",
        "ok",
        "okay",
        "k",
        "kk",
        "yes",
        "yeah",
        "yep",
        "sure",
        "fine",
        "whatever",
        "idk",
        "dunno",
        "pass",
        "skip",
        "?",
        "??",
        "???",
        "...",
        ".",
        "-",
        "hmm",
        "hm",
        "um",
        "umm",
        "uh",
        "eh",
        "meh",
        "nada",
        "paso",
        "sí",
        "si",
        "no.",
    ]
)


@dataclass(frozen=True)
class Understanding:
    """What the coach read in one message (see CONTRACT.md, `coach understand`)."""

    intent: str
    topic: str | None
    themes: tuple[str, ...]
    deficit: tuple[Finding, ...] = field(default=())
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "topic": self.topic,
            "themes": list(self.themes),
            "deficit": [finding.to_dict() for finding in self.deficit],
            "language": self.language,
        }


def is_non_answer(text: str) -> bool:
    """'idk', '?', 'no', 'ok': a reply that says nothing about the question."""
    normalised = for_matching(text).strip()
    if not normalised:
        return True
    if not words(normalised):
        return True  # only punctuation or emoji
    return normalised in NON_ANSWERS or normalised.rstrip("?!. ") in NON_ANSWERS


class Reader:
    """Compiled cues for one version of the understanding content."""

    def __init__(self, content: UnderstandingContent) -> None:
        self.content = content
        intent_sets = {**content.intents.sets, "topic-word": content.topic_words()}
        intents = PatternCompiler(intent_sets)
        self.intent_cues = [
            (name, [intents.compile(c, capture=False).regex for c in entry.cues])
            for name in content.intents.priority
            for entry in [content.intents.intents[name]]
        ]
        themes = PatternCompiler(content.themes.sets)
        self.theme_cues = [
            (name, [themes.compile(c, capture=False).regex for c in entry.cues])
            for name, entry in content.themes.themes.items()
        ]
        topics = PatternCompiler({})
        self.topic_cues = [
            (slug, [topics.compile(c, capture=False).regex for c in entry.cues])
            for slug, entry in content.topics.topics.items()
        ]
        self.topic_words = {
            for_matching(word): slug
            for slug, entry in content.topics.topics.items()
            for word in entry.words
        }
        # One pass over the text for every topic word, longest first ("asset based" before
        # "assets"); the first word in the text wins, as a person reading it would take it.
        alternatives = "|".join(
            re.escape(word) for word in sorted(self.topic_words, key=len, reverse=True)
        )
        self.topic_word_regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        self.examples: list[str] = []
        self.example_intents: list[str] = []
        for name, entry in content.intents.intents.items():
            for example in entry.examples:
                self.examples.append(for_matching(example))
                self.example_intents.append(name)

    # ---- the parts ---------------------------------------------------------------------

    def intent(self, normalised: str) -> str:
        tokens = words(normalised)
        if not tokens:
            return "help" if normalised.strip().startswith("?") else UNKNOWN
        if tokens[0] in COMMAND_INTENTS and len(tokens) <= 4:
            return tokens[0]
        for name, cues in self.intent_cues:
            if any(cue.search(normalised) for cue in cues):
                return name
        best = process.extractOne(
            normalised, self.examples, scorer=fuzz.WRatio, score_cutoff=EXAMPLE_CUT_OFF
        )
        if best is not None:
            return self.example_intents[best[2]]
        if tokens[0] in QUESTION_OPENERS or (normalised.rstrip().endswith("?") and len(tokens) > 3):
            return "question"
        return UNKNOWN

    def themes(self, normalised: str, original: str) -> tuple[str, ...]:
        found = [name for name, cues in self.theme_cues if any(c.search(normalised) for c in cues)]
        if is_non_answer(original) and "unsure" not in found:
            found.append("unsure")
        return tuple(found)

    def topic(self, normalised: str) -> str | None:
        named = self.topic_word_regex.search(normalised)
        if named is not None:
            return self.topic_words[named.group(0)]
        scores = [
            (sum(len(cue.findall(normalised)) for cue in cues), -index, slug)
            for index, (slug, cues) in enumerate(self.topic_cues)
        ]
        best = max(scores)
        return best[2] if best[0] > 0 else None

    def read(self, text: str, *, deficit: bool = True) -> Understanding:
        """`deficit=False` skips the reframe matcher (the costly part) for callers that
        only need intent, topic and themes."""
        normalised = for_matching(text)
        return Understanding(
            intent=self.intent(normalised),
            topic=self.topic(normalised),
            themes=self.themes(normalised, text),
            deficit=tuple(find_deficit_framing(text)) if deficit else (),
            language=detect_language(normalised),
        )


@cache
def default_reader() -> Reader:
    return Reader(default_understanding())


def understand(text: str, *, deficit: bool = True) -> Understanding:
    return default_reader().read(text, deficit=deficit)
