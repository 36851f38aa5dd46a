"""`coach serve` in production with one platform: a Slack-only or Teams-only school starts,
and a coach with neither refuses to, naming the settings to set. Real processes, real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

COACH = [sys.executable, "-m", "adapters.cli"]
SLACK_ONLY = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret"}
TEAMS_ONLY = {
    "MICROSOFT_APP_ID": "00000000-1111-2222-3333-444444444444",
    "MICROSOFT_APP_PASSWORD": "not-a-real-secret",
    "MICROSOFT_APP_TYPE": "SingleTenant",
    "MICROSOFT_APP_TENANT_ID": "72f988bf-86f1-41af-91ab-2d7cd011db47",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environment(tmp_path: Path, platform: dict[str, str]) -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG", "SYSTEMROOT")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'coach.db'}",
        COACH_ENV="production",
        COACH_ENCRYPTION_KEY=Fernet.generate_key().decode(),
        COACH_HOST="127.0.0.1",
        **platform,
    )
    return env


def _status(url: str, method: str = "GET") -> int:
    request = urllib.request.Request(url, method=method, data=b"{}" if method == "POST" else None)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


@contextmanager
def serving(tmp_path: Path, platform: dict[str, str]) -> Iterator[str]:
    env = _environment(tmp_path, platform)
    subprocess.run([*COACH, "db", "upgrade"], env=env, cwd=tmp_path, check=True)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*COACH, "serve", "--port", str(port)], env=env, cwd=tmp_path, stderr=output
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _status(base + "/healthz") == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "coach serve did not answer /healthz"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_slack_only_school_starts_in_production(tmp_path: Path) -> None:
    with serving(tmp_path, SLACK_ONLY) as base:
        assert _status(base + "/slack/events", "POST") == 401  # Slack is on: unsigned refused
        assert _status(base + "/api/messages", "POST") == 404  # no Teams endpoint at all


def test_a_teams_only_school_starts_in_production(tmp_path: Path) -> None:
    with serving(tmp_path, TEAMS_ONLY) as base:
        assert _status(base + "/api/messages", "POST") in (400, 401)  # Teams is on
        assert _status(base + "/slack/events", "POST") != 200


def test_production_with_no_platform_refuses_and_names_the_settings(tmp_path: Path) -> None:
    env = _environment(tmp_path, {})
    done = subprocess.run(
        [*COACH, "serve", "--port", str(_free_port())],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "neither Slack nor Teams" in done.stderr
    assert "MICROSOFT_APP_ID" in done.stderr and "SLACK_BOT_TOKEN" in done.stderr


@pytest.mark.parametrize("platform", [SLACK_ONLY, TEAMS_ONLY])
def test_the_clock_starts_with_one_platform(tmp_path: Path, platform: dict[str, str]) -> None:
    env = _environment(tmp_path, platform)
    subprocess.run([*COACH, "db", "upgrade"], env=env, cwd=tmp_path, check=True)
    done = subprocess.run(
        [*COACH, "nudge", "tick"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
