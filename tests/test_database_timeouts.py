"""COACH_DB_TIMEOUT_S: a database that accepts connections and never answers costs an
educator at most the timeout (plus a second), never a frozen coach; it recovers by itself."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from bot.app import CoachApp, build_app
from bot.messages import STORAGE_DOWN
from bot.settings import Settings
from bot.storage.db import make_engine
from tests.blackhole import BlackHoleProxy, black_hole_proxy, emptied
from tests.clock import FakeClock
from tests.dialog import Conversation

TIMEOUT_S = 2.0
LIMIT_S = TIMEOUT_S + 1.0  # the promise: answered within COACH_DB_TIMEOUT_S + 1 s


@pytest.fixture
def proxy() -> Iterator[BlackHoleProxy]:
    with black_hole_proxy() as proxy:
        yield proxy


@pytest.fixture
def stalled_app(postgres_url: str, proxy: BlackHoleProxy, clock: FakeClock) -> Iterator[CoachApp]:
    emptied(postgres_url)
    settings = Settings(
        database_url=proxy.url_for(postgres_url),
        coach_db_timeout_s=TIMEOUT_S,
        _env_file=None,  # type: ignore[call-arg]
    )
    core = build_app(settings, clock=clock, migrate=False)
    yield core
    core.engine.dispose()


def timed(engine: Engine) -> float:
    started = time.monotonic()
    with pytest.raises(OperationalError), engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return time.monotonic() - started


def test_connecting_into_a_black_hole_gives_up_within_the_timeout(
    postgres_url: str, proxy: BlackHoleProxy
) -> None:
    proxy.cut()
    engine = make_engine(proxy.url_for(postgres_url), TIMEOUT_S)
    try:
        assert timed(engine) < LIMIT_S
    finally:
        engine.dispose()


def test_a_statement_on_a_connection_gone_silent_gives_up_and_the_pool_recovers(
    postgres_url: str, proxy: BlackHoleProxy
) -> None:
    engine = make_engine(proxy.url_for(postgres_url), TIMEOUT_S)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
            proxy.cut()
            started = time.monotonic()
            with pytest.raises(OperationalError):
                connection.execute(text("SELECT 2"))
            assert time.monotonic() - started < LIMIT_S
        proxy.restore()
        with engine.connect() as connection:  # the silent connection was replaced
            assert connection.execute(text("SELECT 3")).scalar() == 3
    finally:
        engine.dispose()


def test_the_server_ends_a_statement_that_runs_too_long(postgres_url: str) -> None:
    engine = make_engine(postgres_url, TIMEOUT_S)
    try:
        started = time.monotonic()
        with pytest.raises(OperationalError), engine.connect() as connection:
            connection.execute(text("SELECT pg_sleep(30)"))
        assert time.monotonic() - started < LIMIT_S
    finally:
        engine.dispose()


def test_an_educator_hears_storage_is_down_within_the_timeout_then_all_is_well(
    stalled_app: CoachApp, proxy: BlackHoleProxy
) -> None:
    educator = Conversation(stalled_app.coach)
    assert "journal is empty" in educator.says("journal")  # a pooled connection, now warm
    proxy.cut()
    for said in ("journal", "nudges on"):  # the stale pooled connection, then a new one
        started = time.monotonic()
        answer = educator.says(said)
        assert time.monotonic() - started < LIMIT_S, said
        assert str(STORAGE_DOWN) in answer
    proxy.restore()
    assert "journal is empty" in educator.says("journal")


def test_a_locked_sqlite_file_answers_within_the_timeout(tmp_path: Path, clock: FakeClock) -> None:
    url = f"sqlite:///{tmp_path / 'coach.db'}"
    settings = Settings(database_url=url, coach_db_timeout_s=1.0, _env_file=None)  # type: ignore[call-arg]
    core = build_app(settings, clock=clock)
    holder = sqlite3.connect(tmp_path / "coach.db")
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        started = time.monotonic()
        answer = Conversation(core.coach).says("nudges on")
        assert time.monotonic() - started < 1.0 + 1.0
        assert str(STORAGE_DOWN) in answer
    finally:
        holder.rollback()
        holder.close()
        core.engine.dispose()
