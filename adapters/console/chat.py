"""`coach chat`: talk to the coach in the terminal, interactively or through a pipe."""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from adapters.console.inbox import take_waiting
from adapters.console.render import pick, render
from bot.api import CoachAPI
from bot.app import build_app
from bot.inbound import Inbound, Platform
from bot.replies import Choice, Reply
from bot.settings import Settings

CONSOLE_WORKSPACE = "local"
WELCOME = "Partnership Coach: type `help` to see what I can do, or Ctrl-D to leave."


class ConsoleSession:
    """One educator's conversation in the terminal; the numbers refer to the last options shown."""

    def __init__(self, api: CoachAPI, user: str) -> None:
        self.api = api
        self.user = user
        self.numbered: list[Choice] = []

    def say(self, line: str) -> list[Reply]:
        chosen = pick(self.numbered, line) if self.numbered else None
        inbound = Inbound(
            platform=Platform.CONSOLE,
            workspace=CONSOLE_WORKSPACE,
            user=self.user,
            text=line if chosen is None else chosen.label,
            value=None if chosen is None else chosen.value,
        )
        return self.api.handle(inbound)

    def show(self, replies: list[Reply], out: TextIO) -> None:
        rendered = render(replies)
        if replies:
            self.numbered = rendered.numbered
        print(rendered.text, file=out, flush=True)


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


def run_chat(user: str | None, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    api = CoachAPI(build_app(Settings()))
    session = ConsoleSession(api, user or default_user())
    interactive = stdin.isatty()
    if interactive:
        print(WELCOME, file=out, flush=True)
    for nudge in take_waiting(api, CONSOLE_WORKSPACE, session.user):
        session.show(nudge, out)  # weekly nudges that arrived since the last chat
    while True:
        if interactive:
            print("\nyou> ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            break
        replies = session.say(line.rstrip("\n"))
        if interactive:
            print(file=out)
        session.show(replies, out)
        print(file=out, flush=True)  # a blank line between turns keeps a transcript readable
    return 0
