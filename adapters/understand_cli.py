"""`coach understand TEXT [--json] [--lang en|es]`: what the coach reads in one message.

For content authors tuning content/understanding/: prints the intent, topic, themes, deficit
findings and detected language. Never logs the text.
"""

from __future__ import annotations

import argparse
import json

from bot.i18n import speaking
from bot.understanding import understand


def understand_command(args: argparse.Namespace) -> int:
    words = args.text
    text = " ".join(words) if isinstance(words, list) else str(words)
    # Read, and its notes said, as for an educator who speaks --lang.
    with speaking(getattr(args, "lang", "en")):
        reading = understand(text)
    if getattr(args, "json", False):
        print(json.dumps(reading.to_dict(), ensure_ascii=False))
        return 0
    print(f"intent:   {reading.intent}")
    print(f"topic:    {reading.topic or '-'}")
    print(f"themes:   {', '.join(reading.themes) or '-'}")
    print(f"deficit:  {', '.join(repr(f.text) for f in reading.deficit) or '-'}")
    print(f"language: {reading.language}")
    return 0
