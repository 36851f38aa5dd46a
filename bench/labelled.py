"""Where the labelled sets the benchmarks score live (written by people who read only a
brief, never the coach's patterns), and how one is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

UNDERSTANDING_SETS = Path(__file__).resolve().parent.parent / "tests" / "data" / "understanding"


def labelled_set(file_name: str) -> list[dict[str, Any]]:
    """The items of one labelled set in tests/data/understanding."""
    items: list[dict[str, Any]] = yaml.safe_load(
        (UNDERSTANDING_SETS / file_name).read_text(encoding="utf-8")
    )
    return items
