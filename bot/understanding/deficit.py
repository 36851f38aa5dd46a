"""The reframe findings for one message, as `understand` reads them.

The reframe matcher keeps its own word prefilter (each pattern runs only on the stretches
of text that hold one of its anchor words, see bot/reframe/matcher.py), so this module just
hands the text over; it stays the understanding's one door to deficit framing, and the
place that warms the lexicon at start-up.
"""

from __future__ import annotations

from bot.reframe import Finding, default_lexicon
from bot.reframe.fallback import default_fallback, find_framing
from bot.reframe.lexicon import warm


def warm_up() -> None:
    """Load the lexicon, compile its patterns and train the fallback model now (at start-up),
    not on first messages."""
    warm(default_lexicon())
    default_fallback()


def deficit_findings(text: str) -> list[Finding]:
    """Every deficit framing in text: what the lexicon finds, or else the fallback's one."""
    return find_framing(text)
