"""`coach db rotate-key`: re-seal the data keys under the newest master key.

Envelope encryption makes rotation cheap: each educator's data key is re-sealed, and the
text those keys seal is left alone. Older values are brought up to date on the way:
text sealed directly under the master key, or stored plain before encryption was on, is
moved under its educator's data key (tables with an `educator_id`), and workspace secrets
(Slack tokens) are re-sealed under the newest master key. Sealed columns are found from
the models (bot/privacy/sealed_columns.py). Everything happens in the caller's
transaction: a value no configured key opens stops the rotation and nothing is changed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Table, and_, or_, select, update
from sqlalchemy.orm import Session

from bot.privacy.scope import all_tables
from bot.privacy.sealed_columns import sealed_columns, text_columns
from bot.storage.data_keys import KEY_TABLE, EducatorKey
from bot.storage.key_cache import forget_cached_keys
from bot.storage.keyring import EducatorSealer, Keyring
from bot.storage.sealing import DATA_KEY_PREFIX, SEALED_PREFIX, SealError, is_sealed

OWNER_COLUMN = "educator_id"


class RotationError(Exception):
    """A stored value could not be opened; names where, never what."""

    def __init__(self, table: str, column: str) -> None:
        super().__init__(f"{table}.{column}: a sealed value no configured key opens")
        self.table = table
        self.column = column


@dataclass
class RotationReport:
    data_keys: int = 0  # data keys re-sealed under the newest master key
    moved: Counter[str] = field(default_factory=Counter)  # master-sealed text -> data key
    newly_sealed: Counter[str] = field(default_factory=Counter)  # plain text now sealed
    resealed: Counter[str] = field(default_factory=Counter)  # workspace secrets re-sealed

    @property
    def total(self) -> int:
        values = self.moved + self.newly_sealed + self.resealed
        return self.data_keys + sum(values.values())


def rotate_all(session: Session, keyring: Keyring) -> RotationReport:
    report = RotationReport()
    for key in session.scalars(select(EducatorKey)).all():
        try:
            key.wrapped_key = keyring.master.rewrap(key.wrapped_key)
        except SealError as exc:
            raise RotationError(KEY_TABLE, "wrapped_key") from exc
        report.data_keys += 1
    session.flush()
    forget_cached_keys()  # entries name the old wrapping; they would only miss, but tidily
    owners: dict[int, EducatorSealer] = {}
    for table in all_tables():
        _rotate_table(session, keyring, table, owners, report)
    return report


def _rotate_table(
    session: Session,
    keyring: Keyring,
    table: Table,
    owners: dict[int, EducatorSealer],
    report: RotationReport,
) -> None:
    sealed = sealed_columns()
    columns = text_columns(table)
    keys = list(table.primary_key.columns)
    if not columns or not keys or table.name == KEY_TABLE:
        return
    wanted: list[ColumnElement[bool]] = [
        column.is_not(None)
        if (table.name, column.name) in sealed
        else column.startswith(SEALED_PREFIX, autoescape=True)
        for column in columns
    ]
    owner_column = table.c.get(OWNER_COLUMN)
    selected = [*keys, *columns] + ([owner_column] if owner_column is not None else [])
    for row in session.execute(select(*selected).where(or_(*wanted))).all():
        owner = row._mapping[owner_column] if owner_column is not None else None
        values: dict[str, str] = {}
        for column in columns:
            stored = row._mapping[column]
            where = f"{table.name}.{column.name}"
            if not isinstance(stored, str) or stored.startswith(DATA_KEY_PREFIX):
                continue  # already under a data key: rotation re-sealed that key above
            if not (is_sealed(stored) or (table.name, column.name) in sealed):
                continue
            try:
                if isinstance(owner, int):
                    sealer = owners.setdefault(owner, keyring.for_educator(session, owner))
                    values[column.name] = sealer.reseal(stored)
                    target = report.moved if is_sealed(stored) else report.newly_sealed
                else:
                    values[column.name] = keyring.master.reseal(stored)
                    target = report.resealed if is_sealed(stored) else report.newly_sealed
            except SealError as exc:
                raise RotationError(table.name, column.name) from exc
            target[where] += 1
        if values:
            match = and_(*(key == row._mapping[key] for key in keys))
            session.execute(update(table).where(match).values(values))
