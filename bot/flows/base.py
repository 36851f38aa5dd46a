"""What every guided flow provides, and the answer the engine hands it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.flows.option_words import option_named
from bot.flows.state import ActiveFlow
from bot.numbers import parse_small_int
from bot.replies import Reply
from bot.turn import Turn
from content.loader import Library


@dataclass(frozen=True)
class Answer:
    """The educator's answer to the current step: an option key, or their own words."""

    key: str | None = None
    text: str = ""


class Flow(Protocol):
    """A guided conversation. The engine loads and saves its state around each call.

    An `optional` flow (the check-in a nudge's buttons start) steps aside when the educator
    types a command instead of answering: what it already recorded stays recorded.
    """

    optional: bool

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        """Take the answer, move to the next step (or set flow.finished), say what's next."""
        ...

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        """Ask the current step's question again, without changing anything."""
        ...

    def untouched(self, flow: ActiveFlow) -> bool:
        """Nothing in it answered yet: another guided conversation asked for may take its
        place without losing anything."""
        ...

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        """A few words naming what the educator is in the middle of."""
        ...

    def say_in(self, turn: Turn, flow: ActiveFlow, was: Library) -> None:
        """The educator chose another language mid-way: what the flow stored in `was`'s words
        becomes `turn.library`'s (a flow that reads its words from the library each time has
        nothing to change)."""
        ...


def match_answer(flow: ActiveFlow, text: str) -> Answer | None:
    """Read typed text as an option (its number, label, key, or "the first one") or as the
    educator's own words."""
    options: list[list[str]] = flow.data.get("_options", [])
    wanted = text.strip().casefold().rstrip(".")
    number = parse_small_int(wanted)
    if number is not None and options:
        # A bare number where numbered options are shown means one of them, never an answer in
        # words: "2" with only "1. Skip this question" on screen is a slip, not a reflection.
        return Answer(key=options[number - 1][1]) if 1 <= number <= len(options) else None
    for label, key in options:
        if wanted in (label.casefold(), key.casefold(), key.replace("_", " ").casefold()):
            return Answer(key=key)
    named = option_named(text) if len(options) > 1 else None  # "the first one", "option 2"
    if named is not None and not named.change and 1 <= named.number <= len(options):
        return Answer(key=options[named.number - 1][1])
    if flow.data.get("_accepts_text", False):
        return Answer(text=text)
    return None
