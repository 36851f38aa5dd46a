"""Load and validate everything in content/, naming the file and field of any fault."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from content.languages import DEFAULT_LANGUAGE, MissingLanguage, in_language
from content.profile_schema import ProfileWords
from content.schema import (
    ALL_TOPICS,
    LEARN_ONLY_TOPICS,
    NUDGE_TOPICS,
    SLACK_SECTION_LIMIT,
    Assessment,
    LearnOnlyTopic,
    NudgeTopic,
    Overview,
)
from content.team_prompts_schema import TeamPrompts

M = TypeVar("M", bound=BaseModel)

CONTENT_DIR = Path(__file__).resolve().parent


class ContentError(Exception):
    """Content that cannot be used; the message names every fault found."""

    def __init__(self, faults: list[str]) -> None:
        super().__init__("\n".join(faults))
        self.faults = faults


@dataclass(frozen=True)
class Library:
    """All framework content, validated, with a version that changes when it does."""

    overview: Overview
    topics: dict[str, NudgeTopic]
    learn_only: dict[str, LearnOnlyTopic]
    assessment: Assessment
    version: str
    team_prompts: TeamPrompts
    profiles: ProfileWords
    language: str = DEFAULT_LANGUAGE
    extras: dict[str, Any] = field(default_factory=dict)

    def title(self, slug: str) -> str:
        if slug in self.topics:
            return self.topics[slug].title
        return self.learn_only[slug].title


def _read_yaml(path: Path, faults: list[str], language: str = DEFAULT_LANGUAGE) -> Any:
    """The file's data in one language (content/languages.py)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        faults.append(f"{path.name}: cannot read YAML ({exc})")
        return None
    try:
        return in_language(data, language)
    except MissingLanguage as exc:
        faults.append(f"{path.name}: {exc}")
        return None


def _validate(model: type[M], data: Any, where: str, faults: list[str]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            location = ".".join(str(part) for part in error["loc"]) or "(top level)"
            faults.append(f"{where}: field {location}: {error['msg']}")
        return None


def _long_strings(data: Any, where: str, path: str = "") -> list[str]:
    """Every string over Slack's section limit, wherever it sits in a file."""
    if isinstance(data, str):
        if len(data) > SLACK_SECTION_LIMIT:
            return [
                f"{where}: field {path or '(top level)'}: {len(data)} characters, "
                f"over Slack's {SLACK_SECTION_LIMIT}-character section limit"
            ]
        return []
    if isinstance(data, dict):
        return [
            fault
            for key, value in data.items()
            for fault in _long_strings(value, where, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(data, list):
        return [
            fault
            for index, value in enumerate(data)
            for fault in _long_strings(value, where, f"{path}.{index}" if path else str(index))
        ]
    return []


def _load_file(
    model: type[M], root: Path, where: str, faults: list[str], digest: Any, language: str
) -> M | None:
    """Read, fingerprint and validate one required content file; record any fault."""
    path = root / where
    if not path.exists():
        faults.append(f"{where}: file is missing")
        return None
    data = _read_yaml(path, faults, language)
    digest.update(path.read_bytes())
    faults.extend(_long_strings(data, where))
    return _validate(model, data, where, faults)


def load_content(root: Path = CONTENT_DIR, language: str = DEFAULT_LANGUAGE) -> Library:
    """Read every content file under root, in one language; raise ContentError listing all
    faults."""
    faults: list[str] = []
    digest = hashlib.sha256()
    topics: dict[str, NudgeTopic] = {}
    learn_only: dict[str, LearnOnlyTopic] = {}

    overview = _load_file(Overview, root, "framework/overview.yaml", faults, digest, language)

    for slug in LEARN_ONLY_TOPICS:
        where = f"framework/{slug}.yaml"
        topic = _load_file(LearnOnlyTopic, root, where, faults, digest, language)
        if topic is not None:
            if topic.slug != slug:
                faults.append(f"{where}: field slug: is {topic.slug!r}, expected {slug!r}")
            learn_only[slug] = topic

    topic_dir = root / "topics"
    for path in sorted(topic_dir.glob("*.yaml")):
        where = f"topics/{path.name}"
        data = _read_yaml(path, faults, language)
        digest.update(path.read_bytes())
        faults.extend(_long_strings(data, where))
        nudge_topic = _validate(NudgeTopic, data, where, faults)
        if nudge_topic is None:
            continue
        if path.stem != nudge_topic.slug:
            faults.append(
                f"{where}: field slug: is {nudge_topic.slug!r}, but the file is named {path.stem}"
            )
        topics[nudge_topic.slug] = nudge_topic
    for slug in NUDGE_TOPICS:
        if slug not in topics and not (topic_dir / f"{slug}.yaml").exists():
            faults.append(f"topics/{slug}.yaml: file is missing")

    assessment = _load_file(Assessment, root, "assessment.yaml", faults, digest, language)
    team_prompts = _load_file(TeamPrompts, root, "team_prompts.yaml", faults, digest, language)
    profiles = _load_file(ProfileWords, root, "profiles.yaml", faults, digest, language)

    if faults or overview is None or assessment is None or team_prompts is None or profiles is None:
        raise ContentError(faults or ["content could not be loaded"])
    ordered = {slug: topics[slug] for slug in NUDGE_TOPICS}
    assert set(ordered) | set(learn_only) == set(ALL_TOPICS)
    return Library(
        overview=overview,
        topics=ordered,
        learn_only=learn_only,
        assessment=assessment,
        version=digest.hexdigest()[:12],
        team_prompts=team_prompts,
        profiles=profiles,
        language=language,
    )


@cache
def default_library() -> Library:
    """The packaged content, loaded once per process."""
    return load_content()


@cache
def library_in(language: str) -> Library:
    """The packaged content in one language, loaded once per process."""
    return default_library() if language == DEFAULT_LANGUAGE else load_content(language=language)
