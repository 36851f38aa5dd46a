"""Every text of the framework content, the coach's replies, the drafts' questions and the
reframing's messages and tips in every language (content/languages.py): faults for a text
missing a language or with placeholders that differ, the Spanish loaded and validated like
the English, and the counts per language for `coach content check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from content.drafts_schema import load_drafts
from content.languages import LANGUAGES, MissingLanguage, language_faults, text_counts
from content.loader import CONTENT_DIR, ContentError, Library, load_content
from content.reframe_schema import reframe_words
from content.situations_schema import load_situations
from content.understanding_schema import UnderstandingError, load_replies

# The files whose texts carry every language. The rest of content/ is written in the
# language of what it reads: the understanding's cues and examples, the reframing's patterns
# and entries (reframe_es.yaml holds the Spanish ones), the reframing fallback's sentences.
# In the files below, the word lists a reply is chosen by and the drafts' family-facing
# templates (per family language) are kept as written (content/languages.py AS_WRITTEN).
TRANSLATED = (
    "framework/*.yaml",
    "topics/*.yaml",
    "assessment.yaml",
    "team_prompts.yaml",
    "profiles.yaml",
    "understanding/replies.yaml",
    "understanding/situations.yaml",
    "drafts.yaml",
    "reframe.yaml",
)
# Files of which only some sections are texts in every language: reframe.yaml's own words;
# its sets, patterns and entries follow the language of the sentence reframed.
SECTIONS = {"reframe.yaml": ("messages", "tips")}


@dataclass(frozen=True)
class Languages:
    faults: list[str]
    summary: str


def content_languages(root: Path = CONTENT_DIR) -> Languages:
    faults: list[str] = []
    counts = dict.fromkeys(LANGUAGES, 0)
    for pattern in TRANSLATED:
        for path in sorted(root.glob(pattern)):
            where = str(path.relative_to(root))
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if where in SECTIONS:
                data = {key: data.get(key) for key in SECTIONS[where]}
            faults += language_faults(data, where)
            for language, count in text_counts(data).items():
                counts[language] += count
    spanish = None
    for language in LANGUAGES[1:]:
        try:
            spanish = load_content(root, language)
        except ContentError as exc:
            faults += [f"({language}) {fault}" for fault in exc.faults]
        faults += [f"({language}) {fault}" for fault in _others_in(root, language)]
    if len(set(counts.values())) > 1:
        faults.append(f"texts per language differ: {counts}")
    per_language = ", ".join(f"{language} {count}" for language, count in counts.items())
    if spanish is not None:
        per_language += f"; {spanish_reading_ease(spanish)}"
    return Languages(
        faults,
        "Texts per language (framework, topics, self-check, team prompts, roles, replies, "
        f"situations, drafts' questions, reframing's messages and tips): {per_language}",
    )


def _others_in(root: Path, language: str) -> list[str]:
    """The replies, the drafts' questions and the reframing's words, read in one language
    and validated by the same models as the English."""
    faults: list[str] = []
    try:
        load_replies(language, root / "understanding")
    except UnderstandingError as exc:
        faults += exc.faults
    for where, load in (
        ("understanding/situations.yaml", lambda path: load_situations(path, language)),
        ("drafts.yaml", lambda path: load_drafts(path, language)),
        ("reframe.yaml", lambda path: reframe_words(path, language)),
    ):
        try:
            load(root / where)
        except (OSError, yaml.YAMLError, MissingLanguage) as exc:
            faults.append(f"{where}: {exc}")
        except ValidationError as exc:
            faults += [
                f"{where}: field {'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
                for error in exc.errors()
            ]
    return faults


def spanish_reading_ease(library: Library) -> str:
    """The Fernández Huerta reading ease (higher is easier; 70-80 is sixth grade, 60-70
    seventh and eighth) of what educators read most: prompts, actions and nudges."""
    import textstat  # type: ignore[import-untyped]

    texts = [
        text
        for topic in library.topics.values()
        for text in (
            *(prompt.text for prompt in topic.reflection_prompts),
            *(action.text for action in topic.quick_actions),
            *(f"{nudge.why} {nudge.action} {nudge.question}" for nudge in topic.nudges),
        )
    ]
    textstat.set_lang("es")
    try:
        scores = sorted(float(textstat.fernandez_huerta(text)) for text in texts)
    finally:
        textstat.set_lang("en")
    median = scores[len(scores) // 2]
    return (
        f"Spanish reading ease (Fernández Huerta) of {len(texts)} prompts, actions and nudges: "
        f"median {median:.0f}, lowest {scores[0]:.0f}"
    )
