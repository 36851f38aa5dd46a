"""A database that is not there, or goes away mid-request: a kind answer, nothing half-written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from bot.app import CoachApp
from bot.engine import Coach
from bot.settings import Settings
from bot.storage.db import make_engine, make_sessions
from tests.dialog import Conversation
from tests.privacy.helpers import all_rows

STOPPED = {
    "postgresql": "postgresql+psycopg://postgres@127.0.0.1:9/nowhere?connect_timeout=2",
    "sqlite": "sqlite:///{tmp}/no/such/folder/coach.db",
}


@pytest.mark.parametrize("kind", sorted(STOPPED))
@pytest.mark.parametrize("said", ["export", "forget", "reflect relational", "journal"])
def test_a_stopped_database_gets_a_kind_answer(
    app: CoachApp, tmp_path: Path, kind: str, said: str
) -> None:
    engine = make_engine(STOPPED[kind].format(tmp=tmp_path))
    try:
        coach = Coach(
            sessions=make_sessions(engine),
            library=app.library,
            settings=Settings(_env_file=None),
            sealer=app.coach.sealer,
        )
        answer = Conversation(coach).says(said)
    finally:
        engine.dispose()
    assert "can't reach my storage" in answer and "didn't change anything" in answer


def test_the_database_going_away_while_a_reflection_is_saved_loses_nothing(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("skip")
    educator.says("skip")
    educator.clicks("Write my own")
    before = all_rows(app.engine)

    def drop(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO REFLECTIONS"):
            raise OperationalError(statement, {}, Exception("terminating connection"))

    event.listen(app.engine, "before_cursor_execute", drop)
    try:
        answer = educator.says("my action")
    finally:
        event.remove(app.engine, "before_cursor_execute", drop)
    assert "can't reach my storage" in answer
    after = all_rows(app.engine)
    assert after["reflections"] == [] and after["flow_states"] == before["flow_states"]
    assert "Saved to your journal" in educator.says("my action")


def test_a_disposed_engine_reconnects_on_the_next_message(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    app.engine.dispose()
    assert "journal is empty" in educator.says("journal")
