"""`forget`: delete everything the coach keeps about the educator, after asking; "forget it"
is never mind, and what follows it ("forget it, how do i talk to an angry dad") is the
message."""

from __future__ import annotations

import re

from bot.flows.forget import start_forget
from bot.i18n import current_language
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.understanding.normalise import for_matching, words
from bot.understanding.reader import OWN_DATA_WORDS, YOUR_DATA_MOST_WORDS, sentences_of
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
        return _told_on(said)
    rest = said[found.end() :].strip()
    return None if _ALL_OF_IT.match(rest) else rest


def _told_on(said: str) -> str | None:
    """ "forget the settings. thurs meeting w maria navarro + ASL interpreter + AP...": the
    word begins a longer message that names none of the educator's data (it had asked
    "Delete everything?"); what follows its first sentence is the message."""
    typed = words(for_matching(said))
    if len(typed) <= YOUR_DATA_MOST_WORDS or not OWN_DATA_WORDS.isdisjoint(typed):
        return None
    after_the_first = " ".join(part.strip() for part in sentences_of(said)[1:])
    return after_the_first or said


def handle_forget(turn: Turn, args: str) -> list[Reply]:
    if never_mind_then(args) is not None:  # what follows it is answered by the engine
        return [Text(replies_in(current_language()).offer_answers.declined)]
    return start_forget(turn)
