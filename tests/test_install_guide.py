"""docs/INSTALL.md stays true to the code: every scope, event and Teams scope the manifests ask
for is justified there, nothing it says is not asked for is asked for, and the systemd units
it installs run the real commands."""

from __future__ import annotations

import re
from pathlib import Path

from adapters.slack.config import BOT_SCOPES
from adapters.slack.manifest import BOT_EVENTS
from adapters.teams.manifest import build_manifest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "INSTALL.md").read_text()
UNITS = ROOT / "deploy" / "systemd"


def _justified(name: str) -> bool:
    """A table row `| name | why... |` with a reason in it."""
    row = re.search(rf"^\| `{re.escape(name)}` \| (.+) \|$", GUIDE, re.MULTILINE)
    return row is not None and len(row.group(1).split()) >= 3


def test_every_slack_scope_and_event_is_justified_in_one_line() -> None:
    for name in (*BOT_SCOPES, *BOT_EVENTS):
        assert _justified(name), f"docs/INSTALL.md does not say why Slack needs {name}"


def test_every_teams_scope_is_justified_and_no_permission_is_asked() -> None:
    manifest = build_manifest("11111111-2222-3333-4444-555555555555", "https://c.example.org")
    for scope in manifest["bots"][0]["scopes"]:
        assert _justified(scope), f"docs/INSTALL.md does not say why Teams needs {scope}"
    assert manifest.get("permissions", []) == []
    assert _justified("permissions")


def test_what_the_guide_says_is_not_requested_is_not() -> None:
    for scope in ("channels:read", "groups:read", "channels:history", "users:read.email"):
        assert scope not in BOT_SCOPES


def test_the_systemd_units_run_serve_and_one_clock_with_one_settings_file() -> None:
    serve = (UNITS / "partnership-coach-serve.service").read_text()
    clock = (UNITS / "partnership-coach-clock.service").read_text()
    assert re.search(r"^ExecStart=\S+/coach serve$", serve, re.MULTILINE)
    assert re.search(r"^ExecStartPre=\S+/coach db upgrade$", serve, re.MULTILINE)
    assert re.search(r"^ExecStart=\S+/coach clock$", clock, re.MULTILINE)
    settings = "EnvironmentFile=/etc/partnership-coach/coach.env"
    assert settings in serve and settings in clock
    for unit in ("partnership-coach-serve", "partnership-coach-clock"):
        assert unit in GUIDE
    example = (UNITS / "coach.env.example").read_text()
    assert "COACH_ENV=production" in example and "MICROSOFT_APP_TYPE=SingleTenant" in example


def test_the_readme_links_the_guide() -> None:
    assert "](docs/INSTALL.md)" in (ROOT / "README.md").read_text()
