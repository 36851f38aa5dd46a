"""Test databases: a fresh SQLite file, and a throwaway PostgreSQL database per test run.

Each pytest process makes its own PostgreSQL database, so two runs on one
machine (or two engineers' runs) never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import Engine, text

from bot.storage.all_models import Base

POSTGRES_ADMIN_URL = os.environ.get(
    "COACH_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)
# CI sets this so a missing PostgreSQL is a failure, not a skip.
POSTGRES_REQUIRED = os.environ.get("COACH_REQUIRE_POSTGRES") == "1"


def postgres_unavailable_reason() -> str | None:
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL} ({type(exc).__name__})"


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Create a uniquely named database, yield its SQLAlchemy URL, drop it afterwards."""
    name = f"coach_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_all_tables(engine: Engine) -> None:
    """Delete every row, children before parents, keeping the migrated schema."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
        if connection.dialect.name == "postgresql":
            # Restart id sequences so each test sees the same ids.
            for table in Base.metadata.sorted_tables:
                for column in table.primary_key.columns:
                    if column.autoincrement is True or (
                        column.autoincrement == "auto" and column.type.python_type is int
                    ):
                        connection.execute(
                            text(
                                "SELECT setval(pg_get_serial_sequence(:t, :c), 1, false) "
                                "WHERE pg_get_serial_sequence(:t, :c) IS NOT NULL"
                            ),
                            {"t": table.name, "c": column.name},
                        )
