"""The learned models (intents, topics, themes): trained from the content's examples, scored without
scikit-learn.

The coach reads weights from content/understanding/*_model.json with its own small scorer;
these tests hold that scorer to scikit-learn's own probabilities, and each file to the
examples it claims to be trained from.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.understanding import understand
from bot.understanding.normalise import for_matching
from bot.understanding.text_model import Grams, TextModel, char_ngrams, model_text, word_ngrams
from bot.understanding.train_models import Fitted, export, fit, fit_themes
from content.text_model_schema import (
    INTENT_MODEL_PATH,
    TextModelFile,
    intent_examples,
    model_faults,
    theme_training_examples,
    training_fingerprint,
)
from content.understanding_schema import default_understanding

DEV = Path(__file__).parent / "data" / "understanding" / "dev.yaml"


@pytest.fixture(scope="module")
def fitted_and_exported() -> tuple[Fitted, TextModel]:
    examples = intent_examples(default_understanding().intents)
    fitted = fit(examples)
    # Every weight kept, so the scorer must agree with scikit-learn to rounding.
    exported = export(fitted, training_fingerprint(examples), weight_floor=0.0)
    return fitted, TextModel(TextModelFile.model_validate(exported))


def test_the_scorer_agrees_with_scikit_learn_on_every_dev_message(
    fitted_and_exported: tuple[Fitted, TextModel],
) -> None:
    fitted, model = fitted_and_exported
    messages = [item["text"] for item in yaml.safe_load(DEV.read_text(encoding="utf-8"))]
    for text in messages:
        normalised = model_text(for_matching(text))
        ours = model.guess_text(normalised)
        theirs = fitted.probabilities(normalised)
        assert ours.probability == pytest.approx(theirs[ours.label], abs=0.005), text
        assert theirs[ours.label] >= max(theirs.values()) - 0.005, text


@pytest.mark.parametrize("text", ["hi u", "call mom back", "  i'm   so fried!! 😩 ", "é a", ""])
def test_the_features_are_scikit_learns(
    fitted_and_exported: tuple[Fitted, TextModel], text: str
) -> None:
    fitted, _ = fitted_and_exported
    assert char_ngrams(text) == fitted.chars.build_analyzer()(text)
    assert word_ngrams(text) == fitted.words.build_analyzer()(text)


def test_the_packaged_models_were_trained_from_the_packaged_examples() -> None:
    assert default_understanding().model_faults() == []


def test_editing_an_example_without_retraining_is_caught() -> None:
    intents = default_understanding().intents
    edited = intents.model_copy(update={"off_topic": [*intents.off_topic, "who let the dogs out"]})
    faults = model_faults(intent_examples(edited), INTENT_MODEL_PATH)
    assert len(faults) == 1
    assert "python -m bot.understanding.train_models" in faults[0]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # Written for this test; no cue matches them and no example is close enough to vote.
        ("i need something to send home to the Lopez family about the concert", "draft"),
        ("let me look back at what i wrote in october", "journal"),
        ("this week is chewing me up and spitting me out", "frustration"),
        ("where is the staff bathroom key", "unknown"),
    ],
)
def test_messages_no_cue_or_example_reaches_are_read_by_the_model(text: str, intent: str) -> None:
    assert understand(text, deficit=False).intent == intent


def test_the_same_message_always_reads_the_same() -> None:
    readings = {understand("ugh can u just show me my old stuff", deficit=False) for _ in range(5)}
    assert len(readings) == 1


@pytest.fixture(scope="module")
def theme_model_both_ways() -> tuple[Fitted, TextModel]:
    examples = theme_training_examples(default_understanding().intents)
    fitted = fit_themes(examples)
    exported = export(fitted, training_fingerprint(examples), weight_floor=0.0)
    return fitted, TextModel(TextModelFile.model_validate(exported))


def test_the_theme_scorer_agrees_with_scikit_learn_theme_by_theme(
    theme_model_both_ways: tuple[Fitted, TextModel],
) -> None:
    fitted, model = theme_model_both_ways
    messages = [item["text"] for item in yaml.safe_load(DEV.read_text(encoding="utf-8"))]
    for text in messages[:300]:
        normalised = model_text(for_matching(text))
        ours = model.chances(Grams.of(normalised))
        theirs = fitted.probabilities(normalised)
        assert ours == pytest.approx(theirs, abs=0.005), text


def test_the_theme_model_finds_what_no_cue_names() -> None:
    # Written for this test: no theme cue matches a trucker's weeks away or a full mailbox.
    assert understand("dad drives a truck cross country so hes gone for weeks").themes == ("time",)
    assert understand("his voicemail box is full every time i call").themes == ("no-response",)


def test_a_text_can_carry_several_themes() -> None:
    reading = understand("mom works nights and she never calls me back")
    assert set(reading.themes) == {"time", "no-response"}


def test_a_request_or_a_role_carries_no_theme() -> None:
    for text in ("nudges every 2 weeks pls", "im a 7th grade science teacher", "show my journal"):
        assert understand(text, deficit=False).themes == (), text
