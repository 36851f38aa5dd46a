"""Which language the coach speaks to an educator, and `language en|es` (`idioma`).

Their own choice wins; else what their platform says (Slack's user locale, Teams'
activity.locale), kept so a nudge the coach starts itself is in the same language; else
English. Only the languages the coach has words for count: a French locale is English here.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.inbound import Inbound
from bot.storage.models import Educator
from content.languages import DEFAULT_LANGUAGE, LANGUAGES
from content.loader import Library, library_in

# What educators type after `language` / `idioma` (casefolded, accents as typed or not).
LANGUAGE_WORDS = {
    "en": "en", "english": "en", "inglés": "en", "ingles": "en",
    "es": "es", "spanish": "es", "español": "es", "espanol": "es", "castellano": "es",
}  # fmt: skip


# The contract's Spanish command words, for an educator whose language is Spanish.
SPANISH_COMMANDS = {
    "ayuda": "help", "aprender": "learn", "reflexionar": "reflect", "diario": "journal",
    "evaluar": "assess", "reformular": "reframe", "borrador": "draft", "perfil": "profile",
    "idioma": "language", "recordatorios": "nudges", "exportar": "export",
    "olvidar": "forget", "cancelar": "cancel", "hola": "hi", "menú": "menu", "menu": "menu",
}  # fmt: skip


def spanish_words_for(commands: Collection[str]) -> list[str]:
    """The Spanish words that name any of these commands ("nudges" -> "recordatorios")."""
    return [word for word, command in SPANISH_COMMANDS.items() if command in commands]


# "Yes" to the offer of Spanish, typed instead of tapped.
YES_TO_SPANISH = frozenset(
    ["si", "sí", "si por favor", "sí por favor", "claro", "español", "espanol", "en español",
     "en espanol", "spanish", "yes spanish"]
)  # fmt: skip


def language_of_locale(locale: str | None) -> str | None:
    """ "es-MX", "es_419", "ES" -> "es"; a language the coach does not speak -> None."""
    if not locale:
        return None
    language = locale.replace("_", "-").split("-", 1)[0].casefold()
    return language if language in LANGUAGES else None


def language_named(words: str) -> str | None:
    return LANGUAGE_WORDS.get(words.strip().strip(".!").casefold())


def educator_language(educator: Educator) -> str:
    return educator.language or educator.platform_language or DEFAULT_LANGUAGE


def note_platform_locale(educator: Educator, locale: str | None) -> None:
    """Keep the platform's latest word on their language (used when they chose none)."""
    language = language_of_locale(locale)
    if language is not None and educator.platform_language != language:
        educator.platform_language = language


def library_for(base: Library, language: str) -> Library:
    """The content in `language`: the coach's own (English) library, or the packaged one."""
    return base if language == DEFAULT_LANGUAGE else library_in(language)


def accepts_offered_spanish(educator: Educator, text: str) -> bool:
    """A typed "sí" (or "español") once the coach has offered Spanish, before any choice."""
    said = " ".join(text.casefold().replace(",", " ").strip(" .!¡?¿").split())
    return (
        educator.language_offered_at is not None
        and educator.language is None
        and said in YES_TO_SPANISH
    )


def known_language(session: Session, inbound: Inbound) -> str:
    """The language of someone the coach may not have met, without meeting them: theirs if
    known, else their platform's, else English (one look-up by the unique key)."""
    row = session.execute(
        select(Educator.language, Educator.platform_language).where(
            Educator.platform == inbound.platform.value,
            Educator.workspace == inbound.workspace,
            Educator.user_id == inbound.user,
        )
    ).first()
    chosen, platform = (row.language, row.platform_language) if row is not None else (None, None)
    return chosen or language_of_locale(inbound.locale) or platform or DEFAULT_LANGUAGE
