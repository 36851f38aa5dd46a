"""Choose how the theme model and the cues combine: leave each writer of
content/understanding/theme_examples.yaml out in turn, train on the others (and the theme-less
requests), and read the left-out writer's texts. Prints recall and precision of the cues alone
and of each setting (the model's "sure" level, the cue "veto" level).

    python -m bench theme-cv

A writer the model never read is the honest test: within one writer, phrasing repeats. Pick
the setting with the best balance, precision first (a wrong "sounds like time is tight" is
worse for an educator than none), write it into bot/understanding/reader.py, then read
`python -m bench understanding` once. Never choose by heldout.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import product

SURE = (0.5, 0.6, 0.7)
VETO = (0.02, 0.05, 0.1, 0.2)
UNSURE_SURE = (None, 0.5, 0.6, 0.7)  # None: `unsure` from the cues alone
UNSURE_ANYWHERE = (1.01, 0.8, 0.9)  # 1.01: the model's `unsure` only in a non-answer's shape


def main() -> None:
    import yaml

    from bot.understanding.normalise import for_matching
    from bot.understanding.reader import default_reader, unsure_shape
    from bot.understanding.text_model import model_text
    from bot.understanding.train_models import fit_themes
    from content.text_model_schema import (
        THEME_EXAMPLES_PATH,
        ThemeExampleFile,
        theme_training_examples,
    )
    from content.understanding_schema import THEMES, default_understanding

    reader = default_reader()
    raw = yaml.safe_load(THEME_EXAMPLES_PATH.read_text(encoding="utf-8"))
    examples = ThemeExampleFile.model_validate(raw).examples
    themeless = theme_training_examples(default_understanding().intents)[len(examples) :]
    by_writer: dict[str, list[int]] = defaultdict(list)
    for index, example in enumerate(examples):
        by_writer[example.by or "?"].append(index)
    # labels, cued, chances, shaped like a non-answer, ruled out by the text's own words
    rows: list[tuple[set[str], set[str], dict[str, float], bool, frozenset[str]]] = []
    for writer, left_out in sorted(by_writer.items()):
        kept = [
            (",".join(e.themes), e.text) for e in examples if (e.by or "?") != writer
        ] + themeless
        fitted = fit_themes(kept)
        for index in left_out:
            example = examples[index]
            normalised = for_matching(example.text)
            chances = fitted.probabilities(model_text(normalised))
            cued, ruled_out = reader.themes_cued(normalised, example.text)
            shape = unsure_shape(normalised, example.text)
            chance = {t: float(chances[t]) for t in THEMES}
            rows.append((set(example.themes), cued, chance, shape, ruled_out))
        print(f"writer {writer}: {len(left_out)} texts read")
    print(f"cues alone: {_figures([(labels, cued) for labels, cued, *_ in rows])}")
    for sure in SURE:
        for veto in VETO:
            for unsure, anywhere in product(UNSURE_SURE, UNSURE_ANYWHERE):
                found = [
                    (
                        labels,
                        set(
                            reader.themes_from(
                                cued,
                                chances,
                                sure,
                                veto,
                                unsure_shape=shape and unsure is not None,
                                unsure_sure=unsure or 1.0,
                                unsure_anywhere=anywhere,
                                ruled_out=ruled_out,
                            )
                        ),
                    )
                    for labels, cued, chances, shape, ruled_out in rows
                ]
                print(
                    f"sure {sure}, veto {veto}, unsure {unsure}, anywhere {anywhere}:"
                    f" {_figures(found)}"
                )


def _figures(rows: list[tuple[set[str], set[str]]]) -> str:
    right = sum(len(labels & found) for labels, found in rows)
    labelled = sum(len(labels) for labels, _ in rows)
    flagged = sum(len(found) for _, found in rows)
    return f"recall {right / labelled:.1%}, precision {right / flagged:.1%}"


if __name__ == "__main__":
    main()
