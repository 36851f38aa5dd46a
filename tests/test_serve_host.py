"""`coach serve` listens where COACH_HOST says: loopback in development unless told otherwise.

Issue 13, finding 7: it bound every interface, so a laptop running the coach for local
development (Teams unauthenticated) answered anyone on the same network.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.settings import Settings


def _settings(**values: str) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


def test_the_default_host_is_loopback_in_development_and_every_interface_in_production() -> None:
    assert _settings().host == "127.0.0.1"
    assert _settings(coach_env="production").host == "0.0.0.0"
    assert _settings(coach_host="10.0.0.5").host == "10.0.0.5"
    assert _settings(coach_env="production", coach_host="127.0.0.1").host == "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _listening_addresses(port: int) -> set[str]:
    """The local addresses of IPv4 sockets listening on `port`, from /proc/net/tcp."""
    found: set[str] = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_coach_serve_listens_on_loopback_by_default(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    for name in ("COACH_HOST", "COACH_ENV", "SLACK_BOT_TOKEN", "MICROSOFT_APP_ID", "PORT"):
        env.pop(name, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "adapters.cli", "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert server.poll() is None, "coach serve stopped"
                assert time.monotonic() < deadline, "coach serve did not start"
                time.sleep(0.2)
        assert _listening_addresses(port) == {"127.0.0.1"}
    finally:
        server.terminate()
        server.wait(timeout=20)
