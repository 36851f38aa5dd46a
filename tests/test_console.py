"""`coach chat` through a pipe, as a newcomer's first session would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from content.schema import ALL_TOPICS, NUDGE_TOPICS


def _chat(tmp_path: Path, lines: list[str], user: str = "pat") -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}"}
    for name in ("COACH_ENCRYPTION_KEY", "SLACK_BOT_TOKEN", "MICROSOFT_APP_ID"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "chat", "--user", user],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_a_scripted_terminal_session_learns_reflects_and_checks_in(tmp_path: Path) -> None:
    script = ["help", *(f"learn {slug}" for slug in ALL_TOPICS)]
    for number, topic in enumerate(NUDGE_TOPICS):
        script.append(f"reflect {topic}")
        if number > 0:  # every later reflection opens by asking about the last action
            script += ["1", "no note"]
        script += ["First thoughts.", "Second thoughts.", "1"]
    out = _chat(tmp_path, script)
    assert out.count("Saved to your journal") == len(NUDGE_TOPICS)
    assert out.count("How did it go?") == len(NUDGE_TOPICS) - 1


def test_numbers_pick_options_and_the_journal_remembers_across_sessions(tmp_path: Path) -> None:
    out = _chat(
        tmp_path,
        [
            "reflect relational",
            "We talked at pickup.",
            "I will call Friday.",
            "4",
            "Call the Lees.",
        ],
    )
    assert "1. " in out and "Write my own" in out
    assert "Saved to your journal. Your action for this week: Call the Lees." in out
    later = _chat(tmp_path, ["journal", "reflect", "1", "It went well!"])
    assert "Call the Lees." in later
    assert "How did it go?" in later
    assert "Question 1 of 2" in later


def test_bad_input_in_the_terminal_never_shows_a_traceback(tmp_path: Path) -> None:
    out = _chat(tmp_path, ["", "reflcet", "x" * 20_000, "\x1b[31mhelp", "learn mars"])
    assert "Did you mean reflect?" in out
    assert "20,000 characters" in out
    assert "I don't know the topic" in out
