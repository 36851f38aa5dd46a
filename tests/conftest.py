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
from tests.cards_seen import SEEN
from tests.clock import FakeClock
from tests.databases import (
    POSTGRES_REQUIRED,
    empty_all_tables,
    postgres_unavailable_reason,
    throwaway_postgres,
)

DATABASES = ["sqlite", "postgresql"]
TESTS = Path(__file__).parent
AFTER_THE_SUITE = "after_the_suite"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{AFTER_THE_SUITE}: runs after every other test (it reads what they showed)"
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The card check goes last, so it sees every card the suite's conversations showed."""
    items.sort(key=lambda item: item.get_closest_marker(AFTER_THE_SUITE) is not None)


def pytest_collection_finish(session: pytest.Session) -> None:
    selected = {Path(item.path) for item in session.items}
    every_module = {path for path in TESTS.rglob("test_*.py") if "node_modules" not in path.parts}
    SEEN.whole_suite = every_module <= selected


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SEEN.checked is not None:
        scope = "every test ran" if SEEN.whole_suite else "from the tests that ran this time"
        terminalreporter.write_line(
            f"Teams card check: {SEEN.checked} distinct Adaptive Cards rendered in Chromium"
            f" ({scope})"
        )


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
