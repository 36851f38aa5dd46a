"""Alembic environment: runs against the engine the coach built from its settings."""

from __future__ import annotations

from alembic import context

from bot.storage.all_models import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    if connection.dialect.name == "postgresql":
        # COACH_DB_TIMEOUT_S bounds what educators wait for, not migrations: an index on a
        # large table may take minutes. SET LOCAL lasts until this transaction ends.
        connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
