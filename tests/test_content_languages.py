"""Every text of the framework content carries English and Spanish, entry by entry; the
Spanish reads into the same models with the same shape, and the content check names a text
missing a language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from content.language_check import content_languages
from content.languages import MissingLanguage, in_language, language_faults, text_counts
from content.loader import CONTENT_DIR, load_content


def test_every_text_has_both_languages_and_the_same_placeholders() -> None:
    languages = content_languages()
    assert languages.faults == []
    assert "Spanish reading ease" in languages.summary


def test_the_spanish_content_has_the_same_shape_and_tags_as_the_english() -> None:
    english, spanish = load_content(), load_content(language="es")
    assert list(spanish.topics) == list(english.topics)
    for slug, topic in english.topics.items():
        other = spanish.topics[slug]
        assert other.title != topic.title, slug
        for mine, theirs in (
            (topic.reflection_prompts, other.reflection_prompts),
            (topic.quick_actions, other.quick_actions),
            (topic.nudges, other.nudges),
        ):
            assert [(i.roles, i.grades, i.contexts) for i in mine] == [
                (i.roles, i.grades, i.contexts) for i in theirs
            ]
    assert len(spanish.team_prompts.counts()) == len(english.team_prompts.counts())
    assert spanish.profiles.roles.keys() == english.profiles.roles.keys()
    assert "familia" in spanish.topics["relational"].nudges[0].why


def test_a_language_map_reads_as_one_language_and_a_missing_one_is_named() -> None:
    data = {"title": {"en": "Trust", "es": "Confianza"}, "slug": "relational"}
    assert in_language(data, "es") == {"title": "Confianza", "slug": "relational"}
    with pytest.raises(MissingLanguage, match="field title"):
        in_language({"title": {"en": "Trust"}}, "es")


def test_one_language_or_different_placeholders_are_faults() -> None:
    data = {
        "summary": "Only English here.",
        "question": {"en": "How did {child} do?", "es": "¿Cómo le fue?"},
        "slug": "relational",
    }
    faults = language_faults(data, "topics/x.yaml")
    assert "topics/x.yaml: field summary: only one language (write it as en: and es:)" in faults
    assert "topics/x.yaml: field question: the languages use different placeholders" in faults
    assert text_counts(data) == {"en": 2, "es": 1}


def test_the_content_check_names_a_text_written_in_english_only(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = copy / "topics" / "relational.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = data["summary"]["en"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    faults = content_languages(copy).faults
    assert (
        "topics/relational.yaml: field summary: only one language (write it as en: and es:)"
        in faults
    )


def test_the_replies_drafts_and_reframing_words_read_in_each_language() -> None:
    from bot.reframe.lexicon import default_lexicon, lexicon_in
    from content.drafts_schema import Language, Purpose, default_drafts, drafts_in
    from content.understanding_schema import default_understanding, replies_in

    english, spanish = replies_in("en"), replies_in("es")
    assert english is default_understanding().replies
    assert spanish.intents.greeting[0].startswith("¡Hola!")
    assert "`reflexionar`" in spanish.intents.greeting[0]
    assert "{action}" in spanish.checkin.carry_kept
    # Same shape: every list of variants keeps its length, and the word lists a reply is
    # chosen by stay as written (both languages in one list).
    assert {k: len(v) for k, v in spanish.acknowledge.items()} == {
        k: len(v) for k, v in english.acknowledge.items()
    }
    assert spanish.checkin.typed_outcomes == english.checkin.typed_outcomes
    assert spanish.named.not_names == english.named.not_names

    drafts = drafts_in("es")
    assert drafts.purposes[Purpose.CELEBRATE].label == "Celebrar algo concreto"
    assert default_drafts().purposes[Purpose.CELEBRATE].label == "Celebrate something specific"
    # The family's language, not the educator's: kept whole in every language.
    assert drafts.no_name == default_drafts().no_name
    assert drafts.no_name[Language.ENGLISH] == "your child"
    assert drafts.templates == default_drafts().templates

    lexicon = lexicon_in("es")
    assert lexicon.messages.nothing_found.startswith("No encontré")
    assert len(lexicon.tips) == len(default_lexicon().tips)
    assert lexicon.entries is default_lexicon().entries
    assert lexicon_in("en") is default_lexicon()


def test_the_content_check_names_an_english_only_reply(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = copy / "understanding" / "replies.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["probe_skip"] = data["probe_skip"]["en"]
    del data["checkin"]["let_go"]["es"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    faults = content_languages(copy).faults
    assert (
        "understanding/replies.yaml: field probe_skip: only one language (write it as en: and es:)"
        in faults
    )
    assert "understanding/replies.yaml: field checkin.let_go: no es text" in faults
    assert any(fault.startswith("texts per language differ") for fault in faults)
