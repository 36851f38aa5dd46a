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
from bot.storage.data_keys import EducatorKey
from bot.storage.models import Educator, Reflection
from bot.storage.sealing import FernetSealer, is_sealed
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import (
    all_rows,
    as_older_version_stored_it,
    full_history,
    raw_text_containing,
    reflect,
)

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


def test_older_rows_plain_or_sealed_under_the_master_key_still_read(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    key = new_key()
    app = make_app(coach_encryption_key=key)
    reflect(Conversation(app.coach, "plain-era"), "PLAINERA")
    reflect(Conversation(app.coach, "v1-era"), "VONEERA")
    with app.sessions() as session:
        plain_id = session.scalar(select(Educator.id).where(Educator.user_id == "plain-era"))
    # Rewrite as earlier versions stored them: one educator in plain text, both without
    # data keys, the other sealed directly under the master key.
    assert as_older_version_stored_it(app, FernetSealer.from_setting(key)) > 0
    with app.sessions.begin() as session:
        for reflection in session.scalars(
            select(Reflection).where(Reflection.educator_id == plain_id)
        ):
            reflection.action = "PLAINERA my own action"
    assert raw_text_containing(app.engine, "VONEERA") == []

    again = make_app(coach_encryption_key=key)
    assert "PLAINERA my own action" in Conversation(again.coach, "plain-era").says("journal")
    later = Conversation(again.coach, "v1-era")
    assert "VONEERA my own action" in later.says("journal")
    reflect(later, "NEWER")  # written under the data key, next to the older rows
    assert "NEWER" not in str(all_rows(again.engine))
    journal = later.says("journal")
    assert "VONEERA my own action" in journal and "NEWER my own action" in journal


def test_rotate_key_reseals_everything_under_the_newest_key(
    make_app: AppFactory,
    new_key: Callable[[], str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old, new = new_key(), new_key()
    first = make_app(coach_encryption_key=old)
    reflect(Conversation(first.coach, "early"), "PLAINOLD")
    as_older_version_stored_it(first, None)  # "early" wrote before encryption was on
    full_history(first.coach, "ms-rivera", MARKER)
    with first.sessions() as session:
        wrapped_before = set(session.scalars(select(EducatorKey.wrapped_key)))
        stored_before = {r.id: r.action for r in session.scalars(select(Reflection))}

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("COACH_ENCRYPTION_KEY", f"{new},{old}")
    assert rotate_key(argparse.Namespace()) == 0
    assert "Re-encrypted" in capsys.readouterr().out
    assert raw_text_containing(first.engine, MARKER) == []
    assert raw_text_containing(first.engine, "PLAINOLD") == []  # legacy rows sealed too
    with first.sessions() as session:
        # The data keys were re-sealed; text already under a data key was not touched.
        assert not wrapped_before & set(session.scalars(select(EducatorKey.wrapped_key)))
        for reflection in session.scalars(select(Reflection)):
            if is_sealed(stored_before[reflection.id]):
                assert reflection.action == stored_before[reflection.id]

    only_new = make_app(coach_encryption_key=new)
    assert f"{MARKER} my own action" in Conversation(only_new.coach, "ms-rivera").says("journal")
    assert "PLAINOLD my own action" in Conversation(only_new.coach, "early").says("journal")
    # The half-way reflection survived rotation and carries on.
    carried_on = Conversation(only_new.coach, "ms-rivera").says("more about it")
    assert "pick one small action" in carried_on


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
    # Without COACH_ENCRYPTION_KEY development makes its own key file: a wrong key too.
    assert events and all(getattr(r, "reason", None) == "wrong_key" for r in events)
    assert key not in caplog.text
    after = all_rows(app.engine)
    for table in ("reflections", "flow_states"):
        assert after[table] == before[table]

    # With the right key back, everything reads and the reflection carries on.
    again = Conversation(make_app(coach_encryption_key=f"{new_key()},{key}").coach)
    assert f"{MARKER} my own action" in again.says("journal")
    assert "pick one small action" in again.says("more words")
