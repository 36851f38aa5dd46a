"""Which stored columns hold sealed text, found from the models rather than a hand-kept list.

A module with tables names its free-text columns in a module-level FREE_TEXT_COLUMNS
tuple (see bot/storage/models.py); a column can also say so itself with
`info={"sealed": True}`. Any text value that starts with the sealed prefix is sealed,
wherever it is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from sqlalchemy import String, Table
from sqlalchemy.schema import Column

from bot.privacy.scope import all_tables
from bot.storage.all_models import Base

# Sealed columns whose plain text is a JSON document (shown parsed in an export).
JSON_TEXT_COLUMNS = {
    ("flow_states", "payload"),
    ("reflections", "answers"),
    ("nudge_inbox", "payload"),
}


def _columns_of(attributes: Iterable[object]) -> Iterable[tuple[str, str]]:
    for attribute in attributes:
        prop = getattr(attribute, "property", None)
        for column in getattr(prop, "columns", ()):
            table = getattr(column, "table", None)
            if isinstance(table, Table):
                yield table.name, str(column.name)


def sealed_columns() -> set[tuple[str, str]]:
    """(table, column) pairs that hold sealed free text."""
    found: set[tuple[str, str]] = set()
    for mapper in Base.registry.mappers:
        module = sys.modules.get(mapper.class_.__module__)
        found.update(_columns_of(getattr(module, "FREE_TEXT_COLUMNS", ())))
    for table in all_tables():
        for column in table.columns:
            if column.info.get("sealed"):
                found.add((table.name, column.name))
    return found


def text_columns(table: Table) -> list[Column[object]]:
    """Columns that can hold a string (and so, possibly, a sealed value)."""
    return [column for column in table.columns if isinstance(column.type, String)]


def is_json_text(table: Table, column: str) -> bool:
    info = table.c[column].info if column in table.c else {}
    return (table.name, column) in JSON_TEXT_COLUMNS or bool(info.get("json_text"))
