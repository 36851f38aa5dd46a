"""Keeping a message before the platform hears 200, with the educator's opened data key kept
for a minute (bot/storage/key_cache.py): what is stored always opens with the key the
educator has now, and a forgotten educator's key does not stay in the process."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from bot.api import Arrival, CoachAPI
from bot.app import CoachApp
from bot.inbox import store as inbox
from bot.inbox.models import InboxMessage
from bot.privacy.forget import forget_address
from bot.privacy.rekey import rekey_educator
from bot.storage.data_keys import EducatorKey
from bot.storage.key_cache import DataKeyCache, OpenedKey
from bot.storage.models import Educator

TEAM = "T0001"
LOCK_WAIT_S = 10.0


def message(user: str, delivery: str, words: str = "journal") -> Arrival:
    payload = {"team_id": TEAM, "user_id": user, "text": words, "response_url": "https://x/r"}
    return Arrival("slack", TEAM, user, delivery, "command", payload)


def kept(app: CoachApp, delivery: str) -> InboxMessage:
    with app.sessions() as session:
        return session.scalars(
            select(InboxMessage).where(InboxMessage.delivery_id == delivery)
        ).one()


def opened(api: CoachAPI, row: InboxMessage) -> dict[str, str]:
    """What the row holds, opened with the key its educator has now."""
    loaded: dict[str, str] = json.loads(api.unseal_for(row.educator_id, row.payload))
    return loaded


def key_of(app: CoachApp, user: str) -> OpenedKey:
    """The educator's data key as a cache entry would hold it (opened from the database)."""
    with app.sessions() as session:
        educator_id, wrapped = session.execute(
            select(Educator.id, EducatorKey.wrapped_key)
            .join(EducatorKey, EducatorKey.educator_id == Educator.id)
            .where(Educator.user_id == user)
        ).one()
    raw = app.coach.sealer.unwrap_bytes(wrapped)
    cache = DataKeyCache()
    cache.put(("slack", TEAM, user), educator_id, wrapped, raw, cache.epoch)
    entry = cache.get(("slack", TEAM, user))
    assert entry is not None
    return entry


def test_a_known_educators_next_message_is_kept_sealed_under_their_key(app: CoachApp) -> None:
    api = CoachAPI(app)
    first = api.keep(message("U1", "d1", "my first words"))
    second = api.keep(message("U1", "d2", "SECRET-7f3 in my second"))
    assert first.row_id is not None and second.row_id is not None

    row = kept(app, "d2")
    assert "SECRET-7f3" not in row.payload
    assert opened(api, row)["text"] == "SECRET-7f3 in my second"
    assert row.first_contact is False and kept(app, "d1").first_contact is True
    assert row.educator_id == kept(app, "d1").educator_id


def test_a_retry_of_a_kept_message_is_a_duplicate_whichever_way_it_was_kept(
    app: CoachApp,
) -> None:
    api = CoachAPI(app)
    api.keep(message("U2", "first"))
    assert api.keep(message("U2", "again")).row_id is not None
    retry = api.keep(message("U2", "again"))  # the educator's key is cached by now
    assert retry.duplicate and retry.row_id is None
    with app.sessions() as session:
        assert len(session.scalars(select(InboxMessage.id)).all()) == 2


def test_a_stale_key_stores_nothing_once_the_educator_is_forgotten(app: CoachApp) -> None:
    """Another process may still hold the key for a minute: it cannot store with it."""
    api = CoachAPI(app)
    api.keep(message("U3", "before"))
    stale = key_of(app, "U3")
    with app.sessions.begin() as session:
        forget_address(session, "slack", TEAM, "U3")

    with app.engine.begin() as connection:
        now = datetime.now(UTC)
        assert inbox.accept_known(connection, stale, message("U3", "after"), now) is None
    with app.sessions() as session:
        assert session.scalars(select(InboxMessage.id)).all() == []

    # Kept the ordinary way instead: a new educator, a new key, and it opens.
    again = api.keep(message("U3", "after"))
    assert again.row_id is not None
    row = kept(app, "after")
    assert row.first_contact is True and key_of(app, "U3").wrapped != stale.wrapped
    assert opened(api, row)["text"] == "journal"


