"""`reflect [TOPIC]`: start a guided reflection (this week's topic when none is named)."""

from __future__ import annotations

from bot.flows.reflection import start_reflection
from bot.i18n import Msg
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
    if slug not in NUDGE_TOPICS:
        return [Text(LEARN_ONLY_REFLECT.format(title=turn.library.title(slug), slug=slug))]
    return start_reflection(turn, slug)


def _as_named(typed: str) -> str:
    """What was typed, short enough to quote back (a 20,000-character word is not)."""
    return typed if len(typed) <= NAME_CHARS else typed[: NAME_CHARS - 1] + "…"
