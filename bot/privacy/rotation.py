"""Re-seal every stored sealed value under the newest key (`coach db rotate-key`).

Sealed columns are found from the models (bot/privacy/sealed_columns.py); a value with
the sealed prefix is re-sealed wherever it is. Plain text in a sealed column (written
before a key was set) is sealed. Everything happens in the caller's transaction: a value
no configured key opens stops the rotation and nothing is changed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from bot.privacy.scope import all_tables
from bot.privacy.sealed_columns import sealed_columns, text_columns
from bot.storage.sealing import SEALED_PREFIX, FernetSealer, WrongKeyError, is_sealed


class RotationError(Exception):
    """A stored value could not be opened; names where, never what."""

    def __init__(self, table: str, column: str) -> None:
        super().__init__(f"{table}.{column}: a sealed value no configured key opens")
        self.table = table
        self.column = column


@dataclass
class RotationReport:
    resealed: Counter[str] = field(default_factory=Counter)  # "table.column" -> values
    newly_sealed: Counter[str] = field(default_factory=Counter)  # plain text now sealed

    @property
    def total(self) -> int:
        return sum(self.resealed.values()) + sum(self.newly_sealed.values())


def rotate_all(session: Session, sealer: FernetSealer) -> RotationReport:
    report = RotationReport()
    sealed = sealed_columns()
    for table in all_tables():
        columns = text_columns(table)
        keys = list(table.primary_key.columns)
        if not columns or not keys:
            continue
        wanted: list[ColumnElement[bool]] = [
            column.is_not(None)
            if (table.name, column.name) in sealed
            else column.startswith(SEALED_PREFIX, autoescape=True)
            for column in columns
        ]
        rows = session.execute(select(*keys, *columns).where(or_(*wanted))).all()
        for row in rows:
            values: dict[str, str] = {}
            for column in columns:
                stored = row._mapping[column]
                if not isinstance(stored, str):
                    continue
                in_sealed_column = (table.name, column.name) in sealed
                if not (is_sealed(stored) or in_sealed_column):
                    continue
                try:
                    values[column.name] = sealer.reseal(stored)
                except WrongKeyError as exc:
                    raise RotationError(table.name, column.name) from exc
                target = report.resealed if is_sealed(stored) else report.newly_sealed
                target[f"{table.name}.{column.name}"] += 1
            if values:
                match = and_(*(key == row._mapping[key] for key in keys))
                session.execute(update(table).where(match).values(values))
    return report
