"""A Procfile platform's DATABASE_URL (postgres://...) works as it is given."""

from __future__ import annotations

import pytest

from bot.settings import Settings


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:p@db.example:5432/coach", "postgresql+psycopg://u:p@db.example:5432/coach"),
        ("postgresql://u@localhost/coach", "postgresql+psycopg://u@localhost/coach"),
        ("postgresql+psycopg://u@localhost/coach", "postgresql+psycopg://u@localhost/coach"),
        ("sqlite:///coach.db", "sqlite:///coach.db"),
    ],
)
def test_postgres_urls_use_the_installed_driver(given: str, used: str) -> None:
    settings = Settings(database_url=given, _env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == used
