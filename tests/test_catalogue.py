"""The coach's own sentences in every language: `coach content check` counts them per language
and fails on a sentence the code says that a catalogue has not translated, or translated with
other placeholders than the English."""

from __future__ import annotations

import shutil
from pathlib import Path

import adapters
import bot
from bot.i18n import LOCALE_DIR, Msg, catalogue_path, in_language, speaking
from bot.i18n_check import check_catalogues
from bot.messages import TOO_LONG

SOURCES = (Path(bot.__file__).parent, Path(adapters.__file__).parent)


def test_every_sentence_the_code_says_is_translated_with_the_same_placeholders() -> None:
    report = check_catalogues(SOURCES)
    assert report.faults == []
    english, spanish = report.summary.split(":", 1)[1].split(";")[0].split(",")
    assert english.split()[1] == spanish.split()[1]  # "en 354, es 354"
    assert int(english.split()[1]) > 300


def test_a_sentence_is_said_in_the_language_of_the_moment_it_is_said() -> None:
    with speaking("es"):
        spanish = TOO_LONG.format(length=5000, limit=4000)
    english = TOO_LONG.format(length=5000, limit=4000)
    assert "5,000" in english and "characters" in english
    assert "caracteres" in spanish and "4" in spanish
    assert str(Msg("a sentence nobody translated")) == "a sentence nobody translated"


def _catalogue_copy(tmp_path: Path) -> Path:
    target = catalogue_path("es", tmp_path)
    target.parent.mkdir(parents=True)
    shutil.copy(catalogue_path("es", LOCALE_DIR), target)
    return target


def test_a_missing_translation_fails_the_check(tmp_path: Path) -> None:
    catalogue = _catalogue_copy(tmp_path)
    translated = in_language("Choose", "es")
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace(f'msgstr "{translated}"', 'msgstr ""', 1), encoding="utf-8")
    report = check_catalogues(SOURCES, tmp_path)
    assert any("no finished translation of 'Choose'" in fault for fault in report.faults)
    assert any("per language differ" in fault for fault in report.faults)


def test_a_translation_with_other_placeholders_fails_the_check(tmp_path: Path) -> None:
    catalogue = _catalogue_copy(tmp_path)
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('msgstr "Eligió: {label}"', 'msgstr "Eligió: {etiqueta}"'))
    report = check_catalogues(SOURCES, tmp_path)
    assert any("placeholders differ in 'You chose: {label}'" in f for f in report.faults)
