"""What is asked about a reflection at one of its questions, instead of an answer: "how long
is this gonna take?", "can we finish this friday during my prep", "do i have to answer this
one?", "is this saved anywhere? who can see it", "can i change my action?".

Each had been met with the stuck help ("No problem. Here's a way in...") or, worse, saved as
the answer ("i have to run, can i come back to this" was heard as a week short of time). The
content's phrases find the plain ways of asking (replies.yaml `reflection_asides`), the
reflection aside model the rest (bot/understanding/reflection_asides.py); the answer is said,
the question asked again, and nothing is saved.
"""

from __future__ import annotations

from bot.flows import listening
from bot.flows.state import ActiveFlow
from bot.i18n import current_language
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import is_asked
from bot.understanding.reflection_asides import reflection_aside_asked
from content.understanding_schema import ReflectionAside, ReflectionAsides, replies_in


def reflection_aside(flow: ActiveFlow, text: str) -> str | None:
    """The answer to a question about the reflection itself, or None for an answer."""
    asides = replies_in(current_language()).reflection_asides
    name = _asked(asides, text)
    if name is None:
        return None
    if name == "who_sees":
        return replies_in(current_language()).to_the_coach["privacy"].answer
    if name == "change_action":
        return asides.change_action
    aside: ReflectionAside = getattr(asides, name)
    number = len(flow.data["answers"]) + 1
    return aside.answer.format(number=number, count=len(flow.data["prompts"]))


def _asked(asides: ReflectionAsides, text: str) -> str | None:
    """Which aside is asked (a name in REFLECTION_ASIDES): the content's phrases first, then
    the model."""
    return phrased_aside(asides, text) or reflection_aside_asked(text)


def phrased_aside(asides: ReflectionAsides, text: str) -> str | None:
    """The aside the content's phrases find, or None."""
    said = for_matching(text)
    length = len(words(said))
    most = asides.privacy_asked_most_words if is_asked(text) else asides.privacy_most_words
    if length <= most and _privacy_asked(said):
        return "who_sees"
    if listening.asks_to_change_action(text):
        return "change_action"
    phrased = (
        ("how_long", asides.how_long),
        ("must_answer", asides.must_answer),
        ("later", asides.later),
    )
    for name, aside in phrased:
        if _found(aside, said, length):
            return name
    return None


def _found(aside: ReflectionAside, said: str, length: int) -> bool:
    if length > aside.most_words:
        return False
    return phrases_pattern(tuple(aside.words)).search(said) is not None


def _privacy_asked(said: str) -> bool:
    privacy = replies_in(current_language()).to_the_coach["privacy"]
    return phrases_pattern(tuple(privacy.words)).search(said) is not None
