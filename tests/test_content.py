"""The framework content: complete, valid, in our own words, and checked loudly when broken."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.cli import main
from content.coverage import coverage
from content.loader import CONTENT_DIR, ContentError, load_content
from content.schema import ALL_TOPICS, FOUR_CS, NUDGE_TOPICS, SLACK_SECTION_LIMIT

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
COPIED_RUN = 8  # this many words in a row, shared with a seed, counts as pasted
# Names of works are cited, not pasted: they may appear whole.
CITED_TITLES = (
    "partners in education a dual capacity-building framework for family-school partnerships",
    "dual capacity-building framework for family-school partnerships",
)


def test_every_topic_has_what_a_week_of_coaching_needs() -> None:
    library = load_content()
    assert list(library.topics) == list(NUDGE_TOPICS)
    assert set(library.learn_only) | set(library.topics) == set(ALL_TOPICS)
    for topic in library.topics.values():
        assert len(topic.reflection_prompts) >= 6, topic.slug
        assert len(topic.quick_actions) >= 4, topic.slug
        assert len(topic.nudges) >= 4, topic.slug
    for slug in FOUR_CS:
        assert library.topics[slug].for_educators and library.topics[slug].for_families


def test_a_year_of_weekly_nudges_never_repeats() -> None:
    library = load_content()
    nudges = [n.action.casefold() for t in library.topics.values() for n in t.nudges]
    assert len(nudges) >= 52
    assert len(set(nudges)) == len(nudges)


def test_the_challenge_names_barriers_on_both_sides_and_outcomes_name_family_roles() -> None:
    library = load_content()
    challenge = yaml.safe_dump(library.learn_only["challenge"].model_dump()).casefold()
    assert "educator" in challenge and "famil" in challenge
    outcomes = yaml.safe_dump(library.learn_only["outcomes"].model_dump()).casefold()
    for role in (
        "co-creator",
        "supporter",
        "encourager",
        "monitor",
        "advocate",
        "model",
        "decision-maker",
        "collaborator",
    ):
        assert role in outcomes, role


def test_content_check_passes_on_the_shipped_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    out = capsys.readouterr().out
    assert "Content OK" in out
    # The counts of what is written for each role, band and family context.
    assert "leader prompts:" in out and "nudges per family context: multilingual" in out


def test_content_for_every_educator_fails_under_its_minimums(content_copy: Path) -> None:
    def classroom_only(data: dict[str, Any]) -> None:
        data["reflection_prompts"] = [
            p
            for p in data["reflection_prompts"]
            if "leader" not in (p.get("roles", []) if isinstance(p, dict) else [])
        ]
        for nudge in data["nudges"]:
            nudge.pop("contexts", None)

    _edit(content_copy / "topics" / "systemic.yaml", classroom_only)
    found = coverage(load_content(content_copy))
    assert "topics/systemic.yaml: 0 leader prompts, at least 3 needed" in found.faults
    assert not [f for f in found.faults if "relational" in f]


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return copy


def _edit(path: Path, change: Callable[[dict[str, Any]], object]) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data))


def test_a_missing_prompt_names_the_file_and_field(content_copy: Path) -> None:
    _edit(
        content_copy / "topics" / "relational.yaml",
        lambda d: d.update(reflection_prompts=["Only one?"]),
    )
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "topics/relational.yaml: field reflection_prompts" in str(caught.value)


def test_an_unknown_topic_is_named(content_copy: Path) -> None:
    shutil.copy(
        content_copy / "topics" / "relational.yaml", content_copy / "topics" / "friendly.yaml"
    )
    _edit(content_copy / "topics" / "friendly.yaml", lambda d: d.update(slug="friendly"))
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "topics/friendly.yaml" in str(caught.value)
    assert "unknown topic slug 'friendly'" in str(caught.value)


def test_a_message_too_long_for_slack_is_named(content_copy: Path) -> None:
    too_long = "word " * (SLACK_SECTION_LIMIT // 4)
    _edit(content_copy / "topics" / "cognition.yaml", lambda d: d.update(why_it_matters=too_long))
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "topics/cognition.yaml: field why_it_matters" in str(caught.value)
    assert "3000-character section limit" in str(caught.value)


def test_a_missing_file_is_named(content_copy: Path) -> None:
    (content_copy / "topics" / "sustained.yaml").unlink()
    with pytest.raises(ContentError, match=r"topics/sustained\.yaml: file is missing"):
        load_content(content_copy)


def _words(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text.casefold().replace("’", "'").replace(":", ""))
    for title in CITED_TITLES:
        text = text.replace(title, " cited-title ")
    return re.findall(r"[a-z0-9][a-z0-9'-]*", text)


def test_no_sentence_is_pasted_from_the_seed_texts() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed texts not found at {SEEDS_DIR}")
    seed_runs: set[tuple[str, ...]] = set()
    for seed in SEEDS_DIR.glob("*.txt"):
        words = _words(seed.read_text(encoding="utf-8"))
        seed_runs.update(
            tuple(words[i : i + COPIED_RUN]) for i in range(len(words) - COPIED_RUN + 1)
        )
    pasted = []
    for path in sorted(CONTENT_DIR.rglob("*.yaml")):
        words = _words(path.read_text(encoding="utf-8"))
        for i in range(len(words) - COPIED_RUN + 1):
            run = tuple(words[i : i + COPIED_RUN])
            if run in seed_runs:
                pasted.append(f"{path.name}: {' '.join(run)}")
    assert not pasted, "content repeats the seeds word for word:\n" + "\n".join(pasted[:20])


def test_content_check_names_a_broken_reframe_lexicon(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.reframe import lexicon

    broken = tmp_path / "reframe.yaml"
    data = yaml.safe_load(lexicon.LEXICON_PATH.read_text(encoding="utf-8"))
    data["entries"][0]["topic"] = "friendliness"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    for name in data.get("include", []):  # the files it includes, unchanged, beside it
        shutil.copy(lexicon.LEXICON_PATH.with_name(name), tmp_path / name)
    monkeypatch.setattr(lexicon, "LEXICON_PATH", broken)
    monkeypatch.setattr("adapters.maintenance.check_lexicon", lambda: lexicon.check_lexicon(broken))
    assert main(["content", "check"]) == 1
    assert "reframe.yaml: field entries.0.topic" in capsys.readouterr().err


def test_what_a_teacher_is_asked_or_offered_never_assumes_an_advisory() -> None:
    # Session 36: a chemistry teacher with 150 students and no advisory was asked about "my
    # advisory group" at reflection after reflection; every such text now leaves room for a
    # class.
    assuming = []
    for path in sorted((CONTENT_DIR / "topics").glob("*.yaml")):
        for line in _english_prompts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if re.search(r"\badvis(?:ory|ee)", line, re.I) and not re.search(r"\bclass", line):
                assuming.append(f"{path.name}: {line[:80]}")
    assert assuming == []


def _english_prompts(data: Any) -> list[str]:
    """The English text of the questions, quick actions and nudge actions of a topic file (its
    explanations may say what an advisory is for)."""
    found: list[str] = []
    for key in ("reflection_prompts", "quick_actions", "nudges"):
        for item in data.get(key) or []:
            for text in (item.get("text"), item, item.get("action"), item.get("question")):
                if isinstance(text, dict) and isinstance(text.get("en"), str):
                    found.append(" ".join(text["en"].split()))
    return found
