"""Shared steps: fill an educator's data through the coach, and read raw rows."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Engine, String, delete, func, select, update

from bot.app import CoachApp
from bot.engine import Coach
from bot.privacy.scope import table_named
from bot.privacy.sealed_columns import sealed_columns
from bot.storage.all_models import Base
from bot.storage.data_keys import EducatorKey
from bot.storage.sealing import FernetSealer
from tests.dialog import Conversation


def reflect(educator: Conversation, marker: str, topic: str = "relational") -> None:
    """One full reflection, own words everywhere, checking in on the last one if asked."""
    answer = educator.says(f"reflect {topic}")
    if "How did it go?" in answer:
        educator.says("Partly")
        educator.says(f"{marker} outcome note")  # typed as what got in the way
        educator.says("No, let it go")
    educator.says(f"{marker} first answer about a family")
    educator.says(f"{marker} second answer")
    educator.says("Write my own")
    educator.says(f"{marker} my own action")


def assess(educator: Conversation) -> None:
    answer = educator.says("assess")
    for _ in range(40):
        if "How much is this like your practice?" not in answer:
            break
        answer = educator.clicks("2")
    assert "self-assessment from" in answer, answer


def full_history(coach: Coach, user: str, marker: str) -> Conversation:
    """An educator with two reflections (the second checks in on the first), a
    self-assessment, nudges on if that exists, and a reflection left half-way."""
    educator = Conversation(coach, user)
    reflect(educator, marker)
    reflect(educator, marker, "connections")
    assess(educator)
    educator.says("nudges on")
    if "How did it go?" in educator.says("reflect confidence"):
        educator.clicks("Done")
        educator.says(f"{marker} another outcome note")
    assert "Question 2 of 2" in educator.says(f"{marker} half-way answer")
    return educator


def row_counts(engine: Engine) -> Counter[str]:
    counts: Counter[str] = Counter()
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = connection.scalar(select(func.count()).select_from(table)) or 0
    return counts


def all_rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as connection:
        return {
            table.name: [dict(row) for row in connection.execute(select(table)).mappings()]
            for table in Base.metadata.sorted_tables
        }


def raw_text_containing(engine: Engine, marker: str) -> list[str]:
    """Every (table.column) whose raw stored value contains the marker, read without the coach."""
    found: list[str] = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table)).mappings():
                for column in table.columns:
                    value = row[column.name]
                    text = value if isinstance(column.type, String) else repr(value)
                    if isinstance(text, str) and marker in text:
                        found.append(f"{table.name}.{column.name}")
    return found


def as_older_version_stored_it(app: CoachApp, master: FernetSealer | None) -> int:
    """Rewrite every sealed value the way an earlier version stored it: plain text (no key
    was set) or sealed directly under the master key (`sealed:v1:`), with no data keys."""
    rewritten = 0
    with app.sessions.begin() as session:
        for table_name, column_name in sorted(sealed_columns()):
            table = table_named(table_name)
            if table is None or "educator_id" not in table.c:
                continue
            column, keys = table.c[column_name], list(table.primary_key.columns)
            for row in session.execute(select(*keys, table.c.educator_id, column)).all():
                stored = row._mapping[column]
                if stored is None:
                    continue
                sealer = app.coach.sealer.for_educator(session, row._mapping[table.c.educator_id])
                text = sealer.unseal(stored)
                match = [key == row._mapping[key] for key in keys]
                older = master.seal(text) if master is not None else text
                session.execute(update(table).where(*match).values({column_name: older}))
                rewritten += 1
        session.execute(delete(EducatorKey))
    return rewritten
