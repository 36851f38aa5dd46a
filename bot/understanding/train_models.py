"""Train the understanding's models from the content's examples.

    python -m bot.understanding.train_models   # rewrites content/understanding/*_model.*

Run it after editing the examples in intents.yaml, topics.yaml, theme_examples.yaml,
plan_examples.yaml, situation_examples.yaml, action_question_examples.yaml or
reflection_aside_examples.yaml, or the reframe fallback's sentences
(content/reframe_fallback.yaml, bot/reframe/fallback.py) (`coach content check` says when a
model is stale). It needs scikit-learn (a development dependency): a multinomial logistic
regression on TF-IDF of character n-grams (within words, so typos and word forms still share
most features) and of words and word pairs. The coach itself never imports scikit-learn: it
reads the weights written here and scores a message with them (bot/understanding/
text_model.py), which starts in milliseconds where importing scikit-learn takes over a second.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.reframe.fallback import MODEL_PATH as REFRAME_MODEL_PATH
from bot.reframe.fallback import train_and_save as train_reframe_fallback
from bot.understanding.normalise import for_matching
from content.situations_schema import situation_examples
from content.text_model_schema import (
    ACTION_QUESTION_MODEL_PATH,
    CHAR_NGRAMS,
    INTENT_MODEL_PATH,
    PLAN,
    PLAN_MODEL_PATH,
    REFLECTION_ASIDE_MODEL_PATH,
    REGULARISATION,
    SITUATION_MODEL_PATH,
    THEME_MODEL_PATH,
    TOPIC_MODEL_PATH,
    WEIGHT_FLOOR,
    WORD_NGRAMS,
    Examples,
    GramWeights,
    TextModelFile,
    action_question_examples,
    intent_examples,
    plan_examples,
    reflection_aside_examples,
    theme_training_examples,
    topic_examples,
    training_fingerprint,
    write_text_model,
)
from content.understanding_schema import THEMES, default_understanding


@dataclass(frozen=True)
class Fitted:
    """scikit-learn's fitted parts: the two vectorizers and the classifier."""

    chars: Any
    words: Any
    classifier: Any

    def probabilities(self, normalised: str) -> dict[str, float]:
        """scikit-learn's own probabilities for one message (to check the exported model)."""
        from scipy.sparse import hstack  # type: ignore[import-untyped]

        row = hstack([self.chars.transform([normalised]), self.words.transform([normalised])])
        return dict(
            zip(self.classifier.classes_, self.classifier.predict_proba(row)[0], strict=True)
        )


def _features(examples: Examples) -> tuple[Any, Any, Any]:
    """The two TF-IDF vectorizers, fitted on the examples, and the examples' feature rows."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    texts = [for_matching(text) for _, text in examples]
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True)
    word_grams = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True)
    matrix = hstack([chars.fit_transform(texts), word_grams.fit_transform(texts)]).tocsr()
    return chars, word_grams, matrix


def fit(examples: Examples, class_weight: str | None = None) -> Fitted:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    chars, word_grams, matrix = _features(examples)
    labels = [label for label, _ in examples]
    classifier = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight=class_weight).fit(
        matrix, labels
    )
    return Fitted(chars, word_grams, classifier)


def fit_situations(examples: Examples) -> Fitted:
    """Many `none` examples and a few of each situation: each class weighted by its size, so
    `none` does not win on numbers alone (`python -m bench situations` measured it: a
    situation the model never read in those words is answered far more often, for a few more
    false answers)."""
    return fit(examples, class_weight="balanced")


def fit_action_questions(examples: Examples) -> Fitted:
    """What a question typed over the action options asks, or `none`: weighted like the
    situations, as `none` holds everything else typed there."""
    return fit(examples, class_weight="balanced")


def fit_reflection_asides(examples: Examples) -> Fitted:
    """What is asked about a reflection at its questions, or `none`: weighted like the
    situations, as `none` holds every answer."""
    return fit(examples, class_weight="balanced")


@dataclass(frozen=True)
class OneVsRest:
    """One yes/no logistic regression per theme over the same features, in the shape export()
    reads from scikit-learn's classifiers: a row of weights and an intercept per class."""

    classes_: list[str]
    coef_: Any
    intercept_: Any

    def predict_proba(self, row: Any) -> Any:
        import numpy as np

        scores = row @ self.coef_.T + self.intercept_
        return 1.0 / (1.0 + np.exp(-scores))


