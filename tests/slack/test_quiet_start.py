"""Starting with SLACK_BOT_TOKEN set logs no Bolt warning (it used to warn at every start
that the token it read from the environment was unused)."""

from __future__ import annotations

import logging

import pytest

from adapters.web.server import build_web_app
from bot.app import CoachApp
from tests.slack.wire import BOT_TOKEN


def test_a_single_workspace_start_is_quiet(
    slack_core: CoachApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    with caplog.at_level(logging.INFO, logger="slack_bolt.coach"):
        build_web_app(slack_core)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("slack_bolt.coach")] == []


def test_other_bolt_warnings_still_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="slack_bolt.coach"):
        logging.getLogger("slack_bolt.coach").warning("something Bolt wants said")
    assert "something Bolt wants said" in caplog.text
