"""Get-or-create that survives a concurrent twin.

Two messages from the same new educator can both find no row and both add one; the unique
key lets only one in. The loser's insert runs in a savepoint, so its failure undoes only
that insert, and it goes on with the row its twin made (visible once the twin committed:
PostgreSQL makes the loser's insert wait for that, SQLite takes one writer at a time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

Row = TypeVar("Row")


def add_once(session: Session, row: Row, find: Callable[[], Row | None]) -> Row:
    """`row` added and flushed, or, when a twin added the same unique key first, the twin's."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        twin = find()
        if twin is None:  # some other constraint: not a twin, so not ours to hide
            raise
        return twin
    return row
