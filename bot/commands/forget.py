"""`forget`: delete everything the coach keeps about the educator, after asking."""

from __future__ import annotations

from bot.flows.forget import start_forget
from bot.replies import Reply
from bot.turn import Turn


def handle_forget(turn: Turn, args: str) -> list[Reply]:
    return start_forget(turn)
