"""`reflect [TOPIC]`: start a guided reflection (this week's topic when none is named)."""

from __future__ import annotations

import re

from bot.flows.reflection import start_reflection
from bot.i18n import Msg
from bot.profiles import topic_order
from bot.replies import Reply, Text
from bot.topics import resolve_topic, suggested_topic, topic_like, topic_read
from bot.turn import Turn
from content.schema import NUDGE_TOPICS

LEARN_ONLY_REFLECT = Msg(
    "*{title}* is for reading rather than reflecting. Try `learn {slug}`, or reflect on one of "
    "the conditions or 4 Cs, for example `reflect relational`."
)
# `reflect communication`: a subject the framework has no part for runs through all of them,
# so the reflection starts on this week's part rather than a list of fifteen.
NO_SUCH_PART = Msg(
    "The framework has no part called “{typed}”: it runs through all of them, so let's start "
    "with this week's. (`learn` lists every part, to pick one another time.)"
)
# `reflect i want to think about my conference with the garcias`
THINK_IT_THROUGH = Msg(
    "Let's think that through with this week's part of the framework: your answers can be all "
    "about it."
)
# More words than this are a subject described, not a part of the framework named.
PART_NAME_WORDS = 3
NAME_CHARS = 40
# "reflect something thats not relational", "reflect anything but trust": the part named is
# the one not wanted (it had started that very part).
_NOT_THIS_PART = re.compile(
    r"\b(?:not|other than|besides|except|anything but|instead of|que no sea|menos|excepto)\b",
    re.IGNORECASE,
)


def handle_reflect(turn: Turn, args: str) -> list[Reply]:
    if not args:
        return start_reflection(turn, suggested_topic(turn))
    slug = resolve_topic(turn.library, args) or topic_like(args)
    if slug is None:
        slug = topic_read(args)
        if slug is None:
            said = (
                NO_SUCH_PART.format(typed=_as_named(args))
                if len(args.split()) <= PART_NAME_WORDS
                else str(THINK_IT_THROUGH)
            )
            return [Text(said), *start_reflection(turn, suggested_topic(turn))]
        if slug not in NUDGE_TOPICS:
            # "reflect on why families don't come", read as the Challenge: this week's topic.
            return start_reflection(turn, suggested_topic(turn))
    if _NOT_THIS_PART.search(args) and len(args.split()) > 1:
        return start_reflection(turn, _another_part_than(turn, slug))
    if slug not in NUDGE_TOPICS:
        return [Text(LEARN_ONLY_REFLECT.format(title=turn.library.title(slug), slug=slug))]
    return start_reflection(turn, slug)


def _another_part_than(turn: Turn, unwanted: str) -> str:
    """This week's part, or the one after it when that is the part not wanted."""
    suggested = suggested_topic(turn)
    if suggested != unwanted:
        return suggested
    order = [slug for slug in topic_order(turn.library, turn.educator) if slug in NUDGE_TOPICS]
    return order[(order.index(suggested) + 1) % len(order)] if suggested in order else order[0]


def _as_named(typed: str) -> str:
    """What was typed, short enough to quote back (a 20,000-character word is not)."""
    return typed if len(typed) <= NAME_CHARS else typed[: NAME_CHARS - 1] + "…"
