"""`assess`: start the self-assessment; `assess growth-first` orders nudges by it."""

from __future__ import annotations

from bot.assess import messages
from bot.assess.results import growth_order, latest_results
from bot.flows.assessment import start_assessment
from bot.nudge_order import set_topic_order
from bot.profiles import topic_order
from bot.replies import Reply, Text
from bot.turn import Turn


def handle_assess(turn: Turn, args: str) -> list[Reply]:
    if args.strip().casefold() == "growth-first":
        return _growth_first(turn)
    return start_assessment(turn)


def _growth_first(turn: Turn) -> list[Reply]:
    latest = latest_results(turn.session, turn.educator.id, count=1)
    if not latest:
        return [Text(str(messages.GROWTH_FIRST_NEEDS_ASSESSMENT))]
    order = growth_order(latest[0].scores, topic_order(turn.library, turn.educator))
    replies = set_topic_order(turn, order)
    first = ", ".join(turn.library.title(slug) for slug in order[:3])
    return [Text(messages.GROWTH_FIRST_SAVED.format(areas=first)), *replies]
