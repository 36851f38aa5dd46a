"""The coach in Microsoft's own local Teams client, the Microsoft 365 Agents Playground.

    npm ci --prefix bench/screenshots/agentsplayground   # once: @microsoft/m365agentsplayground
    python -m bench.screenshots --playground

A real `coach serve` (a throwaway SQLite database, no Microsoft app id: unauthenticated,
loopback only, as in local development) and the Playground pointed at its /api/messages
run side by side; headless Chromium opens the Playground's page and an educator types and
clicks in its personal chat. The weekly nudge is sent by the real scheduler (`coach nudge
tick --at` the time it is due) through the Teams sender to the Playground's connector.
The Playground is Microsoft pre-release software licensed for evaluation: it is installed
on demand here, never shipped with the coach.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

import yaml
from sqlalchemy import create_engine, select

from bench.screenshots.cdp import Page, browser_page
from bench.screenshots.palette import to_palette
from bot.weekly.models import Subscription

HERE = Path(__file__).parent / "agentsplayground"
PLAYGROUND = HERE / "node_modules" / ".bin" / "agentsplayground"
ROOT = Path(__file__).resolve().parents[2]
WINDOW = (1280, 860)
ZONE = "America/Chicago"  # the educator's computer
# Without a browser to open, the Playground stops at start (`spawn xdg-open ENOENT`).
NO_BROWSER = "#!/bin/sh\nexit 0\n"
# Who the Playground shows: the coach's name on the bot, an educator at the keyboard. Its
# config file's schema wants every part, and it stops at start with fewer than 5 users.
COLLEAGUES = ("Sam Okafor", "Lena Park", "Marcus Reed", "Priya Shah", "Tom Alvarez")


def _person(key: str, name: str, number: int) -> dict[str, str]:
    first, last = name.split()
    mail = f"{first}.{last}@example.org".lower()
    return {
        "id": key,
        "name": name,
        "userPrincipleName": mail,  # the Playground's spelling
        "aadObjectId": f"00000000-0000-0000-0000-{number:012d}",
        "givenName": first,
        "surname": last,
        "email": mail,
    }


def _people() -> str:
    return yaml.safe_dump(
        {
            "version": "0.1.1",
            "tenantId": "00000000-0000-0000-0000-000000000001",
            "bot": {"id": "00000000-0000-0000-0000-000000000011", "name": "Partnership Coach"},
            "currentUser": _person("educator-1", "Ana Rivera", 20),
            "users": [
                _person(f"colleague-{n}", name, 100 + n) for n, name in enumerate(COLLEAGUES, 1)
            ],
            "personalChat": {"id": "__PERSONAL_CHAT_ID__"},
            "groupChat": {"id": "__GROUP_CHAT_ID__", "name": "Grade 3 team"},
            "team": {
                "id": "team-id",
                "name": "Lincoln Elementary",
                "aadGroupId": "00000000-0000-0000-0000-000000000031",
                "channels": [{"id": "channel-announcements-id", "name": "Announcements"}],
            },
        },
        sort_keys=False,
    )


EDITOR = "[data-lexical-editor]"
SETTLE_S = 1.5  # the Playground scrolls the newest message into view
ACTION = "Send one family a two-sentence note"  # one of the relational topic's actions


@dataclass(frozen=True)
class Shot:
    name: str
    caption: str


SHOTS = (
    Shot("playground-1-welcome", "The Agents Playground: the welcome when the app is added"),
    Shot("playground-2-reflection", "A reflection: the action picked, the card shows the choice"),
    Shot("playground-3-nudge", "The weekly nudge, sent by the scheduler as Teams would get it"),
)


def missing() -> str | None:
    if not PLAYGROUND.exists():
        return f"the Agents Playground is not installed: npm ci --prefix {HERE.relative_to(ROOT)}"
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answering(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


@contextmanager
def _running(command: list[str], env: dict[str, str], cwd: Path, log: Path) -> Iterator[None]:
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield
    finally:
        os.killpg(process.pid, 15)  # its own process group: the Playground's node children too
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


class Stage:
    """A coach and the Playground, each on its own free loopback port, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.database = f"sqlite:///{folder / 'coach.db'}"
        self.coach_port = _free_port()
        self.playground_port = _free_port()
        unset = ("MICROSOFT_APP", "SLACK_", "COACH_", "DATABASE_URL", "PORT")
        base = {k: v for k, v in os.environ.items() if not k.startswith(unset)}
        self.env = base | {"DATABASE_URL": self.database}

    def coach(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "adapters.cli", *args]

    @contextmanager
    def up(self) -> Iterator[str]:
        """Both running; yields the Playground's page."""
        subprocess.run(
            self.coach("db", "upgrade"),
            env=self.env,
            cwd=self.folder,
            check=True,
            timeout=120,
            capture_output=True,
        )
        serve = self.coach("serve", "--port", str(self.coach_port))
        with _running(serve, self.env, self.folder, self.folder / "serve.log"):
            _answering(f"http://127.0.0.1:{self.coach_port}/healthz", 60)
            tools = self.folder / "bin"
            tools.mkdir()
            (tools / "xdg-open").write_text(NO_BROWSER)
            (tools / "xdg-open").chmod(0o755)
            (self.folder / ".m365agentsplayground.yml").write_text(_people())
            env = self.env | {
                "PATH": f"{tools}{os.pathsep}{self.env.get('PATH', '')}",
                "TZ": ZONE,  # the Playground tells the coach its own computer's time zone
            }
            playground = [
                str(PLAYGROUND),
                "--app-endpoint",
                f"http://127.0.0.1:{self.coach_port}/api/messages",
                "--channel-id",
                "msteams",
                "--port",
                str(self.playground_port),
                "--disable-telemetry",
            ]
            with _running(playground, env, self.folder, self.folder / "playground.log"):
                page = f"http://localhost:{self.playground_port}/"
                _answering(page, 60)
                yield page

    def send_the_weekly_nudge(self) -> None:
        """The real tick, as if now were the moment the educator's nudge is due."""
        engine = create_engine(self.database)
        try:
            with engine.connect() as connection:
                due = connection.scalars(select(Subscription.next_send_at)).one()
        finally:
            engine.dispose()
        assert due is not None, "nudges are not on"
        at = due.astimezone(UTC).isoformat()
        subprocess.run(
            self.coach("nudge", "tick", "--at", at),
            env=self.env,
            cwd=self.folder,
            check=True,
            timeout=120,
            capture_output=True,
        )


