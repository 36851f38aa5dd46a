"""What the coach reads in a message: intent, topic, themes, deficit framing, language.

    from bot.understanding import understand

    reading = understand("can u help me write a note to a parent")
    reading.intent, reading.topic, reading.themes, reading.deficit, reading.language

The words it matches on live in content/understanding/; they are compiled once per process.
Nothing here stores or logs the text.
"""

from bot.understanding.deficit import warm_up as _warm_deficit
from bot.understanding.reader import Reader, Understanding, default_reader, understand


def warm_up() -> None:
    """Compile every cue and reframe pattern now, so a server's first educators never wait
    for it (`coach serve` calls this before it listens; the terminal reads lazily)."""
    default_reader()
    _warm_deficit()


__all__ = ["Reader", "Understanding", "default_reader", "understand", "warm_up"]
