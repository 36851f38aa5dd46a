"""Slack bot, user and refresh tokens (and the incoming-webhook URL) are sealed at rest
under the master key, read back whole through slack_sdk's store, and rotate with it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import update

from adapters.privacy_cli import rotate_key
from adapters.slack.installs import installation_store
from adapters.slack.tables import installations
from bot.app import CoachApp
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import all_rows

CLIENT_ID = "111.222"
SECRETS = {
    "bot_token": "xoxb-BOTSECRET-1111",
    "bot_refresh_token": "xoxe-1-BOTREFRESH-" + "r" * 140,
    "user_token": "xoxp-USERSECRET-2222",
    "user_refresh_token": "xoxe-1-USERREFRESH-" + "u" * 140,
    "incoming_webhook_url": "https://hooks.slack.com/services/T1/B1/HOOKSECRET",
}

# The part of each secret that appears nowhere else.
WORDS = {
    "bot_token": "BOTSECRET",
    "bot_refresh_token": "BOTREFRESH",
    "user_token": "USERSECRET",
    "user_refresh_token": "USERREFRESH",
    "incoming_webhook_url": "HOOKSECRET",
}


def _install(app: CoachApp) -> None:
    installation_store(app.engine, CLIENT_ID, app.coach.sealer).save(
        Installation(
            app_id="A0001",
            team_id="T0001",
            user_id="UADMIN",
            bot_id="BBOT",
            bot_user_id="UBOT",
            bot_scopes=["chat:write"],
            user_scopes=["im:history"],
            bot_token_expires_in=43200,
            user_token_expires_in=43200,
            installed_at=datetime(2026, 1, 5, tzinfo=UTC).timestamp(),
            **SECRETS,
        )
    )


def _readable(app: CoachApp) -> Installation:
    found = installation_store(app.engine, CLIENT_ID, app.coach.sealer).find_installation(
        enterprise_id=None, team_id="T0001"
    )
    assert found is not None
    return found


def _leaked(app: CoachApp) -> list[str]:
    raw = str(all_rows(app.engine))
    return [name for name, word in WORDS.items() if word in raw]


def test_tokens_are_sealed_in_both_tables_and_read_back_whole(
    make_app: AppFactory, new_key: Callable[[], str]
) -> None:
    app = make_app(coach_encryption_key=new_key())
    _install(app)
    assert _leaked(app) == []
    found = _readable(app)
    for name, secret in SECRETS.items():
        assert getattr(found, name) == secret
    bot = installation_store(app.engine, CLIENT_ID, app.coach.sealer).find_bot(
        enterprise_id=None, team_id="T0001"
    )
    assert bot is not None and bot.bot_token == SECRETS["bot_token"]
    assert bot.bot_refresh_token == SECRETS["bot_refresh_token"]


def test_plain_tokens_from_before_still_read_and_rotate_key_seals_them(
    make_app: AppFactory,
    new_key: Callable[[], str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = new_key(), new_key()
    app = make_app(coach_encryption_key=old)
    _install(app)
    with app.engine.begin() as connection:  # as an earlier version stored it: plain
        connection.execute(update(installations).values(bot_token=SECRETS["bot_token"]))
    assert _leaked(app) == ["bot_token"]
    assert _readable(app).bot_token == SECRETS["bot_token"]

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("COACH_ENCRYPTION_KEY", f"{new},{old}")
    assert rotate_key(argparse.Namespace()) == 0
    assert _leaked(app) == []
    only_new = make_app(coach_encryption_key=new)
    for name, secret in SECRETS.items():
        assert getattr(_readable(only_new), name) == secret
