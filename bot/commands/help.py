"""`help`: what the coach can do."""

from __future__ import annotations

from bot import messages
from bot.replies import Card, Choice, Reply
from bot.turn import Turn


def help_card() -> Card:
    return Card(
        title="Partnership Coach",
        body=messages.HELP,
        buttons=(
            Choice("Start a reflection", "reflect"),
            Choice("Learn the framework", "learn"),
            Choice("My journal", "journal"),
        ),
    )


def handle_help(turn: Turn, args: str) -> list[Reply]:
    return [help_card()]
