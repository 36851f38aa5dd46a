"""Forget is erasure: after `forget`, the raw bytes of the database (SQLite file and WAL,
PostgreSQL heap, TOAST and index pages) hold no plaintext copy of what the educator wrote
and no copy any remaining key can open, while a colleague's data still reads."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from cryptography.fernet import Fernet
from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.data_keys import EducatorKey
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import full_history, reflect
from tests.privacy.residue import Residue, database_bytes, scan


def _residue(app: CoachApp, master: str, marker: str) -> Residue:
    with app.sessions() as session:
        wrapped = list(session.scalars(select(EducatorKey.wrapped_key)))
    masters = [Fernet(key) for key in master.split(",")]
    live = [Fernet(app.coach.sealer.master.unseal_bytes(w)) for w in wrapped]
    return scan(database_bytes(app.engine), marker, masters, live)


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
