"""A nudge marked done from words typed under its card, taken back right after: "wait no, i
didnt do the language one" (session 36: it stayed done, and the reply was "That sounds like a
lot"). Only the message right after the mark can take it back, and only for that week.
"""

from __future__ import annotations

from bot.i18n import current_language
from bot.numbers import parse_small_int
from bot.offers import MARKED_DONE
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.understanding.normalise import for_matching, phrases_pattern
from bot.weekly.models import NudgeLedger
from content.understanding_schema import replies_in


def marked_done(ledger_id: int) -> str:
    """What is kept when a nudge was just marked done from typed words."""
    return f"{MARKED_DONE} {ledger_id}"


def answer_to_marked_done(turn: Turn, text: str, offered: str) -> list[Reply] | None:
    """The mark taken back when the message says it was not done; None otherwise."""
    card = replies_in(current_language()).nudge_card
    if phrases_pattern(tuple(card.not_done_after_all)).search(for_matching(text)) is None:
        return None
    row = turn.session.get(
        NudgeLedger, parse_small_int(offered.removeprefix(MARKED_DONE).strip()) or 0
    )
    if row is None or row.response != "done":
        return None
    row.response = None
    return [Text(card.unmarked)]
