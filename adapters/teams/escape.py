"""Text the coach sends to Teams, made inert: it can show what an educator wrote, never run it.

Teams renders message text and Adaptive Card text as markdown, so what an educator typed and
the coach repeats (a journal entry, a day it did not understand, a sentence to reframe) could
become a live link in the coach's own voice: ``channel day a`[Reset](https://ev.il/r)`b``.
The coach's own content has no links, so every piece of link syntax in what it sends is
broken with an invisible zero-width space, as Slack's renderer escapes `<`, `>` and `&`:

- `]` is followed by one, so `[text](url)`, `[text][ref]` and `[ref]: url` never form;
- `<` is followed by one, so neither `<https://...>` autolinks nor HTML tags form;
- `://` and `www.` get one, so a bare address is not turned into a link either.

What the educator sees reads the same; copying it back gives the same words (the coach drops
zero-width characters from what it reads, bot/text.py).
"""

from __future__ import annotations

import re

ZWSP = "\u200b"
_SCHEME = re.compile(r"(?i)(\w)(://)")
_WWW = re.compile(r"(?i)\b(www)\.")


def inert(text: str) -> str:
    text = text.replace("]", "]" + ZWSP).replace("<", "<" + ZWSP)
    text = _SCHEME.sub(lambda m: m.group(1) + ":" + ZWSP + "//", text)
    return _WWW.sub(lambda m: m.group(1) + ZWSP + ".", text)
