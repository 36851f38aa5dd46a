"""Whether an answer tells of a family member telling the educator something: "kevin's mom
came by... she told me he's been having nightmares since they moved", "mom said he reads to
his sister", "el papá de yeison me dijo que era el primero de su clase". What the family
said is the news, whatever theme its words lean to; a word quoted back ("she said 'ok thank
u'") is not.

The teller is the word right before the telling word: a family member or a pronoun ("i
said", "the principal told me" are not a family telling). Spanish leaves the teller out ("me
dijo que..."): there a family named anywhere in the answer is enough.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.understanding.normalise import alternation, for_matching, words
from content.understanding_schema import default_understanding

SUBJECT_LEFT_OUT = "me "


@lru_cache(maxsize=1)
def _telling() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    named = default_understanding().replies.named
    said = [for_matching(word) for word in named.told_words]
    tellers = [for_matching(word) for word in (*named.tellers, *named.family_words)]
    # What follows is news, not a word quoted back: "she said 'ok thank u'" tells nothing.
    with_teller = re.compile(
        rf"(?<![\w'’])(?:{alternation(tellers)})\s+(?:{alternation(said)})(?![\w'’])"
        r"(?!\s*['\"])"
    )
    subject_left_out = [word for word in said if word.startswith(SUBJECT_LEFT_OUT)]
    alone = re.compile(rf"(?<![\w'’])(?:{alternation(subject_left_out)})(?![\w'’])")
    return with_teller, alone, frozenset(for_matching(word) for word in named.family_words)


def family_told_something(text: str, *, family_named_before: bool = False) -> bool:
    """Whether a family member is told of as telling the educator something. With
    `family_named_before` (a story about one was just heard) a pronoun is enough: "she said
    he draws at home all the time" after "mom came to conferences for the first time"."""
    with_teller, alone, family = _telling()
    said = for_matching(text)
    if with_teller.search(said) is None and alone.search(said) is None:
        return False
    # "kevin's mom": "mom" is a word of its own
    return family_named_before or not family.isdisjoint(words(said))
