"""The layers hold: the build's import contracts pass, and a wrong import breaks them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("adapters", "scheduler", "bot", "content")

needs_linter = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is not installed (pip install -e '.[dev]')"
)


def _copy_tree(destination: Path) -> None:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, destination / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", destination / "pyproject.toml")


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=where,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@needs_linter
def test_the_repository_keeps_every_layer_contract(tmp_path: Path) -> None:
    _copy_tree(tmp_path)
    result = _lint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "broken_contract"),
    [
        ("bot/home.py", "import scheduler.tick", "Layers"),
        ("content/schema.py", "import bot.replies", "Layers"),
        ("bot/engine.py", "import slack_sdk", "no platform SDK"),
        ("adapters/slack/blocks.py", "import adapters.teams.cards", "stands alone"),
        ("adapters/teams/cards.py", "import scheduler.tick", "starts the clock"),
        ("adapters/teams/references.py", "import bot.storage.models", "through CoachAPI"),
        ("adapters/console/inbox.py", "import bot.lifecycle", "through CoachAPI"),
        ("scheduler/send.py", "import scheduler.kinds.nudges", "know no kind"),
    ],
)
@needs_linter
def test_a_wrong_import_fails_the_build(
    tmp_path: Path, module: str, wrong_import: str, broken_contract: str
) -> None:
    _copy_tree(tmp_path)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(broken_contract in line for line in broken), result.stdout
