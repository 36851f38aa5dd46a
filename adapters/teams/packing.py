"""The coach's reply parts in as few Teams messages as fit.

The coach splits long answers into parts small enough for Slack (about 3,000 characters);
Teams takes messages up to about 28 KB, and limits how many a bot may send per
conversation. So consecutive text parts travel together, and a text part takes the card
that follows it along, while the message stays under MAX_MESSAGE_BYTES as sent.
"""

from __future__ import annotations

import json
from typing import Any

from botbuilder.schema import Activity

# Teams refuses messages over about 28 KB; the rest is left for the activity's own fields.
MAX_MESSAGE_BYTES = 24_000
SEPARATOR = "\n\n"


def _size(value: Any) -> int:
    """Bytes as sent: msrest writes JSON with non-ASCII characters escaped."""
    return len(json.dumps(value))


def _content_size(activity: Activity) -> int:
    attachments = [a.content for a in activity.attachments or []]
    return _size(activity.text or "") + (_size(attachments) if attachments else 0)


def _is_text(activity: Activity) -> bool:
    return bool(activity.text) and not activity.attachments


def pack(activities: list[Activity]) -> list[Activity]:
    """The same content in order, in fewer activities (each under MAX_MESSAGE_BYTES)."""
    packed: list[Activity] = []
    for activity in activities:
        last = packed[-1] if packed else None
        if last is None or not _is_text(last):
            packed.append(activity)
            continue
        joined = _content_size(last) + _content_size(activity) + len(SEPARATOR)
        if joined > MAX_MESSAGE_BYTES:
            packed.append(activity)
        elif _is_text(activity):
            last.text = f"{last.text}{SEPARATOR}{activity.text}"
        elif not activity.text and activity.attachments:
            last.attachments = list(activity.attachments)  # the text, then its card below it
        else:
            packed.append(activity)
    return packed
