"""`journal`: recent reflections, their planned actions and how they went."""

from __future__ import annotations

from bot import messages
from bot.drafts.journal import saved_draft_lines
from bot.followthrough import (
    action_awaiting_check_in,
    ask_how_it_went,
    follow_through_summary,
    journal_lines,
    recent_reflections,
)
from bot.replies import Reply, Text
from bot.turn import Turn

JOURNAL_LENGTH = 10


def handle_journal(turn: Turn, args: str) -> list[Reply]:
    entries = recent_reflections(turn, JOURNAL_LENGTH)
    drafts = saved_draft_lines(turn)
    if not entries:
        return [Text("\n".join(drafts))] if drafts else [Text(str(messages.JOURNAL_EMPTY))]
    lines = [str(messages.JOURNAL_HEADER), *journal_lines(turn, entries)]
    replies: list[Reply] = [Text("\n".join(lines)), Text(follow_through_summary(turn))]
    if drafts:
        replies.insert(1, Text("\n".join(drafts)))
    pending = action_awaiting_check_in(turn)
    if pending is not None:
        # Check in right here, without waiting for the next reflection or nudge (a note home
        # sent at lunch can be marked done the same day); an action chosen minutes ago is
        # not asked "How did it go?".
        replies.append(ask_how_it_went(turn, pending))
    return replies
