"""Which rows are about whom, found from the schema rather than from a hand-kept list.

A row is about an educator when its table has a foreign key to `educators.id` (or to a
table whose rows are about them, and so on), or when it is keyed by the educator's
(platform, workspace, user) without a foreign key. Tables other engineers add are
covered as soon as `bot/storage/all_models.py` (core) or `adapters/tables.py` (adapters)
imports them.

Deleting follows the same graph, children before parents, so nothing is left pointing
at a deleted row whatever each foreign key's ON DELETE says (SET NULL keys are cleared).

A table whose rows serve a whole workspace but name the person who set it up (Slack's
installations name their installer) says so with `info={FORGET_CLEARS: {column: value}}`:
forgetting that person blanks those columns and keeps the row the workspace still needs;
removing the workspace deletes the row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    delete,
    func,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.schema import Column, ForeignKeyConstraint

from bot.storage.all_models import Base

EDUCATORS = "educators"
WORKSPACES = "workspaces"
# Column names that, together, say "this row is about that platform user" without a key.
PLATFORM_COLUMNS = ("platform",)
WORKSPACE_COLUMNS = ("workspace", "workspace_id", "team_id", "tenant_id", "tenant")
USER_COLUMNS = ("user_id", "user", "platform_user_id")
ADDRESS_COLUMNS = ("address",)
# A channel's or chat's id: rows about one channel the coach was removed from.
CHANNEL_COLUMNS = ("channel", "conversation_id")
# Table info key: the columns (and the values they become) that forgetting a person clears.
FORGET_CLEARS = "forget_clears"


def all_tables() -> list[Table]:
    """Every table the coach knows, parents before children."""
    return list(Base.metadata.sorted_tables)


def table_named(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def _first(table: Table, names: Iterable[str]) -> Column[object] | None:
    for name in names:
        if name in table.c:
            column: Column[object] = table.c[name]
            return column
    return None


def _is_set_null(constraint: ForeignKeyConstraint) -> bool:
    return (constraint.ondelete or "").upper() == "SET NULL" and all(
        column.nullable for column in constraint.columns
    )


def _references(
    constraint: ForeignKeyConstraint, parent_condition: ColumnElement[bool]
) -> ColumnElement[bool]:
    """Rows of the constraint's table that point at a parent row matching the condition."""
    local = list(constraint.columns)
    remote = [element.column for element in constraint.elements]
    if len(local) == 1:
        return local[0].in_(select(remote[0]).where(parent_condition))
    return tuple_(*local).in_(select(*remote).where(parent_condition))


@dataclass
class Scope:
    """A set of rows across tables: a condition per table, and keys to clear (SET NULL)."""

    conditions: dict[Table, ColumnElement[bool]] = field(default_factory=dict)
    clear: list[tuple[Table, list[Column[object]], ColumnElement[bool]]] = field(
        default_factory=list
    )
    # Rows kept but blanked (FORGET_CLEARS): column values to set instead of deleting.
    blank: dict[Table, dict[str, object]] = field(default_factory=dict)

    @property
    def tables(self) -> list[Table]:
        """Tables in scope, parents before children."""
        order = all_tables()
        return [table for table in order if table in self.conditions]


def scope_from(
    roots: Mapping[Table, ColumnElement[bool]],
    blank: Mapping[Table, dict[str, object]] | None = None,
) -> Scope:
    """The root rows plus every row that references them, transitively. Rows of `blank`
    tables are kept (only blanked), so rows referencing them are not followed."""
    scope = Scope(blank=dict(blank or {}))
    for table in all_tables():
        conditions: list[ColumnElement[bool]] = []
        if table in roots:
            conditions.append(roots[table])
        for constraint in table.foreign_key_constraints:
            parent = constraint.referred_table
            if parent is table or parent not in scope.conditions or parent in scope.blank:
                continue
            reference = _references(constraint, scope.conditions[parent])
            if _is_set_null(constraint):
                scope.clear.append((table, list(constraint.columns), reference))
            else:
                conditions.append(reference)
        if conditions:
            scope.conditions[table] = or_(*conditions) if len(conditions) > 1 else conditions[0]
    return scope


