"""What the coach reads in a message: intent, topic, themes, deficit framing, language.

    from bot.understanding import understand

    reading = understand("can u help me write a note to a parent")
    reading.intent, reading.topic, reading.themes, reading.deficit, reading.language

The words it matches on live in content/understanding/; they are compiled once per process.
Nothing here stores or logs the text.
"""

from bot.understanding.deficit import warm_up as _warm_deficit
from bot.understanding.normalise import phrases_pattern
from bot.understanding.reader import Reader, Understanding, default_reader, understand
from content.languages import LANGUAGES
from content.understanding_schema import replies_in


def warm_up() -> None:
    """Compile every cue and reframe pattern now, so a server's first educators never wait
    for it (`coach serve` calls this before it listens; the terminal reads lazily)."""
    default_reader().situation_model  # noqa: B018 (loaded on first use otherwise)
    _warm_deficit()
    _warm_said_words()


def _warm_said_words() -> None:
    """The words of every `told` and `to_the_coach` entry, matched against each plain message
    (about 0.6 s to compile on the first one)."""
    for language in LANGUAGES:
        replies = replies_in(language)
        for told in replies.told.values():
            phrases_pattern(tuple(told.words))
        for said in replies.to_the_coach.values():
            for phrases in (said.words, said.unless_words, said.with_words):
                phrases_pattern(tuple(phrases))


__all__ = ["Reader", "Understanding", "default_reader", "understand", "warm_up"]
