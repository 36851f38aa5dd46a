"""The labelled set of educator messages (tests/data/understanding): its shape and its size.

This checks the data only; it never runs the coach. `dev.yaml` may be used to tune the
understanding patterns, `heldout.yaml` only to report on them (see the README there).
Run this file directly to print the counts per label.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from content.schema import ALL_TOPICS

DATA_DIR = Path(__file__).resolve().parent / "data" / "understanding"
SPLITS = ("dev", "heldout")

INTENTS = (
    "help",
    "learn",
    "reflect",
    "journal",
    "nudges",
    "assess",
    "reframe",
    "draft",
    "profile",
    "language",
    "export",
    "forget",
    "cancel",
    "greeting",
    "thanks",
    "frustration",
    "question",
    "unknown",
)
THEMES = ("time", "no-response", "language", "conflict", "positive", "unsure")
CONTEXTS = ("message", "answer")
LANGUAGES = ("en", "es")
FIELDS = {"text", "context", "intent", "topic", "themes", "deficit", "language"}

# Minimums over both splits together.
MIN_TOTAL = 620
MIN_MESSAGES = 330
MIN_PER_INTENT = 12
MIN_PER_BUSY_INTENT = 25
BUSY_INTENTS = ("question", "draft", "frustration", "unknown", "learn", "greeting")
MIN_TOPIC_MESSAGES = 60
MIN_ANSWERS = 290
MIN_PER_THEME = 35
MIN_PER_WIDE_THEME = 45
WIDE_THEMES = ("positive", "unsure")
MIN_NO_THEME_ANSWERS = 70
MIN_DEFICIT = 130
MIN_NOT_DEFICIT = 170
MIN_SPANISH = 90
MIN_SHORT = 40  # 1 to 3 words
MIN_LONG = 25  # over 60 words
# Dev has grown with items written for tuning (theme cues, reframe lexicon); heldout is
# kept as it was written, so the share may rise to 65%.
DEV_SHARE = (0.50, 0.65)
NEAR_DUPLICATE = 0.8  # word-set overlap (Jaccard) across splits that counts as the same item


def load(split: str) -> list[dict[str, Any]]:
    """A split is `dev.yaml` plus any `dev_*.yaml` beside it (batches written later)."""
    items: list[dict[str, Any]] = []
    for path in [DATA_DIR / f"{split}.yaml", *sorted(DATA_DIR.glob(f"{split}_*.yaml"))]:
        batch = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(batch, list), f"{path.name} must be a YAML list"
        items.extend(batch)
    return items


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+|[^\w\s]", text.lower())


def word_count(text: str) -> int:
    return len(text.split())


def problems(item: Any) -> list[str]:
    if not isinstance(item, dict):
        return ["not a mapping"]
    found = []
    if set(item) != FIELDS:
        found.append(f"fields {sorted(item)} != {sorted(FIELDS)}")
        return found
    if not isinstance(item["text"], str) or not item["text"].strip():
        found.append("text must be a non-empty string")
    if item["context"] not in CONTEXTS:
        found.append(f"context {item['context']!r}")
    if item["context"] == "message" and item["intent"] not in INTENTS:
        found.append(f"intent {item['intent']!r}")
    if item["context"] == "answer" and item["intent"] is not None:
        found.append("an answer's intent must be null")
    if item["topic"] is not None and item["topic"] not in ALL_TOPICS:
        found.append(f"topic {item['topic']!r}")
    themes = item["themes"]
    if not isinstance(themes, list) or any(t not in THEMES for t in themes):
        found.append(f"themes {themes!r}")
    elif len(set(themes)) != len(themes):
        found.append("repeated theme")
    if not isinstance(item["deficit"], bool):
        found.append(f"deficit {item['deficit']!r} is not a boolean")
    if item["language"] not in LANGUAGES:
        found.append(f"language {item['language']!r}")
    return found


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict[str, Any]]]:
    return {split: load(split) for split in SPLITS}


@pytest.fixture(scope="module")
def everything(splits: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [item for split in SPLITS for item in splits[split]]


def test_every_item_is_well_formed(splits: dict[str, list[dict[str, Any]]]) -> None:
    bad = [
        f"{split}.yaml item {n} ({item.get('text', '?')!r}): {'; '.join(found)}"
        for split in SPLITS
        for n, item in enumerate(splits[split], 1)
        if (found := problems(item))
    ]
    assert not bad, "\n".join(bad)


def test_no_text_appears_twice_in_a_split(splits: dict[str, list[dict[str, Any]]]) -> None:
    # The same words may be labelled once as a message and once as an answer ("?").
    for split in SPLITS:
        seen = Counter((item["context"], " ".join(words(item["text"]))) for item in splits[split])
        assert not [t for t, n in seen.items() if n > 1], split


def test_heldout_never_repeats_or_nearly_repeats_dev(
    splits: dict[str, list[dict[str, Any]]],
) -> None:
    dev = [(item["text"], set(words(item["text"]))) for item in splits["dev"]]
    clashes = []
    for item in splits["heldout"]:
        mine = set(words(item["text"]))
        for text, theirs in dev:
            overlap = len(mine & theirs) / len(mine | theirs)
            if mine == theirs or (min(len(mine), len(theirs)) >= 4 and overlap >= NEAR_DUPLICATE):
                clashes.append(f"{item['text']!r} ~ {text!r}")
    assert not clashes, "\n".join(clashes)


def test_the_split_is_about_55_to_45(splits: dict[str, list[dict[str, Any]]]) -> None:
    dev, heldout = len(splits["dev"]), len(splits["heldout"])
    assert DEV_SHARE[0] <= dev / (dev + heldout) <= DEV_SHARE[1]


def test_heldout_covers_every_intent_and_theme(splits: dict[str, list[dict[str, Any]]]) -> None:
    for split in SPLITS:
        items = splits[split]
        assert {i["intent"] for i in items if i["context"] == "message"} == set(INTENTS), split
        assert {t for i in items for t in i["themes"]} == set(THEMES), split
        assert {i["deficit"] for i in items} == {True, False}, split
        assert {i["language"] for i in items} == set(LANGUAGES), split


def test_the_set_meets_its_minimum_counts(everything: list[dict[str, Any]]) -> None:
    messages = [i for i in everything if i["context"] == "message"]
    answers = [i for i in everything if i["context"] == "answer"]
    intents = Counter(i["intent"] for i in messages)
    themes = Counter(t for i in answers for t in i["themes"])

    assert len(everything) >= MIN_TOTAL
    assert len(messages) >= MIN_MESSAGES
    for intent in INTENTS:
        wanted = MIN_PER_BUSY_INTENT if intent in BUSY_INTENTS else MIN_PER_INTENT
        assert intents[intent] >= wanted, (intent, intents[intent])
    assert sum(1 for i in messages if i["topic"]) >= MIN_TOPIC_MESSAGES
    assert len(answers) >= MIN_ANSWERS
    for theme in THEMES:
        wanted = MIN_PER_WIDE_THEME if theme in WIDE_THEMES else MIN_PER_THEME
        assert themes[theme] >= wanted, (theme, themes[theme])
    assert sum(1 for i in answers if not i["themes"]) >= MIN_NO_THEME_ANSWERS
    assert sum(1 for i in everything if i["deficit"]) >= MIN_DEFICIT
    assert sum(1 for i in everything if not i["deficit"]) >= MIN_NOT_DEFICIT
    assert sum(1 for i in everything if i["language"] == "es") >= MIN_SPANISH
    assert sum(1 for i in everything if word_count(i["text"]) <= 3) >= MIN_SHORT
    assert sum(1 for i in everything if word_count(i["text"]) > 60) >= MIN_LONG


def tally(values: Any) -> str:
    return ", ".join(f"{k} {v}" for k, v in Counter(values).most_common())


def report(items: list[dict[str, Any]]) -> str:
    messages = [i for i in items if i["context"] == "message"]
    answers = [i for i in items if i["context"] == "answer"]
    return "\n".join(
        [
            f"items {len(items)}: messages {len(messages)}, answers {len(answers)}",
            "intents " + tally(i["intent"] for i in messages),
            f"messages with a topic {sum(1 for i in messages if i['topic'])}; "
            "topics " + tally(i["topic"] for i in items if i["topic"]),
            "themes in answers "
            + tally(t for i in answers for t in i["themes"])
            + f", none {sum(1 for i in answers if not i['themes'])}",
            "themes in messages " + tally(t for i in messages for t in i["themes"]),
            f"deficit true {sum(1 for i in items if i['deficit'])}, "
            f"false {sum(1 for i in items if not i['deficit'])}",
            "language " + tally(i["language"] for i in items),
            f"short (1-3 words) {sum(1 for i in items if word_count(i['text']) <= 3)}, "
            f"long (>60 words) {sum(1 for i in items if word_count(i['text']) > 60)}",
        ]
    )


if __name__ == "__main__":
    loaded = {split: load(split) for split in SPLITS}
    for split in SPLITS:
        print(f"== {split}\n{report(loaded[split])}\n")
    print(f"== both\n{report([i for s in SPLITS for i in loaded[s]])}")
    sys.exit(0)
