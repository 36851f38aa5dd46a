"""Encrypted by default: development makes a key file on first run and says so once;
production refuses to start without COACH_ENCRYPTION_KEY."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.storage.master_key import WORKING_FOLDER_KEY, key_file_for

MARKER = "KEYFILE-MARKER-4417"


def _coach(
    tmp_path: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'coach.db'}", **env}
    for name in ("COACH_ENCRYPTION_KEY", "COACH_ENV", "SLACK_BOT_TOKEN", "MICROSOFT_APP_ID"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=120,
    )


def test_development_makes_a_private_key_file_once_and_seals_with_it(tmp_path: Path) -> None:
    said = f"reflect relational\n{MARKER} about a family\n"
    first = _coach(tmp_path, "chat", "--user", "pat", stdin=said)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "coach.db.key"
    assert f"development_key_created path={key_file}" in first.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text()

    again = _coach(tmp_path, "chat", "--user", "pat", stdin="journal\n")
    assert again.returncode == 0 and "development_key_created" not in again.stderr
    assert key_file.read_text() == key
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("coach.db*") if p != key_file)
    assert MARKER.encode() not in stored


def test_the_key_file_is_beside_the_database_or_in_the_working_folder(tmp_path: Path) -> None:
    assert key_file_for(f"sqlite:///{tmp_path / 'x.db'}") == tmp_path / "x.db.key"
    assert key_file_for("sqlite://") is None  # in memory: the key lives as long as the data
    assert key_file_for("postgresql+psycopg://u@h/db") == Path.cwd() / WORKING_FOLDER_KEY
    ignored = (Path(__file__).parents[2] / ".gitignore").read_text().split()
    assert "*.db.key" in ignored and WORKING_FOLDER_KEY in ignored


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["clock"], ["chat"]])
def test_production_refuses_to_start_without_a_key(tmp_path: Path, command: list[str]) -> None:
    result = _coach(tmp_path, *command, COACH_ENV="production")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "COACH_ENCRYPTION_KEY is not set" in lines[0]
    assert not list(tmp_path.iterdir())  # nothing created, not even the database
