"""`draft` (or `draft celebrate`, ...): help writing a short message home (bot/flows/draft.py)."""

from __future__ import annotations

from bot.flows.draft import start_draft
from bot.replies import Reply
from bot.turn import Turn


def handle_draft(turn: Turn, args: str) -> list[Reply]:
    # `draft celebrate` (a nudge's "Draft it now", or "ok" to a good-news note offered) says
    # what the note is for before asking the next question.
    return start_draft(turn, args, heard=True)
