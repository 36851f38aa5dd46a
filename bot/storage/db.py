"""Build the database engine from settings and bring its schema up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.timeouts import connect_bounded, postgres_connect_args, unbounded

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


DEFAULT_TIMEOUT_S = 5.0


def make_engine(database_url: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> Engine:
    """An engine for any SQLAlchemy URL that never waits on the database past `timeout_s`
    (COACH_DB_TIMEOUT_S) for a connection, a pooled connection or a statement.

    SQLite gets foreign keys, WAL and a busy timeout; PostgreSQL gets libpq's connect and
    statement timeouts, keepalives and a client-side limit on every wait (bot/storage/
    timeouts.py). hide_parameters keeps what educators wrote out of error messages and logs.
    """
    if database_url.startswith("sqlite"):
        engine = create_engine(
            database_url, connect_args={"timeout": timeout_s}, hide_parameters=True
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # The driver's own transaction handling is off: it begins only before a write, and
            # a SAVEPOINT it did not begin commits on release, so a turn was not one
            # transaction. The transaction starts in `_sqlite_begin` instead.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            # A commit is in the WAL, which survives the coach's process being killed, without
            # waiting for the disk (about 10 ms a commit here); the checkpoint still syncs.
            # What a power loss or an OS crash may roll back is the last commits, never more
            # (SQLite's advice for WAL). PostgreSQL keeps its own, durable, default.
            cursor.execute("PRAGMA synchronous=NORMAL")
            # Deleted rows are overwritten with zeros, not left in free pages (erasure).
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            if connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
                return
            # IMMEDIATE: the write lock from the start (waiting up to the busy timeout), so a
            # transaction that reads and then writes never meets a twin's newer commit.
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # pool_pre_ping: a PostgreSQL restart costs one failed request, not a restart of ours.
    engine = create_engine(
        database_url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        pool_timeout=timeout_s,
        hide_parameters=True,
    )
    if engine.dialect.driver == "psycopg":

        @event.listens_for(engine, "do_connect")
        def _bounded_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            # Settings in DATABASE_URL's query string win over ours.
            return connect_bounded(timeout_s, cargs, postgres_connect_args(timeout_s) | cparams)

    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied (all heads: features add their own branches).

    Without COACH_DB_TIMEOUT_S: an index on a large table may rightly take minutes.
    """
    with unbounded():
        command.upgrade(alembic_config(engine), "heads")


def is_up_to_date(engine: Engine) -> bool:
    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == set(script.get_heads())


def ensure_schema(engine: Engine) -> None:
    """Create or upgrade the schema on first use (cheap when it is already current)."""
    if not is_up_to_date(engine):
        upgrade(engine)
