"""Every card the Teams adapter showed in the suite's conversations (tests/cards_seen.py),
rendered by the official `adaptivecards` renderer in one headless Chromium page at Teams'
narrow width: no parse or validation warning, nothing above version 1.5, and no button whose
title is cut off. It runs after every other test; run alone (or with part of the suite) it
checks the cards of what did run, the screenshots' first week and the hardest layouts.

Needs the machine's `chromium` (Debian's package) and `npm ci --prefix tests/teams/cardcheck`;
.ci/run installs both. Without them the test skips and says which is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from adapters.teams.cards import render_reply
from bench.screenshots.dialog import hold_conversations
from bench.screenshots.pages import teams_cards
from bot.replies import Card, Choice, Choices
from tests.cards_seen import SEEN, each_card
from tests.teams.test_readable_cards import LONG

CHECK = Path(__file__).parent / "cardcheck"
RENDERER = CHECK / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js"
# Teams on a phone, and its narrowest desktop column: the width a card must read well at.
NARROW_WIDTH = 320
# The whole suite shows about 900 distinct cards; far fewer means the recording broke.
FEWEST_FROM_THE_SUITE = 600
PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<script src="{renderer}"></script>
<script>const WIDTH = {width}; const CARDS = {cards};</script>
<script src="{script}"></script>
</body></html>"""


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _missing() -> str | None:
    if _chromium() is None:
        return "chromium is not installed (apt-get install chromium; .ci/run does)"
    if not RENDERER.exists():
        return "the adaptivecards renderer is not installed (npm ci --prefix tests/teams/cardcheck)"
    return None


def render_in_chromium(cards: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    """What the official renderer says about each card, in order."""
    page = tmp_path / "cards.html"
    inline = json.dumps(cards).replace("</", "<\\/")
    page.write_text(
        PAGE.format(
            renderer=RENDERER.as_uri(),
            width=NARROW_WIDTH,
            cards=inline,
            script=(CHECK / "render.js").as_uri(),
        )
    )
    chromium = _chromium()
    assert chromium is not None
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    start = done.stdout.find('<pre id="result">')
    assert start >= 0, f"the renderer wrote no result: {done.stderr[-2000:]}"
    body = done.stdout[start + len('<pre id="result">') : done.stdout.index("</pre>", start)]
    found: list[dict[str, Any]] = json.loads(
        body.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    return found


def _cards_of_the_hardest_layouts() -> list[dict[str, Any]]:
    replies = (
        Choices("Pick one:", LONG),
        Card(
            "A nudge", "Body", (Choice("Done", "d"), Choice("Partly", "p"), Choice("Not yet", "n"))
        ),
        Choices("Which?", tuple(Choice(f"Option number {i}", str(i)) for i in range(1, 8))),
    )
    return [attachment.content for r in replies for attachment in render_reply(r).attachments]


def _cards_of_the_screenshots() -> list[dict[str, Any]]:
    """The screenshots' first week (docs/screenshots/), cards as shown once clicked too."""
    shown = [
        item
        for scene in hold_conversations()
        if scene.name.startswith("teams")
        for turn in scene.turns
        for item in teams_cards(turn)
    ]
    return [item["card"] for item in shown if not item["plain"]]


@pytest.mark.after_the_suite
def test_every_card_renders_whole_in_the_official_renderer(tmp_path: Path) -> None:
    missing = _missing()
    if missing is not None:
        pytest.skip(missing)
    from_the_suite = SEEN.all()
    if SEEN.whole_suite:
        # A recorder that stopped recording must not pass as "nothing cut off".
        assert len(from_the_suite) >= FEWEST_FROM_THE_SUITE, len(from_the_suite)
    cards = each_card(
        [from_the_suite, _cards_of_the_hardest_layouts(), _cards_of_the_screenshots()]
    )
    assert {card["version"] for card in cards} == {"1.5"}
    # Two cards the check must catch, so a check that sees nothing cannot pass.
    title = "Call one family this week just to share something good"
    cut_off = {**cards[-1], "actions": [{"type": "Action.Submit", "title": title}]}
    unknown = {**cards[-1], "body": [{"type": "NoSuchElement"}]}
    results = render_in_chromium([*cards, cut_off, unknown], tmp_path)
    assert len(results) == len(cards) + 2
    *results, caught_cut, caught_unknown = results
    assert caught_cut["cut"] == [title]
    assert caught_unknown["warnings"]
    SEEN.checked = len(cards)

    warnings = [(r["warnings"], cards[r["index"]]) for r in results if r["warnings"]]
    cut = [(r["cut"], cards[r["index"]]) for r in results if r["cut"]]
    assert warnings == [], warnings[:5]
    assert cut == [], cut[:5]
    assert sum(r["buttons"] for r in results) >= 10  # the buttons were really drawn
