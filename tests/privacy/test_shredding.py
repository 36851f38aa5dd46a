"""Forget is erasure: after `forget`, the raw bytes the database keeps (the SQLite file and
its WAL; PostgreSQL's pages and its whole data directory, pg_wal included) hold no plaintext
copy of what the educator wrote and no copy any remaining key can open, while a colleague's
data still reads."""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Callable

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from adapters.privacy_cli import rotate_key
from bot.app import CoachApp
from bot.storage.data_keys import EducatorKey
from bot.storage.scrub import wait_for_follow_ups
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import full_history, reflect
from tests.privacy.residue import (
    Residue,
    database_bytes,
    postgres_data_directory_bytes,
    postgres_wal_bytes,
    scan,
    wal_position,
)


def _live_keys(app: CoachApp) -> list[Fernet]:
    with app.sessions() as session:
        wrapped = list(session.scalars(select(EducatorKey.wrapped_key)))
    return [Fernet(app.coach.sealer.master.unseal_bytes(w)) for w in wrapped]


def _scan(app: CoachApp, blobs: list[bytes], master: str, marker: str) -> Residue:
    masters = [Fernet(key) for key in master.split(",")]
    return scan(blobs, marker, masters, _live_keys(app))


@pytest.mark.usefixtures("wal_unlinked")
def test_after_forget_no_copy_of_their_words_is_readable_anywhere(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    key = new_key()
    app = make_app(coach_encryption_key=key)
    postgres = app.engine.dialect.name == "postgresql"
    marker = f"MRK{uuid.uuid4().hex[:12]}"
    colleague = Conversation(app.coach, "mr-okafor")
    reflect(colleague, "COLLEAGUE")
    educator = full_history(app.coach, "ms-rivera", marker)
    educator.says("cancel")
    assert marker in educator.says("journal")

    before = _scan(app, database_bytes(app.engine), key, marker)
    print(f"\n{app.engine.dialect.name} pages before forget: {before}")
    assert before.plaintext == 0  # sealed from the first write
    assert before.openable > 0  # the scan does find their words while they are kept
    if postgres:
        on_disk = _scan(app, postgres_data_directory_bytes(app.engine), key, marker)
        print(f"postgresql data directory before forget: {on_disk}")
        assert on_disk.plaintext == 0 and on_disk.openable > 0

    educator.says("forget")
    assert "destroyed the key" in educator.clicks("Yes")
    # A transaction older than the erasure (an autovacuum ANALYZE on a loaded machine) can
    # hand the scrub to its follow-up thread, which finishes once that transaction ends.
    assert wait_for_follow_ups(60)

    after = _scan(app, database_bytes(app.engine), key, marker)
    print(f"{app.engine.dialect.name} pages after forget: {after}")
    assert after.plaintext == 0
    assert after.openable == 0
    assert after.recovered_keys <= 1  # only the colleague's live key
    if postgres:
        # The master key is still configured: nothing left in pg_wal may open with it.
        on_disk = _scan(app, postgres_data_directory_bytes(app.engine), key, marker)
        print(f"postgresql data directory after forget: {on_disk}")
        assert on_disk.plaintext == 0 and on_disk.openable == 0
    assert "COLLEAGUE my own action" in colleague.says("journal")


def test_a_copy_of_pg_wal_taken_before_forget_stops_opening_once_the_old_key_is_retired(
    make_app: AppFactory,
    new_key: Callable[[], str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the coach cannot delete (a WAL archive, a backup) holds the forgotten educator's
    words sealed and their data key wrapped by the master key: it opens with the old master
    key, and after `coach db rotate-key` and removing the old key, nothing in it opens."""
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_wal is PostgreSQL's")
    old, new = new_key(), new_key()
    app = make_app(coach_encryption_key=old)
    start = wal_position(app.engine)
    marker = f"WAL{uuid.uuid4().hex[:12]}"
    reflect(Conversation(app.coach, "mr-okafor"), "COLLEAGUE")
    educator = full_history(app.coach, "ms-rivera", marker)
    educator.says("cancel")
    archived = postgres_wal_bytes(app.engine, start)  # as an archive or a backup keeps it
    educator.says("forget")
    assert "destroyed the key" in educator.clicks("Yes")

    with_old = scan(archived, marker, [Fernet(old)], [])
    print(f"\narchived pg_wal after forget, old master key kept: {with_old}")
    assert with_old.plaintext == 0 and with_old.openable > 0

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("COACH_ENCRYPTION_KEY", f"{new},{old}")
    assert rotate_key(argparse.Namespace()) == 0
    rotated = make_app(coach_encryption_key=new)
    retired = scan(archived, marker, [Fernet(new)], _live_keys(rotated))
    print(f"archived pg_wal after rotate-key and retiring the old master key: {retired}")
    assert retired.plaintext == 0 and retired.openable == 0
    assert "COLLEAGUE my own action" in Conversation(rotated.coach, "mr-okafor").says("journal")
