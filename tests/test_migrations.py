"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from bot.storage.all_models import Base
from bot.storage.db import is_up_to_date


def test_migrations_match_the_models(db_engine: Engine) -> None:
    assert is_up_to_date(db_engine)
    with db_engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    # Adapter tables too (Slack's installations included): adapters/tables.py registers them.
    assert differences == [], differences
