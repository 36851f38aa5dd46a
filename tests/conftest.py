"""Shared fixtures: both databases, an injected clock, and the coach built from settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

import adapters.tables  # noqa: F401  (adapter tables on the metadata, as the composition root does)
from bot.app import CoachApp, build_app
from bot.settings import Settings
from bot.storage.db import make_engine, upgrade
from tests.clock import FakeClock
from tests.databases import (
    POSTGRES_REQUIRED,
    empty_all_tables,
    postgres_unavailable_reason,
    throwaway_postgres,
)

DATABASES = ["sqlite", "postgresql"]


def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("db") / "coach-test.db"
    url = f"sqlite:///{path}"
    _migrate(url)
    yield url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    reason = postgres_unavailable_reason()
    if reason is not None:
        if POSTGRES_REQUIRED:
            pytest.fail(f"{reason}; COACH_REQUIRE_POSTGRES=1 makes this a failure")
        pytest.skip(reason)
    with throwaway_postgres() as url:
        _migrate(url)
        yield url


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture
def db_engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    empty_all_tables(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def app(settings: Settings, db_engine: Engine, clock: FakeClock) -> Iterator[CoachApp]:
    built = build_app(settings, clock=clock, migrate=False)
    yield built
    built.engine.dispose()
