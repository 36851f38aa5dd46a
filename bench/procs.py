"""Processes for benchmarks: free ports, subprocesses that stop by themselves, RSS, load."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
COACH = str(Path(PYTHON).parent / "coach")
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def machine() -> str:
    load = os.getloadavg()
    return f"nproc={os.cpu_count()}, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"


def rss_mb(pid: int) -> float:
    """Resident set size of one process, in MB (from /proc)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_http(url: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def base_env(**extra: str) -> dict[str, str]:
    """A clean environment: nothing from a developer's .env or shell leaks into a run."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "MICROSOFT_", "COACH_", "DATABASE_URL"))
    }
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


@contextmanager
def running(
    args: list[str],
    *,
    env: Mapping[str, str] | None = None,
    ready_url: str | None = None,
    cwd: str | None = None,
    log_name: str = "proc",
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a subprocess (its output to a temp log), wait until it answers, stop it after."""
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in finally)
        prefix=f"bench-{log_name}-", suffix=".log", delete=False
    )
    proc = subprocess.Popen(
        args, env=dict(env or base_env()), cwd=cwd or str(ROOT), stdout=log, stderr=log
    )
    try:
        if ready_url is not None:
            try:
                wait_http(ready_url)
            except TimeoutError:
                proc.kill()
                raise RuntimeError(f"{args} did not start; see {log.name}") from None
        yield proc
    finally:
        stop(proc)
        log.close()


def stop(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)


@contextmanager
def database(kind: str) -> Iterator[str]:
    """A throwaway database URL: "sqlite" (a temp file) or "postgres" (dropped afterwards)."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bench-db-") as folder:
            yield f"sqlite:///{folder}/coach.db"
        return
    sys.path.insert(0, str(ROOT))
    from tests.databases import throwaway_postgres

    with throwaway_postgres() as url:
        yield url


def migrate(url: str) -> None:
    """Apply the schema with the real migrations, as `coach db upgrade` does."""
    subprocess.run(
        [COACH, "db", "upgrade"], env=base_env(DATABASE_URL=url), check=True, capture_output=True
    )
