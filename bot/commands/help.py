"""`help`: what the coach can do."""

from __future__ import annotations

from bot import messages
from bot.i18n import _
from bot.replies import Card, Choice, Reply
from bot.turn import Turn


def help_card() -> Card:
    return Card(
        title=_("Partnership Coach"),
        body=str(messages.HELP),
        buttons=(
            Choice(_("Start a reflection"), "reflect"),
            Choice(_("Learn the framework"), "learn"),
            Choice(_("My journal"), "journal"),
        ),
    )


def handle_help(turn: Turn, args: str) -> list[Reply]:
    return [help_card()]
