"""What makes a posted card readable in Teams, as one check every card test can apply.

Teams cuts a button title that does not fit (about 35 characters alone at its narrow width,
less when buttons share a row), reads a line indented by four spaces as code, and lets a
screen reader jump between headings only when they carry `style: "heading"`.
"""

from __future__ import annotations

from typing import Any

from adapters.teams.choices import BUTTON_PADDING, MAX_BUTTON_TITLE, ROW_WIDTH
from tests.teams.reading import _elements


def _row_width(actions: list[dict[str, Any]]) -> int:
    return sum(len(action["title"]) + BUTTON_PADDING for action in actions)


def problems(card: dict[str, Any]) -> list[str]:
    """Everything in one Adaptive Card that Teams would show badly (empty when none)."""
    found: list[str] = []
    if card.get("version") != "1.5":
        found.append(f"version {card.get('version')}")
    rows = [card.get("actions", [])]
    for element in _elements(card):
        kind = element.get("type")
        if kind == "TextBlock":
            if element.get("wrap") is not True:
                found.append(f"text does not wrap: {element['text'][:40]!r}")
            if element.get("size") == "Medium" and element.get("style") != "heading":
                found.append(f"title not marked as a heading: {element['text'][:40]!r}")
            if any(line.startswith(("    ", "\t")) for line in element["text"].split("\n")):
                found.append(f"indented like code: {element['text'][:40]!r}")
        elif kind == "ActionSet":
            rows.append(element["actions"])
        elif kind == "Input.ChoiceSet" and element.get("wrap") is not True:
            found.append("choices do not wrap")
    for row in rows:
        titles = [action["title"] for action in row]
        if len(row) > 1 and _row_width(row) > ROW_WIDTH:
            found.append(f"buttons cut off side by side: {titles}")
        found += [f"button cut off: {t!r}" for t in titles if len(t) > MAX_BUTTON_TITLE]
    return found


def posted_cards(activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        attachment["content"]
        for activity in activities
        for attachment in activity.get("attachments") or []
    ]