def _keyed_condition(
    table: Table, platform: str, workspace: str, user: str | None
) -> ColumnElement[bool] | None:
    """Rows keyed by (platform, workspace[, user]) or by an address, without a foreign key."""
    platform_col = _first(table, PLATFORM_COLUMNS)
    workspace_col = _first(table, WORKSPACE_COLUMNS)
    user_col = _first(table, USER_COLUMNS)
    # A platform's own table ("teams_conversations") is keyed without a platform column.
    own_table = platform_col is None and table.name.startswith(f"{platform}_")
    if workspace_col is not None and (platform_col is not None or own_table):
        conditions = [workspace_col == workspace]
        if platform_col is not None:
            conditions.append(platform_col == platform)
        if user is None:
            return and_(*conditions)
        if user_col is not None:
            return and_(*conditions, user_col == user)
    address_col = _first(table, ADDRESS_COLUMNS)
    if address_col is not None:
        prefix = f"{platform}:{workspace}:"
        if user is None:
            return address_col.startswith(prefix, autoescape=True)
        return address_col == f"{prefix}{user}"
    return None


def educator_scope(educator_id: int | None, platform: str, workspace: str, user: str) -> Scope:
    """Every row about one educator (None: one the coach never met, so only rows keyed by
    their platform address, such as where to reach them)."""
    educators = Base.metadata.tables[EDUCATORS]
    roots: dict[Table, ColumnElement[bool]] = {}
    if educator_id is not None:
        roots[educators] = educators.c.id == educator_id
    blank: dict[Table, dict[str, object]] = {}
    for table in all_tables():
        if table is educators:
            continue
        keyed = _keyed_condition(table, platform, workspace, user)
        if keyed is not None:
            roots[table] = keyed
            if FORGET_CLEARS in table.info:
                blank[table] = dict(table.info[FORGET_CLEARS])
    return scope_from(roots, blank)


def workspace_scope(platform: str, workspace: str) -> Scope:
    """Every row about one workspace's educators, and its other records (channel settings,
    installations), except the `workspaces` row that says when it was removed."""
    educators = Base.metadata.tables[EDUCATORS]
    roots: dict[Table, ColumnElement[bool]] = {
        educators: and_(educators.c.platform == platform, educators.c.workspace == workspace)
    }
    for table in all_tables():
        if table is educators or table.name == WORKSPACES:
            continue
        keyed = _keyed_condition(table, platform, workspace, None)
        if keyed is not None:
            roots[table] = keyed
    return scope_from(roots)


def channel_scope(platform: str, workspace: str, channel: str) -> Scope:
    """Every row about one channel or chat of a workspace (its team prompt settings and
    their ledger, where to reach it); nothing about any educator."""
    roots: dict[Table, ColumnElement[bool]] = {}
    for table in all_tables():
        keyed = _keyed_condition(table, platform, workspace, None)
        channel_col = _first(table, CHANNEL_COLUMNS)
        if keyed is not None and channel_col is not None and table.name != EDUCATORS:
            roots[table] = and_(keyed, channel_col == channel)
    return scope_from(roots)


def count_rows(session: Session, scope: Scope) -> Counter[str]:
    counts: Counter[str] = Counter()
    for table in scope.tables:
        number = session.scalar(
            select(func.count()).select_from(table).where(scope.conditions[table])
        )
        if number:
            counts[table.name] = int(number)
    return counts


def delete_scope(session: Session, scope: Scope) -> Counter[str]:
    """Delete every row in scope, children first; returns rows deleted (or, for blanked
    tables, cleared of the person) per table.

    Runs inside the caller's transaction: either all of it happens or none of it.
    """
    session.flush()
    for table, columns, condition in scope.clear:
        session.execute(update(table).where(condition).values({c.name: None for c in columns}))
    deleted: Counter[str] = Counter()
    for table in reversed(scope.tables):
        condition = scope.conditions[table]
        if table in scope.blank:
            result = session.execute(update(table).where(condition).values(scope.blank[table]))
        else:
            result = session.execute(delete(table).where(condition))
        rowcount = getattr(result, "rowcount", 0) or 0
        if rowcount:
            deleted[table.name] += rowcount
    return deleted
