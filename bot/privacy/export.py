"""Everything the coach stores about one educator, as a JSON document and a readable summary.

Channel-agnostic: the chat command, the operator CLI and (later) a Slack file upload all
start from `build_export`. Rows are found generically (bot/privacy/scope.py), so tables
other features add are exported without a change here. Sealed text is opened with the
configured keys; a value no key opens raises SealError rather than being left out.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from bot import messages as core_messages
from bot.i18n import _
from bot.privacy import messages
from bot.privacy.scope import EDUCATORS, educator_scope
from bot.privacy.sealed_columns import is_json_text, sealed_columns
from bot.storage.data_keys import NOT_EXPORTED
from bot.storage.models import Educator
from bot.storage.sealing import Sealer, is_sealed

EXPORT_FORMAT = "partnership-coach-export"
EXPORT_VERSION = 1
CREDENTIAL_WORDS = ("token", "secret", "password", "webhook")
# Tables not listed under "records" in the summary (shown in their own sections).
INTERNAL_KEYS = ("_options", "_accepts_text")


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _row_document(
    table: Table, row: Mapping[Any, Any], sealer: Sealer, sealed: set[tuple[str, str]]
) -> dict[str, object]:
    document: dict[str, object] = {}
    for key, value in row.items():
        name = str(key)
        if any(word in name.casefold() for word in CREDENTIAL_WORDS):
            document[name] = str(messages.EXPORT_WITHHELD) if value is not None else None
            continue
        if isinstance(value, str) and (is_sealed(value) or (table.name, name) in sealed):
            value = sealer.unseal(value)
            if is_json_text(table, name) and value[:1] in ("[", "{"):
                with contextlib.suppress(ValueError):
                    value = json.loads(value)
        document[name] = _plain(value)
    return document


def find_educator(session: Session, platform: str, workspace: str, user: str) -> Educator | None:
    return session.scalar(
        select(Educator).where(
            Educator.platform == platform,
            Educator.workspace == workspace,
            Educator.user_id == user,
        )
    )


def build_export(
    session: Session, educator: Educator, sealer: Sealer, now: datetime
) -> dict[str, Any]:
    """The complete JSON-ready document: the profile, then every other row by table."""
    session.flush()
    scope = educator_scope(educator.id, educator.platform, educator.workspace, educator.user_id)
    sealed = sealed_columns()
    records: dict[str, list[dict[str, object]]] = {}
    for table in scope.tables:
        if table.info.get(NOT_EXPORTED):  # the coach's machinery (the data key), not theirs
            continue
        ordering = list(table.primary_key.columns)
        rows = session.execute(
            select(table).where(scope.conditions[table]).order_by(*ordering)
        ).mappings()
        documents = [_row_document(table, row, sealer, sealed) for row in rows]
        if documents:
            records[table.name] = documents
    profiles = records.pop(EDUCATORS, [])
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": now.isoformat(),
        "educator": f"{educator.platform}:{educator.workspace}:{educator.user_id}",
        "profile": profiles[0] if profiles else None,
        "records": records,
        "counts": {name: len(rows) for name, rows in records.items()},
    }


# What an educator told the coach about themselves, kept on their profile row.
PROFILE_SETTINGS = ("role", "grade_band")


def has_data(document: Mapping[str, Any]) -> bool:
    """True when anything beyond who the educator is on their platform is stored (a role or
    grade band they told the coach counts)."""
    profile = document["profile"] or {}
    return bool(document["records"]) or any(profile.get(key) for key in PROFILE_SETTINGS)


def export_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, at line ends where possible; joined they give text."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        while len(line) > limit:
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:limit])
            line = line[limit:]
        if len(current) + len(line) > limit:
            pieces.append(current)
            current = ""
        current += line
    if current:
        pieces.append(current)
    return pieces


def json_parts(document: Mapping[str, Any], limit: int = messages.PART_LIMIT) -> list[str]:
    """The JSON document as chat messages of at most `limit` characters each."""
    text = export_json(document)
    wrapper = len(messages.EXPORT_JSON_PART.format(number=9999, total=9999, chunk=""))
    chunks = split_text(text, limit - wrapper)
    return [
        messages.EXPORT_JSON_PART.format(number=i, total=len(chunks), chunk=chunk)
        for i, chunk in enumerate(chunks, 1)
    ]


def json_chunks_from_parts(parts: list[str]) -> str:
    """Put JSON parts back together (what an educator or a test does with them)."""
    chunks = []
    for part in parts:
        body = part.split("```\n", 1)[1]
        chunks.append(body.rsplit("\n```", 1)[0])
    return "".join(chunks)


DateLabel = Callable[[datetime], str]
TopicTitle = Callable[[str], str]


def _when(value: object, label: DateLabel) -> str:
    if isinstance(value, str):
        try:
            return label(datetime.fromisoformat(value))
        except ValueError:
            return value
    return "unknown"


def _fields(row: Mapping[str, object], skip: tuple[str, ...] = ()) -> str:
    shown = [
        f"{name}: {value}"
        for name, value in row.items()
        if name not in skip and not name.endswith("_id") and name != "id" and value is not None
    ]
    return "; ".join(shown)


def summary_lines(
    document: Mapping[str, Any], *, date_label: DateLabel, topic_title: TopicTitle
) -> list[str]:
    """The export as readable lines, one section per kind of record."""
    lines = [messages.EXPORT_HEADER.format(date=_when(document["exported_at"], date_label))]
    profile = document["profile"] or {}
    lines.append(
        messages.EXPORT_PROFILE.format(
            platform=profile.get("platform", "?"),
            user=profile.get("user_id", "?"),
            workspace=profile.get("workspace", "?"),
            created=_when(profile.get("created_at"), date_label),
            last_seen=_when(profile.get("last_seen_at"), date_label),
            role=profile.get("role") or _("not set"),
            grades=profile.get("grade_band") or _("not set"),
            timezone=profile.get("timezone") or _("not known"),
            reframe=_("on") if profile.get("reframe_offers", True) else _("off"),
        )
    )
    records: Mapping[str, list[dict[str, Any]]] = document["records"]
    for table, rows in records.items():
        title = messages.SECTION_TITLES.get(table, table.replace("_", " ").capitalize())
        lines.append("")
        lines.append(messages.EXPORT_SECTION.format(title=title, count=len(rows)))
        for row in rows:
            lines.extend(_row_lines(table, row, date_label, topic_title))
    return lines


def _row_lines(
    table: str, row: Mapping[str, Any], date_label: DateLabel, topic_title: TopicTitle
) -> list[str]:
    if table == "reflections":
        lines = [
            messages.EXPORT_REFLECTION.format(
                date=_when(row.get("created_at"), date_label),
                topic=topic_title(str(row.get("topic", ""))),
            )
        ]
        answers = row.get("answers")
        if isinstance(answers, list):
            for item in answers:
                if isinstance(item, dict):
                    lines.append(
                        messages.EXPORT_QA.format(
                            prompt=item.get("prompt", ""), answer=item.get("answer", "")
                        )
                    )
        elif answers:
            lines.append(messages.EXPORT_QA.format(prompt="", answer=answers))
        lines.append(
            messages.EXPORT_ACTION.format(
                action=row.get("action", ""),
                status=core_messages.STATUS_LABELS.get(
                    str(row.get("action_status", "")), row.get("action_status", "")
                ),
            )
        )
        if row.get("outcome_note"):
            lines.append(messages.EXPORT_OUTCOME_NOTE.format(note=row["outcome_note"]))
        return lines
    if table == "assessment_results":
        scores = row.get("scores")
        shown = (
            ", ".join(f"{topic_title(str(k))} {v}" for k, v in scores.items())
            if isinstance(scores, dict)
            else str(scores)
        )
        return [
            messages.EXPORT_ASSESSMENT.format(
                date=_when(row.get("taken_at"), date_label), scores=shown
            )
        ]
    if table == "flow_states":
        lines = [messages.EXPORT_IN_PROGRESS.format(kind=row.get("kind"), step=row.get("step"))]
        payload = row.get("payload")
        if isinstance(payload, dict):
            visible = {k: v for k, v in payload.items() if k not in INTERNAL_KEYS}
            lines.append(f"    {json.dumps(visible, ensure_ascii=False)}")
        return lines
    return [messages.EXPORT_RECORD.format(fields=_fields(row))]


def summary_parts(lines: list[str], limit: int = messages.PART_LIMIT) -> list[str]:
    return [part.rstrip("\n") for part in split_text("\n".join(lines), limit)]