def _shows(text: str) -> str:
    return f"(document.body ? document.body.innerText : '').includes({json.dumps(text)})"


def _click(label: str) -> str:
    """Click the newest card's button, or pick its option, whose text starts with `label`."""
    return f"""(() => {{
      const label = {json.dumps(label)};
      const starts = (e) => e.innerText.trim().startsWith(label);
      const cards = [...document.querySelectorAll('.ac-adaptiveCard')];
      for (const card of cards.reverse()) {{
        const button = [...card.querySelectorAll('button')].find(starts);
        if (button) {{ button.click(); return true; }}
        const option = [...card.querySelectorAll('label')].find(starts);
        if (option) {{ option.click(); return true; }}
      }}
      return false;
    }})()"""


async def _says(page: Page, text: str, then_shows: str) -> None:
    await page.type_into(EDITOR, text)
    await page.wait_for(_shows(then_shows), f"the coach's answer to {text!r}")


async def _clicks(page: Page, label: str) -> None:
    if not await page.evaluate(_click(label)):
        raise RuntimeError(f"no option {label!r} on the coach's cards")


async def _hold(stage: Stage, address: str, out: Path) -> list[tuple[Path, Shot]]:
    pictures: list[tuple[Path, Shot]] = []

    async def take(page: Page, shot: Shot) -> None:
        await asyncio.sleep(SETTLE_S)
        png = out / f"{shot.name}.png"
        await page.picture(png)
        to_palette(png)
        pictures.append((png, shot))

    welcome, reflection, nudge = SHOTS
    async with browser_page(stage.folder / "profile", *WINDOW, timezone=ZONE) as page:
        await page.open(address)
        await page.wait_for(_shows("Welcome to Partnership Coach"), "the welcome card", 60)
        await take(page, welcome)

        await _says(page, "reflect relational", "Question 1 of 2")
        await _says(page, "I greeted every family at pickup on Friday.", "Question 2 of 2")
        await _says(
            page,
            "Jamal's family. I could tell them how well he led his reading group.",
            ACTION,
        )
        await _clicks(page, ACTION)
        await _clicks(page, "Choose")
        await page.wait_for(_shows("You chose:"), "the answered card")
        await _says(page, "nudges on", "Weekly nudges are on")
        await take(page, reflection)

        await asyncio.to_thread(stage.send_the_weekly_nudge)
        await page.wait_for(_shows("Your weekly nudge"), "the weekly nudge", 60)
        await take(page, nudge)
    return pictures


def shoot_the_playground(out: Path, folder: Path) -> list[tuple[Path, Shot]]:
    """Hold the conversation in the Playground; the pictures, written to `out`."""
    stage = Stage(folder)
    try:
        with stage.up() as address:
            return asyncio.run(_hold(stage, address, out))
    except Exception:
        for log in ("serve.log", "playground.log"):  # what the coach and the Playground said
            if (folder / log).exists():
                tail = (folder / log).read_text(errors="replace").splitlines()[-15:]
                print(f"--- {log}\n" + "\n".join(tail), file=sys.stderr)
        raise
