"""Reading a posted Adaptive Card as an educator would: its words, and what can be clicked.

A card may offer its options as a row of buttons, as buttons stacked in its body, or as a
choice set with one submit button (see adapters/teams/choices.py). Here each option is a
clickable {"title", "data"}, whatever the layout: for a choice set, the data is what Teams
would send, the submit button's data with the picked value merged in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _elements(content: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for element in content.get("body", []):
        yield element
        for key in ("items", "columns"):
            for child in element.get(key, []):
                yield from _elements({"body": [child]})


def _submits(content: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for element in _elements(content):
        if element.get("type") == "ActionSet":
            found += element["actions"]
    return found + list(content.get("actions", []))


def options(content: dict[str, Any]) -> list[dict[str, Any]]:
    """Every option of one card, as a button an educator clicks."""
    choice_sets = [e for e in _elements(content) if e.get("type") == "Input.ChoiceSet"]
    if not choice_sets:
        return _submits(content)
    [choice_set] = choice_sets
    [submit] = _submits(content)
    return [
        {
            "type": "Action.Submit",
            "title": choice["title"],
            "data": {**submit["data"], choice_set["id"]: choice["value"]},
        }
        for choice in choice_set["choices"]
    ]


def words(content: dict[str, Any]) -> list[str]:
    """The card's text blocks, then its options as [title]."""
    lines = [e.get("text", "") for e in _elements(content) if e.get("type") == "TextBlock"]
    return lines + [f"[{option['title']}]" for option in options(content)]
