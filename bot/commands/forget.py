"""`forget`: delete everything the coach keeps about the educator, after asking; "forget it"
is never mind, and what follows it ("forget it, how do i talk to an angry dad") is the
message."""

from __future__ import annotations

import re

from bot.flows.forget import start_forget
from bot.i18n import current_language
from bot.replies import Reply, Text
from bot.turn import Turn
from content.understanding_schema import replies_in

# "forget it", "forget about it", "forget that": never mind, said with the command's word (it
# had asked "Delete everything?"). "it" may run straight on ("forget it i'll call her
# tomorrow"); "that" only before punctuation ("forget that student's data" asks to delete).
_NEVER_MIND = re.compile(
    r"^(?:(?:about\s+)?it(?:\s+(?:lol|nvm|then))?(?:[\s,.!;:—–-]+|$)"
    r"|(?:about\s+)?that(?:\s+(?:lol|nvm|then))?(?:\s*[,.!;:—–-][\s,.!;:—–-]*|\s*$))",
    re.IGNORECASE,
)
# "forget it all", "forget it, everything": the deletion itself, asked about as always.
_ALL_OF_IT = re.compile(
    r"^(?:all|everything|every\s+thing)(?:\s+(?:of\s+it|please|pls|plz))?[\s.!]*$", re.IGNORECASE
)


def never_mind_then(args: str) -> str | None:
    """What follows "forget it" in `forget`'s arguments: "" for never mind alone, the rest
    of the message ("how do i talk to an angry dad"), or None when `forget` asks to delete."""
    said = args.strip()
    found = _NEVER_MIND.match(said)
    if found is None:
        return None
    rest = said[found.end() :].strip()
    return None if _ALL_OF_IT.match(rest) else rest


def handle_forget(turn: Turn, args: str) -> list[Reply]:
    if never_mind_then(args) is not None:  # what follows it is answered by the engine
        return [Text(replies_in(current_language()).offer_answers.declined)]
    return start_forget(turn)
