"""`forget` deletes every row about one educator in every table, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    TypeDecorator,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.exc import OperationalError

from bot.app import CoachApp
from bot.privacy.scope import educator_scope
from bot.storage.all_models import Base
from bot.storage.models import Educator
from tests.dialog import Conversation
from tests.privacy.helpers import all_rows, full_history, row_counts

MOMENT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def _value_for(column: Any, parent_ids: dict[str, int]) -> object:
    for fk in column.foreign_keys:
        return parent_ids.get(fk.column.table.name)
    kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return 7
    if isinstance(kind, DateTime):
        return MOMENT
    if isinstance(kind, JSON):
        return {}
    if isinstance(kind, String):
        return f"x{parent_ids['educators']}"[: kind.length or 8]
    return None


def fill_every_table(engine: Engine, educator_id: int) -> None:
    """Give the educator a row in every table that hangs off theirs (so tables other
    features add are covered even when no conversation here fills them)."""
    owned: dict[str, int] = {"educators": educator_id}
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            references = {fk.column.table.name for fk in table.foreign_keys}
            if not references or not references <= set(owned):
                continue
            pk = next(iter(table.primary_key.columns))
            fk_column = next(iter(table.foreign_keys)).parent
            existing = connection.scalar(
                select(pk).where(fk_column == owned[next(iter(references))]).limit(1)
            )
            if existing is None:
                values = {
                    c.name: _value_for(c, owned)
                    for c in table.columns
                    if not (c.primary_key and c.autoincrement in (True, "auto") and c is pk)
                    or c.foreign_keys
                }
                with connection.begin_nested():
                    result = connection.execute(insert(table).values(values))
                existing = (result.inserted_primary_key or [None])[0]
            if existing is not None:
                owned[table.name] = int(existing)


def _scope_counts(app: CoachApp, educator: Educator) -> dict[str, int]:
    scope = educator_scope(educator.id, educator.platform, educator.workspace, educator.user_id)
    with app.sessions() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t).where(scope.conditions[t]))
            or 0
            for t in scope.tables
        }


def _educator(app: CoachApp, user: str) -> Educator:
    with app.sessions() as session:
        return session.scalars(select(Educator).where(Educator.user_id == user)).one()


def _tables_about_educators() -> list[Table]:
    """Tables whose rows belong to an educator (a SET NULL key only names who did something
    to a row that belongs to someone else, such as a channel's team prompts)."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if any(
            fk.column.table.name == "educators" and (fk.ondelete or "").upper() != "SET NULL"
            for fk in t.foreign_keys
        )
    ]


def _set_null_keys(table_name: str) -> list[str]:
    table = Base.metadata.tables[table_name]
    return [
        fk.parent.name
        for fk in table.foreign_keys
        if fk.column.table.name == "educators" and (fk.ondelete or "").upper() == "SET NULL"
    ]


def _cleared(row: dict[str, Any], keys: list[str], educator_id: int) -> dict[str, Any]:
    return {k: (None if k in keys and v == educator_id else v) for k, v in row.items()}


def test_forget_deletes_every_row_about_one_educator_and_nothing_else(app: CoachApp) -> None:
    rivera = full_history(app.coach, "ms-rivera", "RIVERA")
    full_history(app.coach, "mr-okafor", "OKAFOR")
    fill_every_table(app.engine, _educator(app, "ms-rivera").id)
    fill_every_table(app.engine, _educator(app, "mr-okafor").id)

    theirs = _scope_counts(app, _educator(app, "ms-rivera"))
    for table in _tables_about_educators():
        assert theirs.get(table.name, 0) >= 1, f"no row in {table.name} to test with"
    okafor_id = _educator(app, "mr-okafor").id
    rivera_id = _educator(app, "ms-rivera").id
    rows_before = all_rows(app.engine)
    before = row_counts(app.engine)

    rivera.says("cancel")
    theirs["flow_states"] = 0  # leaving the reflection already removed that row
    assert "Delete everything?" in rivera.says("forget")
    answer = rivera.says("yes")
    assert "Done. I deleted 1 profile" in answer and "2 reflections" in answer
    after = row_counts(app.engine)

    for table in Base.metadata.sorted_tables:
        expected = before[table.name] - theirs.get(table.name, 0)
        if table.name == "flow_states":
            expected = before[table.name] - 1  # the cancelled reflection
        assert after[table.name] == expected, table.name
    rows_after = all_rows(app.engine)
    assert "RIVERA" not in str(rows_after)
    for name, rows in rows_after.items():
        if name in ("educators", "flow_states", "seen_deliveries"):
            continue  # Rivera's own last messages touched these; checked below
        keys = _set_null_keys(name)
        if keys:  # kept, with Rivera's id cleared from them
            rows_before[name] = [_cleared(row, keys, rivera_id) for row in rows_before[name]]
            assert all(row[k] != rivera_id for row in rows for k in keys), name
        assert all(row in rows_before[name] for row in rows), f"{name}: a row changed"
        gone = [row for row in rows_before[name] if row not in rows]
        assert not any(row.get("educator_id") == okafor_id for row in gone), name
        assert "OKAFOR" not in str(gone), name
    okafor_rows = [
        (name, row)
        for name, rows in rows_before.items()
        for row in rows
        if row.get("educator_id") == okafor_id or (name == "educators" and row["id"] == okafor_id)
    ]
    assert okafor_rows and all(row in rows_after[name] for name, row in okafor_rows)
    with app.sessions() as session:
        assert session.scalar(select(Educator).where(Educator.user_id == "ms-rivera")) is None


