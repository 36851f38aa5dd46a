"""What is said to the coach itself (replies.yaml `to_the_coach`: a question about privacy, an
apology, a safety worry, a crisis), found by its words, with its answer."""

from __future__ import annotations

from bot.i18n import current_language
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import default_reader
from content.understanding_schema import ToTheCoach, replies_in

# "i (already|just|literally) told you", "ya te dije": said to the coach about itself, never of
# a step or for a note (a regular expression source, for the patterns built around it).
TOLD_YOU = (
    r"(?:i\s+)?(?:already\s+|just\s+|literally\s+|alr\s+)*(?:told|said to) (?:you|u|ya)"
    r"(?: (?:that|this|already|before))*|ya (?:te|le) (?:lo )?dije|te dije"
)


def said_to_the_coach(text: str) -> tuple[str, ToTheCoach] | None:
    """The first `to_the_coach` entry whose words the text holds (within its length, and
    none of its `unless_words`, one of its `with_words`), with its name; None for none."""
    said = for_matching(text)
    typed = words(said)
    for name, entry in replies_in(current_language()).to_the_coach.items():
        short_enough = entry.most_words is None or len(typed) <= entry.most_words
        if short_enough and phrases_pattern(tuple(entry.words)).search(said) is not None:
            if entry.unless_families and default_reader().names_a_family(typed):
                continue
            if entry.unless_words and phrases_pattern(tuple(entry.unless_words)).search(said):
                continue
            if entry.with_words and not phrases_pattern(tuple(entry.with_words)).search(said):
                continue
            return name, entry
    return None
