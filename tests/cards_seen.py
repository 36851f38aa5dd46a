"""Every Teams card the suite's conversations showed, kept for the card check.

The suite's own doubles hand over what the coach said: `Conversation` and the channel
conversation in tests/ (its reply parts), `FakePlatform` (the nudges and team prompts the
clock sends) and the Teams connector on 127.0.0.1 (activities exactly as the Teams adapter
posted or updated them). Reply parts become cards through the Teams adapter's own
`cards.render`, as a Teams turn or send does. A card with options also yields, for each
option, the card it is replaced with once clicked (`answered.answered_card`). Each card is
kept once, by content.

tests/teams/test_cards_render.py runs after every other test (tests/conftest.py) and renders
all of them in the official Adaptive Cards renderer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from typing import Any

from adapters.teams import cards
from adapters.teams.answered import answered_card
from bot.replies import Reply
from tests.teams.reading import options


class CardsSeen:
    def __init__(self) -> None:
        self._cards: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()  # nudges are sent from the clock's threads
        self.whole_suite = False  # set by tests/conftest.py once the session is collected
        self.checked: int | None = None  # how many cards the card check rendered

    def replies(self, replies: list[Reply]) -> list[Reply]:
        """Keep the Teams cards of these reply parts; returns them unchanged."""
        for activity in cards.render(replies):
            for attachment in activity.attachments or []:
                self.card(attachment.content)
        return replies

    def activity(self, activity: dict[str, Any]) -> None:
        """Keep the cards of one activity as the Teams adapter sent it."""
        for attachment in activity.get("attachments") or []:
            if attachment.get("contentType") == cards.ADAPTIVE_CARD_TYPE:
                self.card(attachment["content"])

    def card(self, card: dict[str, Any]) -> None:
        key = json.dumps(card, sort_keys=True)
        with self._lock:
            if key in self._cards:
                return
            self._cards[key] = json.loads(key)  # a copy: the caller may change its own
        for option in options(card):
            answered = answered_card(option["data"])
            if answered is not None:
                self.card(answered)

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._cards.values())


def each_card(groups: Iterable[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Cards from several places, each once, in first-seen order."""
    kept: dict[str, dict[str, Any]] = {}
    for group in groups:
        for card in group:
            kept.setdefault(json.dumps(card, sort_keys=True), card)
    return list(kept.values())


SEEN = CardsSeen()
