"""`export` is complete and split to fit; retention and uninstall grace delete on time."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from adapters.privacy_cli import export as export_command
from bot.app import CoachApp
from bot.inbound import Platform
from bot.lifecycle import mark_workspace_installed, mark_workspace_uninstalled
from bot.privacy.export import json_chunks_from_parts, split_text
from bot.privacy.messages import PART_LIMIT
from bot.privacy.retention import run_daily_privacy
from bot.replies import Text
from bot.storage.models import Educator, Reflection
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import full_history, reflect, row_counts


def _json_from(educator: Conversation) -> dict[str, object]:
    texts = [reply.text for reply in educator.last if isinstance(reply, Text)]
    json_parts = [t for t in texts if t.startswith("JSON part")]
    assert json_parts and all(len(t) <= PART_LIMIT for t in texts)
    document: dict[str, object] = json.loads(json_chunks_from_parts(json_parts))
    return document


def test_export_is_complete_readable_and_in_parts(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    app = make_app(coach_encryption_key=new_key())
    educator = full_history(app.coach, "ms-rivera", "EXPORTME")
    educator.says("x and y")  # finish the half-way reflection up to the action
    educator.clicks("Write my own")
    educator.says(f"EXPORTME {'long words ' * 150}")  # a long own action
    answer = educator.says("export")
    assert "Here's everything I keep about you" in answer
    assert "EXPORTME first answer about a family" in answer and "EXPORTME outcome note" in answer
    assert "Self-assessments" in answer
    document = _json_from(educator)
    assert document["educator"] == "console:local:ms-rivera"
    records = document["records"]
    assert isinstance(records, dict)
    assert len(records["reflections"]) == 3 and len(records["assessment_results"]) == 1
    assert records["reflections"][0]["answers"][0]["answer"] == (
        "EXPORTME first answer about a family"
    )
    assert "sealed:v1:" not in json.dumps(document)
    assert len([r for r in educator.last if isinstance(r, Text) and "JSON part" in r.text]) > 1


def test_export_with_nothing_stored_says_so_kindly(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("export")
    assert "I don't have anything saved about you" in answer
    assert _json_from(educator)["records"] == {}


def test_export_mid_reflection_keeps_the_place(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("HALFWAY words")
    answer = educator.says("export")
    assert "HALFWAY words" in answer and "still open" in answer


def test_operator_export_prints_the_json(
    app: CoachApp,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    reflect(Conversation(app.coach, "29:teams-user", platform=Platform.TEAMS, workspace="T1"), "OP")
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert export_command(argparse.Namespace(user="teams:T1:29:teams-user")) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["records"]["reflections"][0]["action"] == "OP my own action"
    assert export_command(argparse.Namespace(user="teams:T1:nobody")) == 1
    assert export_command(argparse.Namespace(user="nonsense")) == 2


def test_split_text_keeps_every_character_and_the_limit() -> None:
    text = "short\n" + "y" * 7000 + "\nend"
    pieces = split_text(text, 1000)
    assert "".join(pieces) == text and all(len(p) <= 1000 for p in pieces)


def test_retention_deletes_old_reflections_and_assessments_only(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = full_history(app.coach, "ms-rivera", "OLD")
    educator.says("cancel")
    clock.advance(days=300)
    reflect(educator, "RECENT", "capabilities")
    clock.advance(days=70)  # the first ones are now 370 days old, the recent one 70
    report = run_daily_privacy(app.sessions, app.settings, clock(), app.coach.sealer)
    assert report.expired["reflections"] == 2 and report.expired["assessment_results"] == 1
    with app.sessions() as session:
        left = session.scalars(select(Reflection)).all()
    assert [r.topic for r in left] == ["capabilities"]
    journal = educator.says("journal")
    assert "RECENT my own action" in journal and "OLD" not in journal
    again = run_daily_privacy(app.sessions, app.settings, clock(), app.coach.sealer)
    assert not again.expired


def test_uninstalled_workspace_data_goes_after_the_grace_period(
    app: CoachApp, clock: FakeClock
) -> None:
    gone = Conversation(app.coach, "U1", platform=Platform.SLACK, workspace="TGONE")
    reflect(gone, "GONE")
    back = Conversation(app.coach, "U2", platform=Platform.SLACK, workspace="TBACK")
    reflect(back, "BACK")
    stays = Conversation(app.coach, "U3", platform=Platform.SLACK, workspace="TSTAYS")
    reflect(stays, "STAYS")
    with app.sessions.begin() as session:
        mark_workspace_uninstalled(session, Platform.SLACK, "TGONE", clock())
        mark_workspace_uninstalled(session, Platform.SLACK, "TBACK", clock())
    clock.advance(days=29)
    assert not run_daily_privacy(
        app.sessions, app.settings, clock(), app.coach.sealer
    ).workspaces_deleted
    with app.sessions.begin() as session:
        mark_workspace_installed(session, Platform.SLACK, "TBACK")
    clock.advance(days=2)
    report = run_daily_privacy(app.sessions, app.settings, clock(), app.coach.sealer)
    assert report.workspaces_deleted == ["slack:TGONE"]
    assert report.workspace_rows["educators"] == 1 and report.workspace_rows["reflections"] == 1
    with app.sessions() as session:
        workspaces = set(session.scalars(select(Educator.workspace)).all())
    assert workspaces == {"TBACK", "TSTAYS"}
    assert row_counts(app.engine)["workspaces"] == 2


def test_the_clock_runs_retention_daily(app: CoachApp, clock: FakeClock) -> None:
    from scheduler.maintenance import DAILY_JOBS, run_daily

    assert "privacy_retention" in [name for name, _ in DAILY_JOBS]
    educator = Conversation(app.coach)
    reflect(educator, "AGED")
    clock.advance(days=400)
    assert run_daily(app, clock()) == 0
    assert row_counts(app.engine)["reflections"] == 0
