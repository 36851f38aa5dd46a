"""Forget is erasure: after `forget`, the raw bytes of the database (SQLite file and WAL,
PostgreSQL heap, TOAST and index pages) hold no plaintext copy of what the educator wrote
and no copy any remaining key can open, while a colleague's data still reads."""

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
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import full_history, reflect
from tests.privacy.residue import (
    Residue,
    database_bytes,
    postgres_wal_bytes,
    scan,
    wal_position,
)


def _live_keys(app: CoachApp) -> list[Fernet]:
    with app.sessions() as session:
        wrapped = list(session.scalars(select(EducatorKey.wrapped_key)))
    return [Fernet(app.coach.sealer.master.unseal_bytes(w)) for w in wrapped]


def _residue(app: CoachApp, master: str, marker: str) -> Residue:
    masters = [Fernet(key) for key in master.split(",")]
    return scan(database_bytes(app.engine), marker, masters, _live_keys(app))


def test_after_forget_no_copy_of_their_words_is_readable_anywhere(
    make_app: AppFactory, new_key: Callable[[], str], database_url: str
) -> None:
    key = new_key()
    app = make_app(coach_encryption_key=key)
    marker = f"MRK{uuid.uuid4().hex[:12]}"
    colleague = Conversation(app.coach, "mr-okafor")
    reflect(colleague, "COLLEAGUE")
    educator = full_history(app.coach, "ms-rivera", marker)
    educator.says("cancel")
    assert marker in educator.says("journal")

    before = _residue(app, key, marker)
    print(f"\n{app.engine.dialect.name} before forget: {before}")
    assert before.plaintext == 0  # sealed from the first write
    assert before.openable > 0  # the scan does find their words while they are kept

    educator.says("forget")
    assert "destroyed the key" in educator.clicks("Yes")

    after = _residue(app, key, marker)
    print(f"{app.engine.dialect.name} after forget: {after}")
    assert after.plaintext == 0
    assert after.openable == 0
    assert after.recovered_keys <= 1  # only the colleague's live key
    assert "COLLEAGUE my own action" in colleague.says("journal")


def test_postgres_wal_holds_no_plaintext_and_retiring_the_master_key_closes_it(
    make_app: AppFactory,
    new_key: Callable[[], str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pg_wal keeps every change until its segments are recycled; what it keeps of the
    forgotten educator is ciphertext and their data key wrapped by the master key. After
    `coach db rotate-key` and removing the old master key, none of it opens."""
    if not database_url.startswith("postgresql"):
        pytest.skip("pg_wal is PostgreSQL's")
    old, new = new_key(), new_key()
    app = make_app(coach_encryption_key=old)
    start = wal_position(app.engine)
    marker = f"WAL{uuid.uuid4().hex[:12]}"
    reflect(Conversation(app.coach, "mr-okafor"), "COLLEAGUE")
    educator = full_history(app.coach, "ms-rivera", marker)
    educator.says("cancel")
    educator.says("forget")
    assert "destroyed the key" in educator.clicks("Yes")

    with_old = scan(postgres_wal_bytes(app.engine, start), marker, [Fernet(old)], [])
    print(f"\npg_wal after forget, old master key kept: {with_old}")
    assert with_old.plaintext == 0

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("COACH_ENCRYPTION_KEY", f"{new},{old}")
    assert rotate_key(argparse.Namespace()) == 0
    rotated = make_app(coach_encryption_key=new)
    live = _live_keys(rotated)
    retired = scan(postgres_wal_bytes(app.engine, start), marker, [Fernet(new)], live)
    print(f"pg_wal after rotate-key and retiring the old master key: {retired}")
    assert retired.plaintext == 0 and retired.openable == 0
    assert "COLLEAGUE my own action" in Conversation(rotated.coach, "mr-okafor").says("journal")
