"""Set-based statements (the clock's claim batch): one statement for many rows, whatever the count.

On PostgreSQL a list travels as one array parameter (`= ANY(:ids)`, `unnest(:a, :b, ...)`),
so the statement text, and its parsing on both ends, stays the same size for 1 row or 200;
SQLite, in-process, gets the plain `IN (...)` and a multi-row VALUES.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Integer, Table, any_, bindparam, select
from sqlalchemy import func as sql
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session


def on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def id_in(
    session: Session, column: InstrumentedAttribute[int], ids: Collection[int]
) -> ColumnElement[bool]:
    """`column IN ids`, as `column = ANY(array)` on PostgreSQL."""
    if on_postgresql(session):
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
    return column.in_(list(ids))


def insert_skipping_conflicts(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, object]],
    unique: list[str],
    returning: tuple[str, str],
) -> list[tuple[Any, Any]]:
    """INSERT `rows` (all with the same keys) in one statement; a row whose `unique` key is
    already there is skipped (`ON CONFLICT DO NOTHING`) and not returned."""
    names = tuple(rows[0])
    if on_postgresql(session):
        statement = _unnest_insert(table, names, tuple(unique), returning)
        arrays = {f"all_{name}": [row[name] for row in rows] for name in names}
        return [tuple(row) for row in session.execute(statement, arrays)]
    back = (table.c[returning[0]], table.c[returning[1]])
    plain: Any = sqlite.insert(table).on_conflict_do_nothing(index_elements=unique).returning(*back)
    # Rows given as parameters: SQLAlchemy sends one multi-row INSERT ("insertmanyvalues").
    return [tuple(row) for row in session.connection().execute(plain, list(rows))]


@cache
def _unnest_insert(
    table: Table, names: tuple[str, ...], unique: tuple[str, ...], returning: tuple[str, str]
) -> Any:
    """INSERT ... SELECT FROM unnest(one array per column): built once per table and columns,
    so SQLAlchemy compiles it once and psycopg prepares it once."""
    arrays = [bindparam(f"all_{name}", type_=ARRAY(table.c[name].type)) for name in names]
    source = sql.unnest(*arrays).table_valued(*names).render_derived()
    return (
        postgresql.insert(table)
        .from_select(list(names), select(*[source.c[name] for name in names]))
        .on_conflict_do_nothing(index_elements=list(unique))
        .returning(table.c[returning[0]], table.c[returning[1]])
    )
