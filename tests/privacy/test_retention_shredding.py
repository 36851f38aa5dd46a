"""Retention is erasure too: what the daily job deletes leaves no copy any remaining key
opens (the educator is re-keyed), their other reflections still read, and a turn that was
sealing with the replaced key stores nothing instead of storing what no key would open."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, text

from bot.app import CoachApp
from bot.privacy.rekey import rekey_educator
from bot.privacy.retention import run_daily_privacy
from bot.storage.data_keys import EducatorKey
from bot.storage.keyring import DataKeyChangedError
from bot.storage.models import Educator, FlowState
from bot.storage.scrub import wait_for_follow_ups
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import full_history, reflect
from tests.privacy.residue import (
    Residue,
    database_bytes,
    postgres_bytes,
    postgres_data_directory_bytes,
    scan,
)


def _live_keys(app: CoachApp) -> list[Fernet]:
    with app.sessions() as session:
        wrapped = list(session.scalars(select(EducatorKey.wrapped_key)))
    return [Fernet(app.coach.sealer.master.unseal_bytes(w)) for w in wrapped]


def _everywhere(app: CoachApp, key: str, marker: str) -> dict[str, Residue]:
    found = {"pages": scan(database_bytes(app.engine), marker, [Fernet(key)], _live_keys(app))}
    if app.engine.dialect.name == "postgresql":
        on_disk = postgres_data_directory_bytes(app.engine)
        found["data directory"] = scan(on_disk, marker, [Fernet(key)], _live_keys(app))
    return found


@pytest.mark.usefixtures("wal_unlinked")
def test_what_retention_deleted_opens_with_no_remaining_key(
    make_app: AppFactory, new_key: Callable[[], str], clock: FakeClock
) -> None:
    key = new_key()
    app = make_app(coach_encryption_key=key)
    old, recent = f"OLD{uuid.uuid4().hex[:12]}", f"NEW{uuid.uuid4().hex[:12]}"
    educator = full_history(app.coach, "ms-rivera", old)
    educator.says("cancel")
    clock.advance(days=300)
    reflect(educator, recent, "capabilities")
    clock.advance(days=70)  # the first reflections are 370 days old, the recent one 70

    before = _everywhere(app, key, old)
    print(f"\n{app.engine.dialect.name} before retention: {before}")
    assert all(r.plaintext == 0 for r in before.values())
    assert before["pages"].openable > 0

    report = run_daily_privacy(app.sessions, app.settings, clock(), app.coach.sealer)
    assert report.expired["reflections"] == 2
    assert report.rekeyed_educators == 1 and report.rekeyed_values > 0
    assert wait_for_follow_ups(60)  # the scrub, if an older transaction held it up

    after = _everywhere(app, key, old)
    print(f"{app.engine.dialect.name} after retention (values re-keyed: {report.rekeyed_values})")
    for where, residue in after.items():
        print(f"  {where}: {residue}")
        assert residue.plaintext == 0 and residue.openable == 0, where
    journal = educator.says("journal")
    assert f"{recent} my own action" in journal and old not in journal
    assert f"{recent} second answer" in educator.says("export")


def test_a_writer_sealing_with_a_key_retention_just_replaced_stores_nothing(
    make_app: AppFactory, new_key: Callable[[], str], database_url: str
) -> None:
    """A writer outside the turn's educator lock (the clock composing a nudge, say) that
    loaded the key before the retention job replaced it. (On SQLite every transaction holds
    the write lock from its first statement, BEGIN IMMEDIATE, so the two cannot overlap.)"""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite runs one writing transaction at a time")
    app = make_app(coach_encryption_key=new_key())
    educator = Conversation(app.coach, "ms-rivera")
    reflect(educator, "KEPT")
    educator.says("reflect confidence")
    with app.sessions() as session:
        educator_id = session.scalars(select(Educator.id)).one()

    with pytest.raises(DataKeyChangedError), app.sessions.begin() as writer:
        # A writer seals the educator's words with the key it loaded...
        sealed = app.coach.sealer.for_educator(writer, educator_id).seal("LATE words")
        writer.get_one(FlowState, educator_id).payload = sealed
        # ...while the retention job, elsewhere, re-keys the educator and commits first.
        with app.sessions.begin() as job:
            assert rekey_educator(job, app.coach.sealer, educator_id) > 0

    # Nothing was stored under the replaced key: everything still reads.
    assert "KEPT my own action" in educator.says("journal")
    assert "still open" in educator.says("export")


def test_an_older_snapshot_holds_the_key_until_it_ends(
    make_app: AppFactory, new_key: Callable[[], str], database_url: str
) -> None:
    """VACUUM FULL must copy a deleted row an open transaction may still see. The scrub
    waits a little, then leaves it to a follow-up thread, which clears the key as soon as
    that transaction ends."""
    if not database_url.startswith("postgresql"):
        pytest.skip("VACUUM and snapshots are PostgreSQL's")
    key = new_key()
    app = make_app(coach_encryption_key=key)
    marker = f"SNAP{uuid.uuid4().hex[:12]}"
    reflect(Conversation(app.coach, "mr-okafor"), "COLLEAGUE")
    educator = Conversation(app.coach, "ms-rivera")
    reflect(educator, marker)
    report_query = app.engine.connect().execution_options(isolation_level="REPEATABLE READ")
    report_query.begin()
    report_query.execute(text("SELECT count(*) FROM reflections")).all()  # a long report

    educator.says("forget")
    assert "destroyed the key" in educator.clicks("Yes")
    held = scan(postgres_bytes(app.engine), marker, [Fernet(key)], [])
    print(f"\nkey table while an older snapshot lives: {held}")
    assert held.openable > 0 and held.recovered_keys == 2

    report_query.rollback()
    report_query.close()
    assert wait_for_follow_ups(60)
    cleared = scan(postgres_bytes(app.engine), marker, [Fernet(key)], [])
    print(f"once it ended: {cleared}")
    assert cleared.openable == 0 and cleared.recovered_keys == 1
