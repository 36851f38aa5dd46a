"""What the coach's database role needs for erasure to clear pg_wal, as docs/INSTALL.md
(section 6a) tells the operator: without the grants the scrub says exactly what is missing,
and with them (no superuser) it switches the WAL segment and checkpoints."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from bot.storage.db import make_engine
from bot.storage.scrub import scrub
from tests.databases import POSTGRES_ADMIN_URL


def _admin(database: str | None = None) -> psycopg.Connection[tuple[object, ...]]:
    url = make_url(POSTGRES_ADMIN_URL)
    if database is not None:
        url = url.set(database=database)
    return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)


@pytest.fixture
def coach_role(database_url: str) -> Iterator[str]:
    """A login role like a hosted coach's: not a superuser, no grants yet."""
    if not database_url.startswith("postgresql"):
        pytest.skip("roles, pg_wal and checkpoints are PostgreSQL's")
    role = f"coach_role_{uuid.uuid4().hex[:10]}"
    with _admin() as admin:
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        yield role
    finally:
        with _admin(make_url(database_url).database) as admin:
            admin.execute(f'REVOKE EXECUTE ON FUNCTION pg_switch_wal() FROM "{role}"')
        with _admin() as admin:
            admin.execute(f'DROP ROLE "{role}"')


@pytest.mark.usefixtures("wal_unlinked")
def test_the_scrub_names_the_missing_grants_then_purges_with_them(
    database_url: str, coach_role: str, caplog: pytest.LogCaptureFixture
) -> None:
    url = make_url(database_url)
    engine = make_engine(url.set(username=coach_role).render_as_string(hide_password=False))
    try:
        with caplog.at_level(logging.WARNING, logger="coach.privacy"):
            refused = scrub(engine, None)
        assert refused["wal_not_purged"] == "insufficient_privilege"
        assert "erasure_wal_not_purged" in caplog.messages

        with _admin(url.database) as admin:  # docs/INSTALL.md, section 6a
            admin.execute(f'GRANT pg_checkpoint TO "{coach_role}"')
            admin.execute(f'GRANT EXECUTE ON FUNCTION pg_switch_wal() TO "{coach_role}"')
        granted = scrub(engine, None)
        assert granted["wal_purged"] is True and granted["wal_retained_by"] == []
    finally:
        engine.dispose()
