"""`coach db upgrade` and `coach content check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

import adapters
import bot
from bot.drafts.quality import draft_faults
from bot.i18n_check import check_catalogues
from bot.reframe import check_lexicon
from bot.reframe.fallback import check_fallback
from bot.settings import Settings
from bot.storage.db import make_engine, upgrade
from content.coverage import coverage
from content.drafts_schema import DraftContent, Language, Purpose, Tone, load_drafts
from content.language_check import content_languages
from content.loader import ContentError, load_content
from content.understanding_schema import UnderstandingError, load_understanding

# Where the coach's own sentences are written (marked with Msg(...) or _(...)).
SOURCE_DIRS = (Path(bot.__file__).parent, Path(adapters.__file__).parent)


def db_upgrade(args: argparse.Namespace) -> int:
    engine = make_engine(Settings().database_url)
    upgrade(engine)
    print("Database is up to date.")
    return 0


def _drafts(faults: list[str]) -> DraftContent | None:
    """The message-home templates, with every fault added to `faults`."""
    try:
        drafts = load_drafts()
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        faults.append(f"drafts.yaml: {exc}")
        return None
    faults += draft_faults(drafts)
    return drafts


def content_check(args: argparse.Namespace) -> int:
    """Validate the framework content and the reframing lexicon; list every fault found."""
    faults = check_lexicon() + check_fallback()
    try:
        load_understanding()
    except UnderstandingError as exc:
        faults += exc.faults
    library = None
    try:
        library = load_content()
    except ContentError as exc:
        faults = exc.faults + faults
    languages = content_languages()
    faults += languages.faults
    sentences = check_catalogues(SOURCE_DIRS)
    faults += sentences.faults
    covered = coverage(library) if library is not None else None
    if covered is not None:
        faults += covered.faults
    drafts = _drafts(faults)
    if library is None or covered is None or faults:
        print(f"Content check failed: {len(faults)} problem(s) in content/", file=sys.stderr)
        for fault in faults:
            print(f"  {fault}", file=sys.stderr)
        return 1
    nudges = sum(len(topic.nudges) for topic in library.topics.values())
    print(
        f"Content OK (version {library.version}): {len(library.topics)} nudge topics, "
        f"{len(library.learn_only)} learn-only topics, {nudges} distinct weekly nudges, "
        f"{sum(library.team_prompts.counts().values())} team prompts, "
        "the reframing lexicon and its fallback's sentences, "
        "and the understanding cues and replies."
    )
    if drafts is not None:
        templates = sum(
            len(drafts.templates_for(language, purpose, tone))
            for language in Language
            for purpose in Purpose
            for tone in Tone
        )
        print(
            f"Messages home: {templates} templates, {len(Purpose)} purposes in "
            f"{len(Language)} languages, each at or below a sixth-grade reading level, "
            "ending with a question or an invitation to reply."
        )
    print(languages.summary)
    print(sentences.summary)
    print("Written for every educator:")
    for line in covered.lines:
        print(f"  {line}")
    return 0