def fit_yes_no(examples: Examples, questions: Sequence[str]) -> Fitted:
    """One yes/no model per question over the same features: does the text carry the label
    (a label is a comma-separated list of them)?"""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    chars, word_grams, matrix = _features(examples)
    rows, intercepts = [], []
    for question in questions:
        carries = [question in label.split(",") for label, _ in examples]
        model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(matrix, carries)
        rows.append(model.coef_[0])
        intercepts.append(model.intercept_[0])
    return Fitted(
        chars, word_grams, OneVsRest(list(questions), np.array(rows), np.array(intercepts))
    )


def fit_themes(examples: Examples) -> Fitted:
    """Themes are not exclusive ("mom works nights and never calls back" is time and
    no-response), so each gets its own model: does the text carry it or not."""
    return fit_yes_no(examples, THEMES)


def fit_plans(examples: Examples) -> Fitted:
    """Does a text typed at the action step name a step the educator will take?"""
    return fit_yes_no(examples, [PLAN])


def export(fitted: Fitted, fingerprint: str, weight_floor: float = WEIGHT_FLOOR) -> TextModelFile:
    """The model as the file stores it (see content/text_model_schema.py; writing it keeps
    four decimals)."""
    import numpy as np

    coef = np.asarray(fitted.classifier.coef_, dtype=np.float64)
    # Weights under the floor are dropped (0); every gram keeps its idf, weights or not: it
    # counts towards the length each message's grams are scaled by.
    kept = np.where(np.abs(coef) >= weight_floor, coef, 0.0).T
    split = len(fitted.chars.idf_)
    return TextModelFile(
        trained_from=fingerprint,
        multi_label=isinstance(fitted.classifier, OneVsRest),
        classes=[str(name) for name in fitted.classifier.classes_],
        intercepts=np.asarray(fitted.classifier.intercept_, dtype=np.float64),
        chars=GramWeights(
            grams=[str(gram) for gram in fitted.chars.get_feature_names_out()],
            idf=np.asarray(fitted.chars.idf_, dtype=np.float64),
            weights=np.ascontiguousarray(kept[:split]),
        ),
        words=GramWeights(
            grams=[str(gram) for gram in fitted.words.get_feature_names_out()],
            idf=np.asarray(fitted.words.idf_, dtype=np.float64),
            weights=np.ascontiguousarray(kept[split:]),
        ),
    )


def train(examples: Examples, path: Path, fitter: Callable[[Examples], Fitted] = fit) -> None:
    model = export(fitter(examples), training_fingerprint(examples))
    write_text_model(model, path)
    grams = len(model.chars.grams) + len(model.words.grams)
    weights = sum(int((part.weights != 0).sum()) for part in (model.chars, model.words))
    print(f"{path}: {len(examples)} examples, {grams} grams, {weights} weights")


def main() -> int:
    content = default_understanding()
    train(intent_examples(content.intents), INTENT_MODEL_PATH)
    train(topic_examples(content.topics), TOPIC_MODEL_PATH)
    train(theme_training_examples(content.intents), THEME_MODEL_PATH, fit_themes)
    train(plan_examples(), PLAN_MODEL_PATH, fit_plans)
    train(situation_examples(), SITUATION_MODEL_PATH, fit_situations)
    train(action_question_examples(), ACTION_QUESTION_MODEL_PATH, fit_action_questions)
    train(reflection_aside_examples(), REFLECTION_ASIDE_MODEL_PATH, fit_reflection_asides)
    # The reframe fallback learns from the intent examples too (as sentences that are not
    # deficit framing), so it is retrained with them.
    print(f"{REFRAME_MODEL_PATH}: {train_reframe_fallback()} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
