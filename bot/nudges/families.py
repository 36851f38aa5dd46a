"""Nudges asked to be about one group of families ("can the tips be about IEP families for a
while", "what should my nudges be about if most of my families are new to the country").

The weekly nudges follow the framework's topics; the content tags some nudges with the
families they were written for (content/schema.py FamilyContext). A group named, and no topic,
is answered with the topic that holds most nudges written for that group, and the setting that
keeps the nudges there (it had been "I can't tell which part ... belongs to" and the list).
"""

from __future__ import annotations

from collections import Counter

from bot.i18n import current_language
from bot.understanding.normalise import for_matching, phrases_pattern
from content.loader import Library
from content.schema import NUDGE_TOPICS
from content.understanding_schema import replies_in


def nudges_for_families(library: Library, typed: str) -> str | None:
    """The answer naming the topic for the group of families the words name, or None."""
    families = replies_in(current_language()).nudge_families
    said = for_matching(typed)
    for group, named in families.groups.items():
        if phrases_pattern(tuple(named.words)).search(said) is None:
            continue
        slug = topic_for(library, group)
        if slug is None:
            return None
        return families.answer.format(families=named.said, title=library.title(slug), slug=slug)
    return None


def topic_for(library: Library, group: str) -> str | None:
    """The nudged topic with most nudges written for `group` (the framework's order breaks a
    tie), or None when no nudge names it."""
    counts: Counter[str] = Counter()
    for slug in NUDGE_TOPICS:
        counts[slug] = sum(
            1 for nudge in library.topics[slug].nudges if group in {c.value for c in nudge.contexts}
        )
    best = max(NUDGE_TOPICS, key=lambda slug: counts[slug])  # first of the highest, in order
    return best if counts[best] else None
