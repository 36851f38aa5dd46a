"""What the coach reads in a message: intent, topic, themes, deficit framing, language.

    from bot.understanding import understand

    reading = understand("can u help me write a note to a parent")
    reading.intent, reading.topic, reading.themes, reading.deficit, reading.language

The words it matches on live in content/understanding/; they are compiled once per process.
Nothing here stores or logs the text.
"""

from bot.understanding.reader import Reader, Understanding, default_reader, understand

__all__ = ["Reader", "Understanding", "default_reader", "understand"]
