"""The order weekly nudges rotate through topics: the framework's, or growth areas first."""

from __future__ import annotations

from bot.replies import Reply
from bot.turn import Turn


def set_topic_order(turn: Turn, order: list[str]) -> list[Reply]:
    """Have the nudge rotation follow `order`; returns anything worth telling the educator."""
    return []
