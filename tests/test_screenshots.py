"""The screenshot script (`python -m bench.screenshots`, docs/screenshots/) still tells the
story it is meant to: the coach's real replies, a clicked card showing the choice, and a
picture with the cards actually drawn in it."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from bench.screenshots.dialog import Scene, hold_conversations
from bench.screenshots.pages import RENDERER, WIDTH, page
from bench.screenshots.playground import SHOTS, WINDOW
from bench.screenshots.shoot import chromium, picture

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scenes() -> dict[str, Scene]:
    return {scene.name: scene for scene in hold_conversations()}


def test_each_scene_is_in_the_docs(scenes: dict[str, Scene]) -> None:
    guide = (ROOT / "docs" / "INSTALL.md").read_text()
    for name in scenes:
        assert (ROOT / "docs" / "screenshots" / f"{name}.png").exists(), name
        assert f"](screenshots/{name}.png)" in guide, name


def test_the_pages_show_the_coachs_replies_and_what_was_clicked(
    scenes: dict[str, Scene],
) -> None:
    teams = page(scenes["teams-2-reflection"])
    assert "Question 1 of 2" in teams and "pick one small action" in teams
    # The action card as Teams shows it once clicked: the choice, and no buttons left.
    cards = json.loads(teams.split("const TURNS = ", 1)[1].split(";</script>", 1)[0])
    answered = [
        item["card"]
        for turn in cards
        if turn["who"] == "coach"
        for item in turn["cards"]
        if "You chose: Send one family" in json.dumps(item["card"])
    ]
    assert len(answered) == 1 and "actions" not in answered[0]
    assert "ActionSet" not in json.dumps(answered[0])

    slack = page(scenes["slack-2-nudge"])
    assert "Your weekly nudge" in slack and "You chose: Done" in slack
    assert "Remind me tomorrow" in slack  # the nudge's own buttons, not yet clicked


def test_a_scene_is_drawn_with_its_cards(scenes: dict[str, Scene], tmp_path: Path) -> None:
    if chromium() is None or not RENDERER.exists():
        pytest.skip("needs chromium and npm ci --prefix tests/teams/cardcheck (.ci/run does)")
    html = tmp_path / "scene.html"
    html.write_text(page(scenes["teams-1-welcome"]), encoding="utf-8")
    png = tmp_path / "scene.png"
    height = picture(html, png, WIDTH, 1.0)
    width, drawn_height, _, colour_type = struct.unpack(">IIBB", png.read_bytes()[16:26])
    assert (width, drawn_height) == (WIDTH, height)
    assert colour_type == 3  # indexed colour: the small file docs/ keeps
    # Undrawn cards leave empty boxes about 260 px tall in all; the welcome and help are tall.
    assert height > 700


def test_the_playground_pictures_are_in_the_docs() -> None:
    """Made on demand (python -m bench.screenshots --playground: the Agents Playground is not
    installed in CI); each one the script makes is kept and shown in the guide."""
    guide = (ROOT / "docs" / "INSTALL.md").read_text()
    for shot in SHOTS:
        png = ROOT / "docs" / "screenshots" / f"{shot.name}.png"
        width, height, _, colour_type = struct.unpack(">IIBB", png.read_bytes()[16:26])
        assert width == WINDOW[0] and height > 600, shot.name
        assert colour_type == 3, shot.name
        assert f"](screenshots/{shot.name}.png)" in guide, shot.name
