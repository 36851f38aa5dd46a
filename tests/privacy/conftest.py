"""Fixtures for the privacy tests: apps with and without encryption keys on one database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import psycopg
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine

from bot.app import CoachApp, build_app
from bot.settings import Settings
from tests.clock import FakeClock
from tests.databases import POSTGRES_ADMIN_URL

AppFactory = Callable[..., CoachApp]


@pytest.fixture
def new_key() -> Callable[[], str]:
    return lambda: Fernet.generate_key().decode("ascii")


@pytest.fixture
def make_app(settings: Settings, db_engine: Engine, clock: FakeClock) -> Iterator[AppFactory]:
    """Build another coach on the same database, with other settings (a key, say)."""
    built: list[CoachApp] = []

    def factory(**changes: object) -> CoachApp:
        app = build_app(settings.model_copy(update=changes), clock=clock, migrate=False)
        built.append(app)
        return app

    yield factory
    for app in built:
        app.engine.dispose()


@pytest.fixture
def wal_unlinked(database_url: str) -> Iterator[None]:
    """The cluster set up for erasure as docs/INSTALL.md says: `wal_recycle = off`, so
    PostgreSQL deletes old WAL segments instead of renaming them, bytes intact, for reuse.
    Set here if it is not (and left set: parallel test runs share the cluster)."""
    if database_url.startswith("postgresql"):
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            if admin.execute("SHOW wal_recycle").fetchone() != ("off",):
                admin.execute("ALTER SYSTEM SET wal_recycle = off")
                admin.execute("SELECT pg_reload_conf()")
    yield
