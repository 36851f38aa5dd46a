"""Answers that travel inside the acknowledgement itself (`help`, `learn`).

They depend only on the content, so each is rendered once per process and reused; Slack
gets its answer in well under its 3-second deadline without a database round trip.
"""

from __future__ import annotations

from typing import Any

from adapters.slack.blocks import render_messages
from bot.quick import quick_key, quick_replies
from content.loader import Library


class QuickAcks:
    """The acknowledgement body for a content-only answer, or None to answer later."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._bodies: dict[str, dict[str, Any] | None] = {}

    def body_for(self, text: str) -> dict[str, Any] | None:
        key = quick_key(text, self.library)
        if key is None:
            return None
        if key not in self._bodies:
            rendered = render_messages(quick_replies(key, self.library))
            self._bodies[key] = (
                {
                    "text": rendered[0].text,
                    "blocks": rendered[0].blocks,
                    "response_type": "ephemeral",
                }
                if len(rendered) == 1
                else None  # too long for one message: answer through response_url
            )
        return self._bodies[key]
