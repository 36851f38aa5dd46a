"""Finding a topic from what an educator typed, and suggesting this week's topic."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from sqlalchemy import select

from bot import messages
from bot.nudges.settings import this_weeks_topic
from bot.profiles import topic_order
from bot.replies import Reply, Text
from bot.storage.models import Reflection
from bot.text import without_accents
from bot.turn import Turn
from bot.understanding import understand
from content.loader import Library
from content.schema import ALL_TOPICS, NUDGE_TOPICS


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# Other names educators type for a topic (keys as _key makes them, without accents): the
# short English ones, and the Spanish names, which work whatever language the coach speaks.
TOPIC_ALIASES = {
    "thechallenge": "challenge",
    "capacityoutcomes": "outcomes",
    "linked": "linked-to-learning",
    "desafio": "challenge",
    "eldesafio": "challenge",
    "relacional": "relational",
    "vinculadoalaprendizaje": "linked-to-learning",
    "vinculado": "linked-to-learning",
    "basadoenfortalezas": "asset-based",
    "fortalezas": "asset-based",
    "culturalmentereceptivo": "culturally-responsive",
    "culturalmente": "culturally-responsive",
    "colaborativo": "collaborative",
    "interactivo": "interactive",
    "sistemico": "systemic",
    "integrado": "integrated",
    "sostenido": "sustained",
    "capacidades": "capabilities",
    "conexiones": "connections",
    "confianza": "confidence",
    "cognicion": "cognition",
    "resultados": "outcomes",
    "resultadosdecapacidad": "outcomes",
}


def resolve_topic(library: Library, typed: str) -> str | None:
    """A slug for a slug, a title, or either with other spacing and hyphens."""
    wanted = _key(typed)
    if not wanted:
        return None
    for slug in ALL_TOPICS:
        if wanted in (_key(slug), _key(library.title(slug))):
            return slug
    return TOPIC_ALIASES.get(without_accents(wanted))


def topic_named(library: Library, typed: str) -> str | None:
    """The topic a command's words name: its slug, title or alias, or else the one the topic
    reader finds in them ("reflect on trust", "learn about the asset based stuff")."""
    return resolve_topic(library, typed) or topic_read(typed)


def topic_read(typed: str) -> str | None:
    """The topic the topic reader finds in words that name none by its name."""
    read = understand(typed, deficit=False).topic
    return read if read in ALL_TOPICS else None


def topic_like(typed: str) -> str | None:
    """The topic a word is a slip of ("relatonal", "colaborative"), or None. Not lower than
    0.8: at 0.6 "communication" was taken for `cognition` and "conferences" for `confidence`."""
    close = difflib.get_close_matches(typed.casefold().strip(), ALL_TOPICS, n=1, cutoff=0.8)
    return close[0] if close else None


def unknown_topic_reply(library: Library, typed: str) -> list[Reply]:
    lines = [messages.UNKNOWN_TOPIC.format(topic=typed)]
    close = topic_like(typed)
    if close:
        lines.append(messages.DID_YOU_MEAN.format(suggestion=close))
    lines.append(str(messages.TOPIC_LIST_HEADER))
    lines.append(topic_list(library))
    return [Text("\n".join(lines))]


def topic_list(library: Library, slugs: Iterable[str] = ALL_TOPICS) -> str:
    """The topics (all, or `slugs`), one a line with the word that names each."""
    return "\n".join(f"• `{slug}`: {library.title(slug)}" for slug in slugs)


def suggested_topic(turn: Turn) -> str:
    """This week's topic when none is named: this week's nudge topic when subscribed,
    else the one after the last reflected on."""
    order = topic_order(turn.library, turn.educator)  # the role's own topics first
    nudged = this_weeks_topic(turn.session, turn.educator.id, turn.now, order)
    if nudged in NUDGE_TOPICS:
        return nudged
    last = turn.session.scalar(
        select(Reflection.topic)
        .where(Reflection.educator_id == turn.educator.id)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
        .limit(1)
    )
    if last not in order:
        return order[0]
    return order[(order.index(last) + 1) % len(order)]
