"""The understanding reads deficit framing as the reframe matcher finds it, plus the fallback
model's one general finding where the matcher finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.reframe import find_deficit_framing
from bot.reframe.fallback import GENERAL_ID
from bot.understanding.deficit import deficit_findings

DATA_DIR = Path(__file__).resolve().parent / "data" / "understanding"
EDGES = [
    "",
    "THESE PARENTS DON'T CARE",
    "these parents dont care, honestly",
    "Those kids' parents don’t value education.",
    "the parents—they're lazy",
    "hard-to-reach families",
    "hard to reach families",
    "I used to think these parents didn't care but I was wrong",
    "a colleague said those parents are lazy and I pushed back",
    "Eſos padres no les importa",  # a long s: the case-insensitive path
    "İ think these parents don't care",
    "los papás no se involucran 🙄 nunca",
    "they never show up because they're lazy. but mom came today!",
]


def labelled_texts() -> list[str]:
    return [
        item["text"]
        for path in sorted(DATA_DIR.glob("*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def reads_as_the_matcher(text: str) -> bool:
    """What the lexicon finds, unchanged; or, when it finds nothing, at most the fallback
    model's one general finding."""
    found, read = find_deficit_framing(text), deficit_findings(text)
    if found:
        return read == found
    return not read or (len(read) == 1 and read[0].id == GENERAL_ID)


@pytest.mark.parametrize("text", EDGES)
def test_edge_texts_read_the_same(text: str) -> None:
    assert reads_as_the_matcher(text)


def test_every_labelled_text_reads_the_same() -> None:
    texts = labelled_texts()
    # Counted, never printed: heldout items are only ever reported in aggregate.
    different = sum(1 for t in texts if not reads_as_the_matcher(t))
    assert different == 0
    assert any(deficit_findings(t) for t in texts)  # the comparison is not empty-handed
