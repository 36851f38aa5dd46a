"""`language en|es` (`idioma`): the language the coach speaks to this educator.

Said back in the language just chosen, so the answer itself shows the change. The choice is
theirs and outlasts what their platform says; `language` alone shows it with one-tap buttons.
"""

from __future__ import annotations

from datetime import timedelta

from bot import messages
from bot.commands.profile import first_hello
from bot.i18n import speaking
from bot.language import language_named
from bot.replies import Choice, Choices, Reply, Text
from bot.turn import Turn
from content.loader import library_in

LANGUAGE_BUTTONS = (("English", "language en"), ("Español", "language es"))


# The offer of Spanish, answered by typing its option's number, this long after it was made.
PICKED_BY_NUMBER_WITHIN = timedelta(hours=2)


def language_picked(turn: Turn, number: int) -> str | None:
    """The language whose option number was typed under the offer of Spanish, while no
    language is chosen and the offer is recent ("2": "es"); None otherwise."""
    offered = turn.educator.language_offered_at
    if offered is None or turn.educator.language is not None:
        return None
    if turn.now - offered > PICKED_BY_NUMBER_WITHIN or not 1 <= number <= len(LANGUAGE_BUTTONS):
        return None
    return LANGUAGE_BUTTONS[number - 1][1].removeprefix("language ")


def language_choices(prompt: str) -> Choices:
    """English and Spanish, each named in its own language."""
    return Choices(prompt, tuple(Choice(label, value) for label, value in LANGUAGE_BUTTONS))


def handle_language(turn: Turn, args: str) -> list[Reply]:
    if not args.strip():
        return [language_choices(str(messages.LANGUAGE_NOW))]
    language = language_named(args)
    if language is None:
        return [language_choices(messages.LANGUAGE_UNKNOWN.format(word=args.strip()[:40]))]
    switch_language(turn, language)
    with speaking(language):
        # The first hello's question, if it waited for this choice (bot/plain_requests.py).
        return [Text(str(messages.LANGUAGE_SET)), *first_hello(turn)]


def switch_language(turn: Turn, language: str) -> None:
    """From now on, and for the rest of this turn, the coach speaks `language` to them."""
    turn.educator.language = language
    turn.language, turn.library = language, library_in(language)
