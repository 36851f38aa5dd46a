"""A situation's answer said to have misread the question, right after it: "one dad. not a
town hall" after the answer for a meeting with many families, "nobody died" after one for a
loss (replies.yaml `situation_corrections`). The miss is owned and what fits is said, rather
than the words being read as a pick among the tries ("one" had been "If I had to pick one").
"""

from __future__ import annotations

from bot.i18n import current_language
from bot.offers import SITUATION_ADVICE
from bot.understanding.normalise import for_matching, phrases_pattern, words
from content.understanding_schema import replies_in


def situation_corrected(advice: str | None, text: str) -> str | None:
    """The answer owning the miss when `text` corrects the situation `advice` names (an
    advised or heard offer's advice: "situation:NAME"); None when it does not."""
    kind, _, name = (advice or "").partition(":")
    if kind != SITUATION_ADVICE:
        return None
    said = for_matching(text)
    whole = words(said)  # "one dad." and "one dad" alike
    for correction in replies_in(current_language()).situation_corrections.values():
        if name not in correction.rules_out:
            continue
        if any(whole == words(for_matching(phrase)) for phrase in correction.whole):
            return correction.answer
        if len(whole) <= correction.most_words and phrases_pattern(tuple(correction.words)).search(
            said
        ):
            return correction.answer
    return None