def test_forget_then_no_keeps_everything(app: CoachApp) -> None:
    educator = full_history(app.coach, "ms-rivera", "KEEP")
    educator.says("cancel")
    before = all_rows(app.engine)
    assert "Delete everything?" in educator.says("forget")
    assert "haven't deleted anything" in educator.says("no")
    after = all_rows(app.engine)
    for name in before:
        if name not in ("educators", "seen_deliveries"):
            assert after[name] == before[name], name
    assert "KEEP my own action" in educator.says("journal")


def test_forget_it_is_never_mind_and_keeps_everything(app: CoachApp) -> None:
    educator = full_history(app.coach, "ms-rivera", "KEEP")
    educator.says("cancel")
    for said in ("forget it", "forget about it"):
        answer = educator.says(said)  # had: "Delete everything?"
        assert "Delete everything?" not in answer and "No problem" in answer
    assert "KEEP my own action" in educator.says("journal")


def test_erasure_read_from_no_words_of_its_own_only_points_the_way(app: CoachApp) -> None:
    educator = full_history(app.coach, "ms-rivera", "KEEP")
    educator.says("cancel")
    # Had: "Delete everything?" (the examples' vote read "todos los grados" as erasure). With
    # no word of data or deleting in it, not even a pointer to deleting.
    pointed = educator.says("todos los grados")
    assert "Delete everything?" not in pointed and "forget" not in pointed
    assert "Delete everything?" in educator.says("olvídame")  # its own words: asked first
    educator.says("no")
    assert "KEEP my own action" in educator.says("journal")


def test_forget_by_button_and_twice_is_fine(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("forget")
    yes = educator.button("Yes")
    assert "nothing saved about you beyond your profile" in educator.clicks("Yes")
    assert "already finished" in educator.clicks_value(yes)  # a stale second click
    educator.says("forget")
    assert "Done." in educator.says("yes")
    assert row_counts(app.engine)["educators"] == 0


def test_forget_asks_again_on_other_words_and_leaves_on_cancel(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("forget")
    assert "Delete everything?" in educator.says("maybe")
    assert "Okay, I've left" in educator.says("cancel")
    assert row_counts(app.engine)["educators"] == 1


def test_a_database_that_goes_away_mid_forget_deletes_nothing(app: CoachApp) -> None:
    educator = full_history(app.coach, "ms-rivera", "HALF")
    educator.says("cancel")
    before = all_rows(app.engine)
    educator.says("forget")
    before_confirm = all_rows(app.engine)

    def fail_on_educator_delete(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("DELETE FROM EDUCATORS"):
            raise OperationalError(statement, {}, Exception("server closed the connection"))

    event.listen(app.engine, "before_cursor_execute", fail_on_educator_delete)
    try:
        answer = educator.says("yes")
    finally:
        event.remove(app.engine, "before_cursor_execute", fail_on_educator_delete)
    assert "can't reach my storage" in answer and "didn't change anything" in answer
    assert all_rows(app.engine) == before_confirm
    assert "Done." in educator.says("yes")  # the confirmation is still waiting
    after = all_rows(app.engine)
    assert before["reflections"] and not after["reflections"] and not after["educator_keys"]
