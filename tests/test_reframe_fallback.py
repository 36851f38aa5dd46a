"""The reframe fallback: deficit framing that no lexicon pattern names still gets one gentle
offer, as a question to think with (never a word swap), and plain facts about a family's
life do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.app import CoachApp
from bot.reframe import default_lexicon, find_deficit_framing, rewrite_all
from bot.reframe.fallback import (
    FALLBACK_PATH,
    GENERAL_ID,
    check_fallback,
    default_fallback,
    find_framing,
    load_content,
    train,
)
from tests.dialog import Conversation

# No lexicon pattern names this; the model reads it as deficit framing (if content changes
# ever name it, or move the model below its threshold, pick another such sentence).
UNNAMED = "these parents never do anything right by their kids"

FACTS = [
    "mom works nights so she can't come at 3",
    "dad doesn't speak English, we need an interpreter for Thursday",
    "grandma is raising the three of them and she's doing a lot",
    "the family just moved into a shelter and I want to make sure he has supplies",
    "he reads two grade levels below and loves comics, I'm sending some home",
    "no families signed up for conferences yet, maybe the form is confusing",
    "la mamá trabaja de noche y no puede venir a las 3",
]


def test_framing_no_pattern_names_gets_a_question_not_a_rewrite() -> None:
    assert find_deficit_framing(UNNAMED) == []
    [finding] = find_framing(f"ugh. {UNNAMED}")
    assert finding.id == GENERAL_ID
    assert finding.text == UNNAMED  # the clause it is about, not the whole message
    assert finding.question.endswith("?")
    assert finding.rewrites == [] and finding.replacements == []


@pytest.mark.parametrize("educator_says", FACTS)
def test_facts_about_a_familys_life_are_left_alone(educator_says: str) -> None:
    assert find_framing(educator_says) == []


def test_owning_what_one_has_not_done_is_no_deficit_framing() -> None:
    # Session 37: a social worker's trauma-informed caution had a note on wording.
    careful = (
        "I've never done anything there because I didn't want school to feel like it was "
        "following families home"
    )
    assert find_framing(careful) == []
    assert find_framing(UNNAMED) != []  # the same model still speaks about families


def test_a_pattern_finding_comes_first_and_alone() -> None:
    findings = find_framing(f"these parents don't care and {UNNAMED}")
    assert [finding.id for finding in findings] == ["dont-care"]


def test_the_lexicons_own_rewrites_do_not_set_the_model_off() -> None:
    model = default_fallback()
    flagged = []
    for entry in default_lexicon().entries:
        for form in entry.forms:
            for example in form.examples:
                rewritten = rewrite_all(example, find_deficit_framing(example))
                if model.flags(rewritten):
                    flagged.append(rewritten)
    assert not flagged, flagged


def test_the_packaged_model_is_what_the_content_trains() -> None:
    again = train(load_content(), default_lexicon())
    model = default_fallback()
    for text in [UNNAMED, *FACTS]:
        assert again.probability(text) == pytest.approx(model.probability(text), abs=1e-3)


def test_changed_sentences_without_retraining_are_named_by_content_check(tmp_path: Path) -> None:
    edited = tmp_path / "reframe_fallback.yaml"
    text = FALLBACK_PATH.read_text(encoding="utf-8")
    edited.write_text(text.replace("neutral:\n", 'neutral:\n  - "we met at the library"\n', 1))
    [fault] = check_fallback(edited)
    assert "python -m bot.understanding.train_models" in fault


def test_empty_and_very_long_text_get_a_plain_answer() -> None:
    assert find_framing("") == []
    assert find_framing("   ") == []
    long_text = "mom works nights and we text on weekends. " * 500
    assert find_framing(long_text) == []


def test_a_broken_sentence_file_is_named_by_content_check(tmp_path: Path) -> None:
    broken = tmp_path / "reframe_fallback.yaml"
    broken.write_text("threshold: 2\ncost: 4\nwhy: short\n", encoding="utf-8")
    faults = check_fallback(broken)
    assert any("threshold" in fault for fault in faults)
    assert any("question" in fault for fault in faults)
    assert check_fallback() == []


def test_the_offer_in_a_reflection_asks_a_question(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect asset-based")
    answer = educator.says(f"{UNNAMED}. sigh")
    assert answer.count("A gentle thought on wording") == 1
    assert f"“{UNNAMED}”" in answer
    assert default_fallback().question["en"] in answer
    assert "You might say" not in answer
    assert "Question 2 of 2" in answer


def test_a_spanish_speaker_gets_the_offer_in_spanish_whatever_the_sentence_s_language(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    educator.says("reflexionar asset-based")
    answer = educator.says(f"{UNNAMED}. sigh")
    assert f"“{UNNAMED}”" in answer
    assert default_fallback().question["es"] in answer
    assert default_fallback().why["en"] not in answer


def test_reframe_on_request_shows_the_question(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(f"reframe {UNNAMED}")
    assert "a question that might help you put it another way" in answer
    assert "A question to think with" in answer
    assert "another way you could put it" not in answer  # no rewrite is offered
    assert "You might say" not in answer


def test_coach_understand_lang_es_says_the_note_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from adapters.cli import main

    assert main(["understand", UNNAMED, "--json", "--lang", "es"]) == 0
    [finding] = json.loads(capsys.readouterr().out)["deficit"]
    assert finding["why"] == default_fallback().why["es"]
    assert main(["understand", UNNAMED, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["deficit"][0]["why"] == default_fallback().why["en"]
