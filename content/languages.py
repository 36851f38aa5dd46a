"""Content in every language the coach speaks, entry by entry.

Each text the coach says is written in the YAML as a map from language to words:

    summary:
      en: Partnership grows out of relationships...
      es: La alianza nace de las relaciones...

so an author sees, and changes, both languages of a sentence in one place. The loader reads a
file in one language at a time (`in_language`): every such map becomes that language's
string, and the result is validated by the same models as before, so code reads plain
strings whatever the language. Values that are never translated (slugs, tags, citations,
the words educators type for roles) stay plain, and a few keys (`AS_WRITTEN`: word lists
matched against what educators type, and drafts.yaml's texts in the family's language) are
kept whole whatever their shape. `coach content check` fails on a text with a
language missing and on placeholders that differ between languages (`language_faults`).
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
# Keys whose values are the same in every language: names, tags, numbers, citations, and the
# words educators type for a role or grade band (both languages in one list). A key of these
# whose value is a mapping (profiles.yaml's `roles:` and `grades:` sections) holds texts.
UNTRANSLATED = frozenset(
    {
        "slug",
        "kind",
        "topic",
        "situation",
        "narrows",
        "read_as",
        "settles",
        "rules_out",
        "roles",
        "grades",
        "contexts",
        "authors",
        "work",
        "year",
        "version",
        "first_topics",
        "words",
        "in_a_sentence",
        "value",
    }
)
# Keys whose whole value is kept as written, whatever its shape: the word lists a reply is
# chosen by, matched against what educators type (both languages in one list), and the
# family-facing texts of drafts.yaml, keyed by the FAMILY's language rather than the
# educator's (`no_name`, `templates`). `in_language` leaves them as they are and
# `coach content check` does not count them as texts.
AS_WRITTEN = frozenset(
    {
        "typed_outcomes",
        "needs_words",
        "whole",
        "not_done_after_all",
        "done_since_words",
        "aside_openers",
        "advice_asks",
        "leave_or_choice_asks",
        "help_at_the_end",
        "applies_asks",
        "openers_with_instead",
        "instead_of",
        "reason_openers",
        "follow_up_asks",
        "start_asks",
        "tried_already_words",
        "pointing",
        "leave_words",
        "hedges",
        "others_said",
        "counts_words",
        "how_to_answer_words",
        "tone_words",
        "review_words",
        "beside",
        "asked_back",
        "forgot_words",
        "reminder_words",
        "not_fit_words",
        "done_only_when_asked",
        "no_time_words",
        "replied_words",
        "not_sent_words",
        "upset_words",
        "tomorrow_words",
        "skip_words",
        "refers_back",
        "keep_going",
        "will_try_words",
        "later_words",
        "plan_words",
        "already_words",
        "contrasts",
        "typed_carry",
        "phone_tag_words",
        "wrong_contact_words",
        "gone_words",
        # content/framework/overview.yaml: what an educator types for one part of it
        "aka",
        "at_coach_words",
        "at_coach_pointers",
        "at_coach_pointer_then",
        "family_words",
        "not_names",
        "not_owners",
        "tellers",
        "told_words",
        # bot/understanding/own_plan.py's words
        "openers",
        "others",
        "negations",
        "not_steps",
        "cuts",
        "fillers",
        "note_verbs",
        "reports",
        "leave_openers",
        "instead_words",
        "pointing_words",
        "choice_words",
        "to_someone_verbs",
        "recipient_words",
        "refusals",
        "call_words",
        "death_words",
        "loss_words",
        # change_action's, checkin_asked's, reflection_asides'
        "asking",
        "unless_words",
        "with_words",
        "again_words",
        "puzzled_words",
        "not_about_the_step_words",
        # the stuck help's
        "several_words",
        # heard after a safety answer
        "safe_now_words",
        # a question typed at a reflection's question
        "question_announced",
        "asked_if_normal",
        # the self-assessment's levels, as typed (content/assessment.yaml)
        "typed",
        # bot/offers.py's
        "yes_words",
        "no_words",
        "turned_down",
        "no_name",
        "templates",
        "written_out",
    }
)


class MissingLanguage(ValueError):
    """A text has no words in the language asked for."""


def is_language_map(value: object) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and DEFAULT_LANGUAGE in value
        and set(value) <= set(LANGUAGES)
        and all(isinstance(words, str) for words in value.values())
    )


def in_language(data: Any, language: str, path: str = "") -> Any:
    """The data with every language map replaced by its `language` words."""
    if is_language_map(data):
        if language not in data:
            raise MissingLanguage(f"field {path or '(top level)'}: no {language!r} text")
        return data[language]
    if isinstance(data, dict):
        return {
            key: value
            if key in AS_WRITTEN
            else in_language(value, language, f"{path}.{key}" if path else str(key))
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [
            in_language(value, language, f"{path}.{index}" if path else str(index))
            for index, value in enumerate(data)
        ]
    return data


def _placeholders(text: str) -> list[str]:
    try:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)
    except ValueError:  # a lone brace: not a template
        return []


def _texts(data: Any, path: str = "") -> Iterator[tuple[str, object]]:
    """Every translatable value with its path: language maps and plain strings, skipping
    the UNTRANSLATED keys."""
    if is_language_map(data) or isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in AS_WRITTEN:
                continue
            if key not in UNTRANSLATED or isinstance(value, dict):
                yield from _texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, f"{path}.{index}" if path else str(index))


def language_faults(data: Any, where: str) -> list[str]:
    """Texts missing a language, and placeholders that differ between languages."""
    faults: list[str] = []
    for path, value in _texts(data):
        if isinstance(value, str):
            faults.append(f"{where}: field {path}: only one language (write it as en: and es:)")
            continue
        assert isinstance(value, dict)
        missing = [language for language in LANGUAGES if not str(value.get(language, "")).strip()]
        if missing:
            faults.append(f"{where}: field {path}: no {', '.join(missing)} text")
        elif len({tuple(_placeholders(str(words))) for words in value.values()}) > 1:
            faults.append(f"{where}: field {path}: the languages use different placeholders")
    return faults


def text_counts(data: Any) -> dict[str, int]:
    """How many texts each language has."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for _, value in _texts(data):
        if isinstance(value, dict):
            for language in LANGUAGES:
                counts[language] += bool(str(value.get(language, "")).strip())
        else:
            counts[DEFAULT_LANGUAGE] += 1
    return counts
