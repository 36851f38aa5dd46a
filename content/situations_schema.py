"""Pydantic models for content/understanding/situations.yaml: the everyday situations
educators ask about that no single part of the framework names ("a mom wants to volunteer in
my room every day", "a parent recorded our meeting on his phone"), each with the coach's
answer (what matters, three things to try this week) in every language, and the part of the
framework to read or reflect on next (`topic`, optional).

Which situation a message is about is learned from the examples in
situation_examples.yaml (read only to train and check the model, like theme_examples.yaml):
a message most like none of them is `none` (NO_SITUATION).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from content.languages import DEFAULT_LANGUAGE, in_language
from content.schema import Paragraph, ShortText, Strict
from content.text_model_schema import read_validated
from content.topic_names import ALL_TOPICS

SITUATIONS_PATH = Path(__file__).resolve().parent / "understanding" / "situations.yaml"
SITUATION_EXAMPLES_PATH = SITUATIONS_PATH.with_name("situation_examples.yaml")
# The situation model's class for a message about none of the situations.
NO_SITUATION = "none"
# Three things to try: enough to choose from, few enough to read on a phone.
TRIES = 3
# Fewer examples than this and the model cannot tell a situation from its neighbours.
MIN_EXAMPLES = 6


class Situation(Strict):
    # What the coach took the question to be about, said first: a wrong guess shows at once.
    title: ShortText
    says: Paragraph
    tries: list[ShortText] = Field(min_length=TRIES, max_length=TRIES)
    topic: str | None = None  # a framework slug: "Read more with `learn {topic}`..."
    # Offered as "the nearest thing I know" to a question it shares words with; not for a
    # death, a report or a protective order, which only the question itself may bring up ("to
    # say Amira was ok after" had been answered with a school's grief).
    nearest: bool = True
    # Answered only when one of these is said too (both languages in one list): a meeting
    # "with him and the principal" is no room full of families, whatever the model leans to.
    needs_words: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_topic(self) -> Situation:
        if self.topic is not None and self.topic not in ALL_TOPICS:
            raise ValueError(f"unknown topic {self.topic!r}")
        return self


class SituationFile(Strict):
    version: int
    situations: dict[str, Situation] = Field(min_length=1)

    @model_validator(mode="after")
    def _none_is_no_situation(self) -> SituationFile:
        if NO_SITUATION in self.situations:
            raise ValueError(f"{NO_SITUATION!r} is the model's class for no situation")
        return self


class SituationExample(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    situation: str = Field(min_length=1)
    text: str = Field(min_length=1)
    # Who wrote it (a letter per writer): `python -m bench situations` leaves each writer out
    # in turn, the honest test of a phrasing the model never read.
    by: str = Field(min_length=1)


class SituationExampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    examples: list[SituationExample] = Field(min_length=1)


def load_situations(
    path: Path = SITUATIONS_PATH, language: str = DEFAULT_LANGUAGE
) -> SituationFile:
    """situations.yaml in one language (MissingLanguage names a text without it)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return SituationFile.model_validate(in_language(data, language))


@cache
def situations_in(language: str) -> SituationFile:
    """The packaged situations in one language, loaded once per process."""
    return load_situations(language=language)


def situation_example_file(path: Path = SITUATION_EXAMPLES_PATH) -> SituationExampleFile:
    return read_validated(path, SituationExampleFile)


def situation_examples(path: Path = SITUATION_EXAMPLES_PATH) -> list[tuple[str, str]]:
    """(situation, text) pairs, `none` for a text about no situation. Read only to train and
    to check the model: the coach itself needs just the weights."""
    return [(e.situation, e.text) for e in situation_example_file(path).examples]


def situation_faults(situations: SituationFile, examples: list[tuple[str, str]]) -> list[str]:
    """Examples labelled with a situation that has no answer, and situations with too few
    examples to learn from."""
    known = {*situations.situations, NO_SITUATION}
    faults = [
        f"understanding/{SITUATION_EXAMPLES_PATH.name}: unknown situation {label!r}"
        for label in sorted({label for label, _ in examples} - known)
    ]
    for name in situations.situations:
        count = sum(label == name for label, _ in examples)
        if count < MIN_EXAMPLES:
            faults.append(
                f"understanding/{SITUATION_EXAMPLES_PATH.name}: {name} has {count} examples,"
                f" at least {MIN_EXAMPLES} needed"
            )
    return faults