def test_a_stale_key_stores_nothing_once_the_educator_is_re_keyed(app: CoachApp) -> None:
    api = CoachAPI(app)
    api.keep(message("U4", "before"))
    stale = key_of(app, "U4")
    with app.sessions.begin() as session:
        assert rekey_educator(session, app.coach.sealer, stale.educator_id) > 0

    with app.engine.begin() as connection:
        now = datetime.now(UTC)
        assert inbox.accept_known(connection, stale, message("U4", "after"), now) is None

    assert api.keep(message("U4", "after")).row_id is not None
    assert opened(api, kept(app, "after"))["text"] == "journal"


def test_forget_empties_every_key_cache_in_the_process(app: CoachApp) -> None:
    api = CoachAPI(app)
    api.keep(message("U5", "d1"))
    entry = key_of(app, "U5")
    cache = DataKeyCache()
    address = ("slack", TEAM, "U5")
    raw = app.coach.sealer.unwrap_bytes(entry.wrapped)
    cache.put(address, entry.educator_id, entry.wrapped, raw, cache.epoch)
    opened_before = cache.epoch  # a keep that opened the key before the forget committed

    with app.sessions.begin() as session:
        forget_address(session, "slack", TEAM, "U5")
        assert cache.get(address) is None  # gone as the erasure runs...
        cache.put(address, entry.educator_id, entry.wrapped, raw, cache.epoch)
    assert cache.get(address) is None  # ...and again once it committed

    # A keep whose transaction opened the key before the forget committed caches nothing.
    cache.put(address, entry.educator_id, entry.wrapped, raw, opened_before)
    assert cache.get(address) is None and len(cache) == 0


def test_a_cached_key_lasts_its_time_and_no_longer() -> None:
    cache = DataKeyCache(ttl_s=0.0)
    raw = b"A" * 43 + b"="
    cache.put(("slack", TEAM, "U6"), 6, "wrapped", raw, cache.epoch)
    assert cache.get(("slack", TEAM, "U6")) is None

    small = DataKeyCache(max_entries=2)
    for user in ("U7", "U8", "U9"):
        small.put(("slack", TEAM, user), 7, "wrapped", raw, small.epoch)
    assert small.get(("slack", TEAM, "U7")) is None and len(small) == 2


def test_a_re_key_committing_while_a_message_is_kept_leaves_it_under_the_new_key(
    app: CoachApp, database_url: str
) -> None:
    """PostgreSQL: the keep reads the key, then waits on the educator's row, which the
    re-key holds; the re-key commits a new key. What is stored must open with the new key.
    (SQLite takes one writing transaction at a time: they cannot overlap.)"""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite runs one writing transaction at a time")
    api = CoachAPI(app)
    api.keep(message("U10", "first"))  # the key is cached now
    educator_id = kept(app, "first").educator_id

    with app.sessions.begin() as job:
        assert rekey_educator(job, app.coach.sealer, educator_id) > 0
        keeping = threading.Thread(target=api.keep, args=(message("U10", "while"),))
        keeping.start()
        waiting_for_the_educators_row(app)
    keeping.join(LOCK_WAIT_S)

    row = kept(app, "while")
    assert opened(api, row)["text"] == "journal"  # opens with the key it has now


def waiting_for_the_educators_row(app: CoachApp) -> None:
    deadline = time.monotonic() + LOCK_WAIT_S
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    with app.engine.connect() as watcher:
        while not watcher.execute(waiting).scalar_one():
            assert time.monotonic() < deadline, "the keep never waited on the educator's row"
            time.sleep(0.02)
            watcher.rollback()
