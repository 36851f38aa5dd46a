"""`export`: everything the coach keeps about the educator, readable and as JSON."""

from __future__ import annotations

from bot.localtime import local_date_label
from bot.privacy import messages
from bot.privacy.export import build_export, has_data, json_parts, summary_lines, summary_parts
from bot.replies import Reply, Text
from bot.turn import Turn


def _topic_title(turn: Turn, slug: str) -> str:
    try:
        return turn.library.title(slug)
    except KeyError:
        return slug


def handle_export(turn: Turn, args: str) -> list[Reply]:
    document = build_export(turn.session, turn.educator, turn.sealer, turn.now)
    parts = json_parts(document)
    if not has_data(document):
        intro = messages.EXPORT_NOTHING.format(platform=turn.educator.platform)
        return [Text(intro), *(Text(part) for part in parts)]
    lines = summary_lines(
        document,
        date_label=lambda moment: local_date_label(moment, turn),
        topic_title=lambda slug: _topic_title(turn, slug),
    )
    lines += ["", messages.EXPORT_JSON_INTRO.format(count=len(parts))]
    return [*(Text(part) for part in summary_parts(lines)), *(Text(part) for part in parts)]
