"""Every text of the framework content in every language (content/languages.py): faults for
a text missing a language or with placeholders that differ, the Spanish content loaded and
validated like the English, and the counts per language for `coach content check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from content.languages import LANGUAGES, language_faults, text_counts
from content.loader import CONTENT_DIR, ContentError, Library, load_content

# The files whose texts carry every language (the rest of content/ is English-only for now:
# the understanding's cues and replies, the reframe lexicon's own Spanish file, the drafts'
# per-language templates).
TRANSLATED = (
    "framework/*.yaml",
    "topics/*.yaml",
    "assessment.yaml",
    "team_prompts.yaml",
    "profiles.yaml",
)


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
            faults += language_faults(data, where)
            for language, count in text_counts(data).items():
                counts[language] += count
    spanish = None
    for language in LANGUAGES[1:]:
        try:
            spanish = load_content(root, language)
        except ContentError as exc:
            faults += [f"({language}) {fault}" for fault in exc.faults]
    if len(set(counts.values())) > 1:
        faults.append(f"texts per language differ: {counts}")
    per_language = ", ".join(f"{language} {count}" for language, count in counts.items())
    if spanish is not None:
        per_language += f"; {spanish_reading_ease(spanish)}"
    return Languages(
        faults,
        f"Texts per language (framework, topics, self-check, team prompts, roles): {per_language}",
    )


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
