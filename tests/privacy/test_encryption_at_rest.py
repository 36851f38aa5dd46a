"""With a key set, the database holds no readable free text; keys rotate; a wrong key is
met with a kind sentence and loses nothing."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable

import pytest
from sqlalchemy import select

from adapters.privacy_cli import rotate_key
from bot.app import CoachApp
from bot.storage.models import Reflection
from bot.storage.sealing import is_sealed
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import all_rows, full_history, raw_text_containing, reflect

MARKER = "ZQX-SECRET-7731"
KIND_WORDS = "encryption key"


def test_with_a_key_no_free_text_is_readable_in_the_database(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    app = make_app(coach_encryption_key=new_key())
    educator = full_history(app.coach, "ms-rivera", MARKER)
    assert MARKER in educator.says("journal")  # the coach itself reads it back
    assert raw_text_containing(app.engine, MARKER) == []
    with app.sessions() as session:
        reflections = session.scalars(select(Reflection)).all()
    assert len(reflections) == 2
    for reflection in reflections:
        assert is_sealed(reflection.answers) and is_sealed(reflection.action)
    assert any(r.outcome_note and is_sealed(r.outcome_note) for r in reflections)


def test_without_a_key_text_is_plain_and_still_reads_after_a_key_is_set(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    plain = make_app()
    educator = Conversation(plain.coach)
    reflect(educator, MARKER)
    assert raw_text_containing(plain.engine, MARKER)  # honest: no key, no encryption

    keyed = make_app(coach_encryption_key=new_key())
    later = Conversation(keyed.coach)
    assert f"{MARKER} my own action" in later.says("journal")
    reflect(later, "NEWER")  # written under the key, next to the plain rows
    assert "NEWER" not in str(all_rows(keyed.engine))
    journal = later.says("journal")
    assert f"{MARKER} my own action" in journal and "NEWER my own action" in journal


def test_rotate_key_reseals_everything_under_the_newest_key(
    make_app: AppFactory,
    new_key: Callable[[], str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plain = make_app()
    reflect(Conversation(plain.coach, "early"), "PLAINOLD")
    old, new = new_key(), new_key()
    first = make_app(coach_encryption_key=old)
    full_history(first.coach, "ms-rivera", MARKER)

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("COACH_ENCRYPTION_KEY", f"{new},{old}")
    assert rotate_key(argparse.Namespace()) == 0
    assert "Re-encrypted" in capsys.readouterr().out
    assert raw_text_containing(first.engine, MARKER) == []
    assert raw_text_containing(first.engine, "PLAINOLD") == []  # legacy rows sealed too

    only_new = make_app(coach_encryption_key=new)
    assert f"{MARKER} my own action" in Conversation(only_new.coach, "ms-rivera").says("journal")
    assert "PLAINOLD my own action" in Conversation(only_new.coach, "early").says("journal")
    # The half-way reflection survived rotation and carries on.
    assert "pick one small action" in Conversation(only_new.coach, "ms-rivera").says("more")


def test_rotate_key_with_a_key_missing_changes_nothing(
    make_app: AppFactory,
    new_key: Callable[[], str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = make_app(coach_encryption_key=new_key())
    reflect(Conversation(app.coach), MARKER)
    before = all_rows(app.engine)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("COACH_ENCRYPTION_KEY", new_key())
    assert rotate_key(argparse.Namespace()) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert all_rows(app.engine) == before
    monkeypatch.delenv("COACH_ENCRYPTION_KEY")
    assert rotate_key(argparse.Namespace()) == 2


@pytest.mark.parametrize("second_key", ["wrong", "missing"])
def test_a_wrong_or_missing_key_gets_a_kind_answer_and_loses_nothing(
    make_app: AppFactory,
    new_key: Callable[[], str],
    second_key: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = new_key()
    app = make_app(coach_encryption_key=key)
    educator = Conversation(app.coach)
    reflect(educator, MARKER)
    educator.says("reflect confidence")
    educator.clicks("Done")
    educator.says(f"{MARKER} note")
    assert "Question 2 of 2" in educator.says(f"{MARKER} half-way")
    before = all_rows(app.engine)

    other: CoachApp = make_app(coach_encryption_key=new_key() if second_key == "wrong" else None)
    confused = Conversation(other.coach)
    with caplog.at_level(logging.INFO):
        for said in ("journal", "more words", "export"):
            answer = confused.says(said)
            assert KIND_WORDS in answer and "Nothing is lost" in answer
    events = [r for r in caplog.records if r.getMessage() == "sealed_text_unreadable"]
    reason = "wrong_key" if second_key == "wrong" else "no_key"
    assert events and all(getattr(r, "reason", None) == reason for r in events)
    assert key not in caplog.text
    after = all_rows(app.engine)
    for table in ("reflections", "flow_states"):
        assert after[table] == before[table]

    # With the right key back, everything reads and the reflection carries on.
    again = Conversation(make_app(coach_encryption_key=f"{new_key()},{key}").coach)
    assert f"{MARKER} my own action" in again.says("journal")
    assert "pick one small action" in again.says("more words")
