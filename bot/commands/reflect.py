"""`reflect [TOPIC]`: start a guided reflection (this week's topic when none is named)."""

from __future__ import annotations

from bot.flows.reflection import start_reflection
from bot.i18n import Msg
from bot.replies import Reply, Text
from bot.topics import resolve_topic, suggested_topic, topic_read, unknown_topic_reply
from bot.turn import Turn
from content.schema import NUDGE_TOPICS

LEARN_ONLY_REFLECT = Msg(
    "*{title}* is for reading rather than reflecting. Try `learn {slug}`, or reflect on one of "
    "the conditions or 4 Cs, for example `reflect relational`."
)


def handle_reflect(turn: Turn, args: str) -> list[Reply]:
    if not args:
        return start_reflection(turn, suggested_topic(turn))
    slug = resolve_topic(turn.library, args)
    if slug is None:
        slug = topic_read(args)
        if slug is None:
            return unknown_topic_reply(turn.library, args)
        if slug not in NUDGE_TOPICS:
            # "reflect on why families don't come", read as the Challenge: this week's topic.
            return start_reflection(turn, suggested_topic(turn))
    if slug not in NUDGE_TOPICS:
        return [Text(LEARN_ONLY_REFLECT.format(title=turn.library.title(slug), slug=slug))]
    return start_reflection(turn, slug)
