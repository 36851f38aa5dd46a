"""The lines of a list that share the most words with what an educator asked, so a question
about home visits gets the practice line about home visits, not always the first two."""

from __future__ import annotations

import re

from bot.understanding.normalise import for_matching

# Letters of a word compared when choosing the practice lines closest to a question.
STEM_LETTERS = 5
# Words that say nothing about what a question is about, however long: "what do i do about a
# mom who never answers" shares "what" with a line about events, and that is no match.
FUNCTION_WORDS = frozenset([
    "about", "after", "again", "also", "been", "before", "being", "could", "does", "doing",
    "down", "each", "even", "every", "from", "have", "having", "here", "into", "just", "like",
    "more", "most", "much", "only", "other", "over", "really", "same", "should", "some", "such",
    "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "very", "what", "when", "where", "which", "while", "will", "with", "would", "your", "yours",
    "want", "need", "know", "think", "make", "thing", "things", "anything", "something", "para",
    "pero", "como", "cómo", "cuando", "cuándo", "porque", "este", "esta", "esto", "todo", "todos",
    "tiene", "tengo", "hacer", "puedo", "quiero", "algo", "nada", "donde", "dónde", "sobre",
    "también", "ella", "ellos", "ellas", "desde", "hasta", "entre", "cuál", "quién", "qué"
])  # fmt: skip


def closest_lines(question: str, lines: list[str], count: int) -> list[str]:
    """The `count` lines that share the most words with the question, in their own order
    ("how do i run a home visit?" gets the line about home visits, not always the first
    two); with nothing shared, the first ones."""
    return [lines[n] for n in closest_indices(question, lines, count)]


def closest_indices(question: str, lines: list[str], count: int) -> list[int]:
    """Where the `count` closest lines are in `lines`, in order (what a reply can keep to
    show the same lines later without keeping the question)."""
    asked = _word_stems(question)
    ranked = sorted(range(len(lines)), key=lambda n: (-len(asked & _word_stems(lines[n])), n))
    return sorted(ranked[:count])


def shared_words(question: str, line: str, ignored: frozenset[str] = frozenset()) -> int:
    """How many meaning-carrying words (by stem) the question and the line share, not
    counting the `ignored` stems."""
    return len((_word_stems(question) & _word_stems(line)) - ignored)


def _word_stems(text: str) -> set[str]:
    """The words that carry meaning (four letters or more), cut to their first five letters so
    "visit", "visits" and "visiting" meet."""
    return {
        word[:STEM_LETTERS]
        for word in re.findall(r"\w+", for_matching(text))
        if len(word) > 3 and word not in FUNCTION_WORDS
    }
