"""`coach understand TEXT [--json] [--lang en|es]`: what the coach reads in one message.

For content authors tuning content/understanding/: prints the intent, topic, themes, deficit
findings, detected language and the everyday situation the model leans to. Never logs the text.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from bot.i18n import speaking
from bot.understanding import understand
from bot.understanding.reader import SITUATION_CONFIDENCE, default_reader
from content.situations_schema import NO_SITUATION


def understand_command(args: argparse.Namespace) -> int:
    words = args.text
    text = " ".join(words) if isinstance(words, list) else str(words)
    # Read, and its notes said, as for an educator who speaks --lang.
    with speaking(getattr(args, "lang", "en")):
        reading = understand(text)
    situation = _situation(text)
    if getattr(args, "json", False):
        print(json.dumps({**reading.to_dict(), "situation": situation}, ensure_ascii=False))
        return 0
    print(f"intent:    {reading.intent}")
    print(f"topic:     {reading.topic or '-'}")
    print(f"themes:    {', '.join(reading.themes) or '-'}")
    print(f"deficit:   {', '.join(repr(f.text) for f in reading.deficit) or '-'}")
    print(f"language:  {reading.language}")
    if situation is None:
        print("situation: -")
    else:
        clears = "clears" if situation["clears_bar"] else "under"
        print(f"situation: {situation['name']} ({situation['chance']:.2f}, {clears} the bar)")
    return 0


def _situation(text: str) -> dict[str, Any] | None:
    """The everyday situation the model leans to (situations.yaml), how sure it is, and
    whether that is sure enough for a question to get its answer; None when it leans to none.
    A near miss is shown too: it is what an author adds examples for."""
    reader = default_reader()
    guess = reader.situation_guess(text)
    if guess.label == NO_SITUATION:
        return None
    return {
        "name": guess.label,
        "chance": round(guess.probability, 3),
        # As a question is read: a fragment needs more, a long story may clear it by the
        # sentence about the situation.
        "clears_bar": reader.situation(text, SITUATION_CONFIDENCE) is not None,
    }
