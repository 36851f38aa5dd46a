"""This week's action moved to another day, said in words right after it was chosen
("actually no, make it friday, thursday is staff meeting", "mejor el viernes"): the day
named in the action is changed in place, and nothing else about it."""

from __future__ import annotations

import re

from bot.flows.action_change import CHANGE_WITHIN
from bot.followthrough import action_awaiting_check_in
from bot.i18n import current_language
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.weekly.schedule import SPANISH_WEEKDAY_NAMES, WEEKDAY_NAMES
from content.understanding_schema import replies_in

# The week's days as bot/weekly/schedule.py names them, and Spanish with its accents.
_DAY = "|".join(
    [*(name.casefold() for name in WEEKDAY_NAMES), *SPANISH_WEEKDAY_NAMES, "miércoles", "sábado"]
)
# Asked to move it: "make it friday", "change it to monday", "can we do thursday instead",
# "actually friday", "friday instead", "mejor el viernes". A day named alone ("friday works
# better for most of my families") asks nothing.
_MOVED = re.compile(
    r"\b(?:make it|change it to|move it to|switch it to|push it to|do it on|mejor el"
    r"|que sea el|cámbialo al|cambialo al|muévelo al|muevelo al|actually,?"
    r"|(?:can|could) (?:we|i) do(?: it)?|let'?s do(?: it)?|how about|what about)\s+(?:on\s+)?"
    rf"(?P<day>{_DAY})\b"
    rf"|\b(?P<instead>{_DAY})\s+instead\b",
    re.IGNORECASE,
)
_DAY_IN_ACTION = re.compile(rf"\b(?:{_DAY})\b", re.IGNORECASE)


def moved_to_another_day(turn: Turn, text: str) -> list[Reply] | None:
    """The action with its day changed and said so; None when the text moves no day, no
    action was chosen this week, or the action names no day to change."""
    moved = _MOVED.search(text)
    pending = action_awaiting_check_in(turn) if moved is not None else None
    if moved is None or pending is None or turn.now - pending.created_at >= CHANGE_WITHIN:
        return None
    action = turn.sealer.unseal(pending.action)
    old = _DAY_IN_ACTION.search(action)
    if old is None:
        return None
    day = (moved.group("day") or moved.group("instead")).casefold()
    new = day.capitalize() if old.group(0)[0].isupper() else day
    changed = action[: old.start()] + new + action[old.end() :]
    pending.action = turn.sealer.seal(changed)
    said = replies_in(current_language()).change_action.day_moved
    return [Text(said.format(action=changed.rstrip(".")))]
