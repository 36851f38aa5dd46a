"""The learned models (intents, topics, themes, plans): trained from the content's examples,
scored without scikit-learn.

The coach reads weights from content/understanding/*_model.npz with its own small scorer;
these tests hold that scorer to scikit-learn's own probabilities, and each file to the
examples it claims to be trained from and to what those examples train.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.understanding import understand
from bot.understanding.normalise import for_matching
from bot.understanding.text_model import TextModel, char_ngrams, model_text, word_ngrams
from bot.understanding.train_models import (
    Fitted,
    export,
    fit,
    fit_plans,
    fit_reflection_asides,
    fit_situations,
    fit_themes,
)
from content.situations_schema import situation_examples
from content.text_model_schema import (
    INTENT_MODEL_PATH,
    PLAN_MODEL_PATH,
    REFLECTION_ASIDE_MODEL_PATH,
    SITUATION_MODEL_PATH,
    THEME_MODEL_PATH,
    TextModelFile,
    intent_examples,
    load_text_model,
    model_faults,
    plan_examples,
    reflection_aside_examples,
    theme_training_examples,
    training_fingerprint,
    write_text_model,
)
from content.understanding_schema import default_understanding

DEV = Path(__file__).parent / "data" / "understanding" / "dev.yaml"


def dev_messages() -> list[str]:
    return [item["text"] for item in yaml.safe_load(DEV.read_text(encoding="utf-8"))]


def through_a_file(model: TextModelFile, folder: Path) -> TextModel:
    """The model as the coach gets it: written as a model file and read back."""
    path = folder / "model.npz"
    write_text_model(model, path)
    return TextModel(load_text_model(path))


@pytest.fixture(scope="module")
def intent_fitted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Fitted, TextModel]:
    examples = intent_examples(default_understanding().intents)
    fitted = fit(examples)
    return fitted, through_a_file(
        export(fitted, training_fingerprint(examples)), tmp_path_factory.mktemp("intent")
    )


@pytest.fixture(scope="module")
def fitted_and_exported(
    intent_fitted: tuple[Fitted, TextModel], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Fitted, TextModel]:
    fitted, _ = intent_fitted
    # Every weight kept, so the scorer must agree with scikit-learn to rounding.
    exported = export(fitted, "test", weight_floor=0.0)
    return fitted, through_a_file(exported, tmp_path_factory.mktemp("every-weight"))


def test_the_scorer_agrees_with_scikit_learn_on_every_dev_message(
    fitted_and_exported: tuple[Fitted, TextModel],
) -> None:
    fitted, model = fitted_and_exported
    for text in dev_messages():
        normalised = model_text(for_matching(text))
        ours = model.guess_text(normalised)
        theirs = fitted.probabilities(normalised)
        assert ours.probability == pytest.approx(theirs[ours.label], abs=0.005), text
        assert theirs[ours.label] >= max(theirs.values()) - 0.005, text


def test_every_labels_probability_is_scikit_learns_too(
    fitted_and_exported: tuple[Fitted, TextModel],
) -> None:
    # A long story is read by how much the whole leans to each situation, not only the first.
    fitted, model = fitted_and_exported
    for text in dev_messages()[:200]:
        normalised = model_text(for_matching(text))
        ours, theirs = model.probabilities_text(normalised), fitted.probabilities(normalised)
        assert ours.keys() == {str(label) for label in theirs}, text
        for label, chance in theirs.items():
            assert ours[str(label)] == pytest.approx(chance, abs=0.005), (text, label)


@pytest.mark.parametrize("text", ["hi u", "call mom back", "  i'm   so fried!! 😩 ", "é a", ""])
def test_the_features_are_scikit_learns(
    fitted_and_exported: tuple[Fitted, TextModel], text: str
) -> None:
    fitted, _ = fitted_and_exported
    assert char_ngrams(text) == fitted.chars.build_analyzer()(text)
    assert word_ngrams(text) == fitted.words.build_analyzer()(text)


def test_the_packaged_models_were_trained_from_the_packaged_examples() -> None:
    assert default_understanding().model_faults() == []


def test_the_packaged_models_are_what_their_examples_train(
    intent_fitted: tuple[Fitted, TextModel], theme_fitted: Fitted, tmp_path: Path
) -> None:
    # Probabilities, not bytes: scikit-learn on another machine's maths library can move the
    # last kept decimal of a weight, which moves no decision.
    examples = theme_training_examples(default_understanding().intents)
    themes = through_a_file(export(theme_fitted, training_fingerprint(examples)), tmp_path)
    _, intents = intent_fitted
    packaged_intents = TextModel(load_text_model(INTENT_MODEL_PATH))
    packaged_themes = TextModel(load_text_model(THEME_MODEL_PATH))
    for text in dev_messages()[:300]:
        normalised = model_text(for_matching(text))
        ours, theirs = intents.guess_text(normalised), packaged_intents.guess_text(normalised)
        assert ours.label == theirs.label, text
        assert ours.probability == pytest.approx(theirs.probability, abs=1e-3), text
        chances = packaged_themes.chances_text(normalised)
        assert themes.chances_text(normalised) == pytest.approx(chances, abs=1e-3), text


def test_a_broken_model_file_is_named_by_content_check(tmp_path: Path) -> None:
    examples = intent_examples(default_understanding().intents)
    broken = tmp_path / "intent_model.npz"
    broken.write_bytes(INTENT_MODEL_PATH.read_bytes()[:5000])
    [fault] = model_faults(examples, broken)
    assert "cannot be read" in fault
    assert model_faults(examples, INTENT_MODEL_PATH) == []


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
def theme_fitted() -> Fitted:
    return fit_themes(theme_training_examples(default_understanding().intents))


@pytest.fixture(scope="module")
def theme_model_both_ways(
    theme_fitted: Fitted, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Fitted, TextModel]:
    exported = export(theme_fitted, "test", weight_floor=0.0)
    return theme_fitted, through_a_file(exported, tmp_path_factory.mktemp("themes"))


def test_the_theme_scorer_agrees_with_scikit_learn_theme_by_theme(
    theme_model_both_ways: tuple[Fitted, TextModel],
) -> None:
    fitted, model = theme_model_both_ways
    for text in dev_messages()[:300]:
        normalised = model_text(for_matching(text))
        ours = model.chances_text(normalised)
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


def test_the_packaged_plan_model_is_what_its_examples_train(tmp_path: Path) -> None:
    examples = plan_examples()
    fitted = fit_plans(examples)
    trained = through_a_file(export(fitted, training_fingerprint(examples)), tmp_path)
    packaged = TextModel(load_text_model(PLAN_MODEL_PATH))
    (tmp_path / "all").mkdir()
    every_weight = through_a_file(export(fitted, "test", weight_floor=0.0), tmp_path / "all")
    for _, text in examples[:300]:
        normalised = model_text(for_matching(text))
        assert trained.chances_text(normalised) == pytest.approx(
            packaged.chances_text(normalised), abs=1e-3
        ), text
        # ...and the scorer, every weight kept, agrees with scikit-learn to rounding.
        theirs = fitted.probabilities(normalised)["plan"]
        assert every_weight.chances_text(normalised)["plan"] == pytest.approx(theirs, abs=0.005)


def test_the_packaged_situation_model_is_what_its_examples_train(tmp_path: Path) -> None:
    examples = situation_examples()
    fitted = fit_situations(examples)
    trained = through_a_file(export(fitted, training_fingerprint(examples)), tmp_path)
    packaged = TextModel(load_text_model(SITUATION_MODEL_PATH))
    (tmp_path / "all").mkdir()
    every_weight = through_a_file(export(fitted, "test", weight_floor=0.0), tmp_path / "all")
    for _, text in examples[::7]:
        normalised = model_text(for_matching(text))
        assert trained.guess_text(normalised) == packaged.guess_text(normalised), text
        # ...and the scorer, every weight kept, agrees with scikit-learn to rounding.
        theirs = fitted.probabilities(normalised)
        ours = every_weight.guess_text(normalised)
        assert ours.probability == pytest.approx(max(theirs.values()), abs=0.005), text


def test_the_packaged_reflection_aside_model_is_what_its_examples_train(tmp_path: Path) -> None:
    examples = reflection_aside_examples()
    fitted = fit_reflection_asides(examples)
    trained = through_a_file(export(fitted, training_fingerprint(examples)), tmp_path)
    packaged = TextModel(load_text_model(REFLECTION_ASIDE_MODEL_PATH))
    for _, text in examples[::9]:
        normalised = model_text(for_matching(text))
        assert trained.guess_text(normalised).label == packaged.guess_text(normalised).label, text
