"""`forget`: delete everything the coach keeps about the educator, after asking."""

from __future__ import annotations

from bot.flows.forget import start_forget
from bot.i18n import current_language
from bot.replies import Reply, Text
from bot.turn import Turn
from content.understanding_schema import replies_in

# "forget it", "forget about it": never mind, said with the command's word (it had asked
# "Delete everything?").
NEVER_MIND = frozenset(["it", "about it", "it lol", "it nvm", "it then", "that", "about that"])


def handle_forget(turn: Turn, args: str) -> list[Reply]:
    if " ".join(args.casefold().strip(" .!").split()) in NEVER_MIND:
        return [Text(replies_in(current_language()).offer_answers.declined)]
    return start_forget(turn)
