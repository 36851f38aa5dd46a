"""The order weekly nudges rotate through topics: the framework's, or growth areas first."""

from __future__ import annotations

from bot.nudges.settings import ensure_subscription
from bot.replies import Reply
from bot.turn import Turn
from bot.weekly import rotation


def set_topic_order(turn: Turn, order: list[str]) -> list[Reply]:
    """Have the nudge rotation follow `order`; returns anything worth telling the educator.

    The order is kept on the subscription (created, still off, if there is none yet), so it
    applies from the next nudge; topics already seen this cycle are not repeated.
    """
    subscription = ensure_subscription(turn)
    rotation.set_topic_order(subscription, order)
    subscription.updated_at = turn.now
    return []
