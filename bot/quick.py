"""Answers that depend only on the content, never on who asks or what they are in the middle of.

Adapters that must answer within a deadline (Slack's 3-second acknowledgement) can give
these at once, without a database round trip. Anything not answered here goes through
`Coach.handle` as usual.
"""

from __future__ import annotations

from bot.commands.help import help_card
from bot.commands.learn import learn_only_replies, nudge_topic_replies, overview_replies
from bot.commands.table import is_help_word
from bot.replies import Reply
from bot.text import clean, split_command
from bot.topics import resolve_topic
from content.loader import Library
from content.schema import NUDGE_TOPICS


def quick_key(text: str, library: Library) -> str | None:
    """A stable key for a stateless answer ("help", "learn", "learn relational"), or None."""
    word, args = split_command(clean(text))
    if not word or (is_help_word(word) and not args):
        return "help"
    if word != "learn":
        return None
    if not args:
        return "learn"
    slug = resolve_topic(library, args)
    return None if slug is None else f"learn {slug}"


def quick_replies(key: str, library: Library) -> list[Reply]:
    """The replies for a key from `quick_key`."""
    if key == "help":
        return [help_card()]
    if key == "learn":
        return overview_replies(library)
    slug = key.removeprefix("learn ")
    if slug in NUDGE_TOPICS:
        return nudge_topic_replies(library.topics[slug], library)
    return learn_only_replies(library.learn_only[slug], library)
