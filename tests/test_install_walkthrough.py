"""docs/INSTALL.md's Linux-server steps, followed on a fresh clone against this machine's
PostgreSQL: `pip install .` in a new venv, the shipped settings example filled in, and the
commands the shipped systemd units run (migrations, `coach serve`, `coach clock`); then
/healthz, /privacy and /terms answer and the clock starts.

Slow (a clone and a full install), so it runs where COACH_INSTALL_CHECK=1 (.ci/run sets it).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from tests.databases import postgres_unavailable_reason, throwaway_postgres

ROOT = Path(__file__).resolve().parents[1]
UNITS = ROOT / "deploy" / "systemd"
INSTALLED_AT = "/opt/partnership-coach"

pytestmark = pytest.mark.skipif(
    os.environ.get("COACH_INSTALL_CHECK") != "1",
    reason="slow: a fresh clone and install; set COACH_INSTALL_CHECK=1 (.ci/run does)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _unit_commands(unit: str, clone: Path) -> list[list[str]]:
    """The unit's ExecStartPre and ExecStart lines, pointed at the clone."""
    text = (UNITS / unit).read_text()
    lines = re.findall(r"^ExecStart(?:Pre)?=(.+)$", text, re.MULTILINE)
    return [line.replace(INSTALLED_AT, str(clone)).split() for line in lines]


def _settings(database_url: str, port: int) -> dict[str, str]:
    """coach.env.example with its CHANGE-MEs filled in and Slack as the one platform."""
    filled = {
        "DATABASE_URL": database_url,
        "COACH_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "PORT": str(port),
        "COACH_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "SLACK_BOT_TOKEN": "xoxb-install-check",
        "SLACK_SIGNING_SECRET": "install-check",
    }
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    for line in (UNITS / "coach.env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = filled.get(name, value)
    assert "CHANGE-ME" not in "".join(env.values())
    return env


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


def test_the_linux_server_steps_work_on_a_fresh_clone(tmp_path: Path) -> None:
    reason = postgres_unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    clone = tmp_path / "partnership-coach"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    subprocess.run([sys.executable, "-m", "venv", str(clone / ".venv")], check=True)
    pip = [str(clone / ".venv" / "bin" / "pip"), "install", "--quiet", "."]
    subprocess.run(pip, cwd=clone, check=True, timeout=1200)

    port = _free_port()
    with throwaway_postgres() as database_url:
        env = _settings(database_url, port)
        *before, serve_command = _unit_commands("partnership-coach-serve.service", clone)
        [clock_command] = _unit_commands("partnership-coach-clock.service", clone)
        for command in before:
            subprocess.run(command, cwd=clone, env=env, check=True, timeout=300)
        logs = {name: tmp_path / f"{name}.log" for name in ("serve", "clock")}
        processes = []
        for name, command in (("serve", serve_command), ("clock", clock_command)):
            with logs[name].open("wb") as log:
                processes.append(subprocess.Popen(command, cwd=clone, env=env, stderr=log))
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while True:
                try:
                    if _get(base + "/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                assert all(p.poll() is None for p in processes), logs["serve"].read_text()
                assert time.monotonic() < deadline, "coach serve never answered /healthz"
                time.sleep(0.5)
            status, privacy = _get(base + "/privacy")
            assert status == 200 and "<h1>" in privacy
            assert _get(base + "/terms")[0] == 200
            while "clock_started" not in logs["clock"].read_text():
                assert processes[1].poll() is None, logs["clock"].read_text()
                assert time.monotonic() < deadline, "coach clock never started"
                time.sleep(0.5)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
