"""The keep-going question (asked once after a silence, bot/weekly/backoff.py) answered, by
its buttons or in words."""

from __future__ import annotations

from bot.commands.schedule_settings import OFF_BY_EDUCATOR
from bot.nudges import messages
from bot.nudges.settings import next_label
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.weekly.backoff import take_answer
from bot.weekly.models import Subscription


def answer_keep_going(turn: Turn, subscription: Subscription, action: str) -> list[Reply]:
    """The keep-going question answered: `keep`, `monthly` or `stop`."""
    take_answer(turn.session, subscription, action, turn.now, OFF_BY_EDUCATOR)
    if action == "stop":
        return [Text(str(messages.STOPPED))]
    sentence = messages.WENT_MONTHLY if action == "monthly" else messages.KEPT_GOING
    return [Text(sentence.format(next=next_label(subscription)))]
