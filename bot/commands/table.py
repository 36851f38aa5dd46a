"""Which handler answers which first word. Every word of the contract is here."""

from __future__ import annotations

from bot.commands.assess import handle_assess
from bot.commands.base import CommandHandler
from bot.commands.channel import handle_channel
from bot.commands.draft import handle_draft
from bot.commands.export import handle_export
from bot.commands.forget import handle_forget
from bot.commands.help import handle_help
from bot.commands.journal import handle_journal
from bot.commands.language import handle_language
from bot.commands.learn import handle_learn
from bot.commands.nudges import NUDGE_COMMANDS
from bot.commands.profile import handle_profile
from bot.commands.reflect import handle_reflect
from bot.commands.reframe import handle_reframe
from bot.language import SPANISH_COMMANDS

# Friendly words that mean "show me what you can do".
HELP_ALIASES = ("hi", "hello", "hey", "start", "menu", "?", "commands")


def command_table() -> dict[str, CommandHandler]:
    table: dict[str, CommandHandler] = {
        "help": handle_help,
        "learn": handle_learn,
        "reflect": handle_reflect,
        "journal": handle_journal,
        "assess": handle_assess,
        "reframe": handle_reframe,
        "export": handle_export,
        "forget": handle_forget,
        "channel": handle_channel,
        "profile": handle_profile,
        "draft": handle_draft,
        "language": handle_language,
    }
    table.update(NUDGE_COMMANDS)
    return table


# Said by anyone: how a Spanish speaker spoken to in English switches.
EVERY_LANGUAGE = ("idioma",)


# How alike a word must be to a command word to be read as its typo (difflib's ratio): a
# word alone ("reflet", "hlp"), and the first word of a sentence, which must be closer
# ("nudgs on" is `nudges`; "our family nights are empty" is a sentence, not `journal`).
TYPO_ALONE = 0.6
TYPO_BEFORE_WORDS = 0.75


def command_word(word: str, language: str) -> str:
    """The command a (casefolded) first word names in the educator's language: Spanish words
    for a Spanish speaker, and the English ones for everyone (buttons send those)."""
    if language == "es" or word in EVERY_LANGUAGE:
        return SPANISH_COMMANDS.get(word, word)
    return word


def is_help_word(word: str) -> bool:
    return word == "help" or word in HELP_ALIASES or only_question_marks(word)


def only_question_marks(word: str) -> bool:
    """ "??", "¿?", "¿": what a lone "?" asks (they had been told emoji aren't read)."""
    return bool(word) and set(word) <= set("?¿")
