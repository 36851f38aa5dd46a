"""Saved messages home, as the journal shows them (shortened; `export` has them whole)."""

from __future__ import annotations

from textwrap import shorten

from sqlalchemy import exists, select

from bot.drafts.models import SavedDraft
from bot.i18n import Msg
from bot.localtime import local_date_label
from bot.turn import Turn
from content.drafts_schema import Purpose, default_drafts

JOURNAL_DRAFTS = 5
JOURNAL_DRAFT_CHARS = 160
HEADER = Msg("Messages home you saved (newest first):")
ENTRY = Msg("• {date}, {purpose} ({language}): “{text}”")
LANGUAGE_NAMES = {"en": Msg("English"), "es": Msg("Spanish")}


def saved_draft_lines(turn: Turn) -> list[str]:
    drafts = turn.session.scalars(
        select(SavedDraft)
        .where(SavedDraft.educator_id == turn.educator.id)
        .order_by(SavedDraft.created_at.desc(), SavedDraft.id.desc())
        .limit(JOURNAL_DRAFTS)
    ).all()
    if not drafts:
        return []
    purposes = default_drafts().purposes
    lines = [str(HEADER)]
    for draft in drafts:
        label = purposes[Purpose(draft.purpose)].label if draft.purpose in set(Purpose) else "—"
        lines.append(
            ENTRY.format(
                date=local_date_label(draft.created_at, turn),
                purpose=label,
                language=LANGUAGE_NAMES.get(draft.language, draft.language),
                text=shorten(turn.sealer.unseal(draft.text), JOURNAL_DRAFT_CHARS),
            )
        )
    return lines


def is_a_drafted_message(turn: Turn, reflection_id: int) -> bool:
    """Is this planned action the sending of a saved draft?"""
    return bool(
        turn.session.scalar(select(exists().where(SavedDraft.reflection_id == reflection_id)))
    )
