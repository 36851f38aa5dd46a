"""Pydantic models for content/drafts.yaml: the purposes of a message home, what the coach
asks for each (in the educator's language, content/languages.py), and the family-facing
templates it fills, per family language and tone.

Loading checks the shape: every purpose in every language and tone, at least
TEMPLATES_PER_TONE per tone (so six per purpose and language), and each template using
exactly the specifics its purpose asks for, once each. Reading level and deficit framing
need libraries the coach does not load at start-up; `coach content check` runs them
(bot/drafts/quality.py).
"""

from __future__ import annotations

import string
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Self

import yaml
from pydantic import Field, model_validator

from content.languages import DEFAULT_LANGUAGE, in_language
from content.schema import ShortText, Strict

DRAFTS_PATH = Path(__file__).resolve().parent / "drafts.yaml"
TEMPLATES_PER_TONE = 3


class Purpose(StrEnum):
    CELEBRATE = "celebrate"
    NEXT_STEP = "next_step"
    INVITE = "invite"
    FOLLOW_UP = "follow_up"
    INTRODUCE = "introduce"
    CONCERN = "concern"
    EVENT = "event"  # every family at once: a family night, an open house, a café
    SYMPATHY = "sympathy"  # a death or a loss in the family: care, and nothing asked of them
    GET_WELL = "get_well"  # someone in the family ill or in the hospital: care and hope


class Specific(StrEnum):
    """What the educator is asked for; each is a placeholder of the same name."""

    CHILD = "child"  # the child's first name, or no_name when skipped
    OBSERVATION = "observation"
    HOME_STEP = "home_step"
    INVITATION = "invitation"
    MY_NAME = "my_name"
    ABOUT_ME = "about_me"
    EVENT = "event"  # what, when and where, for every family


class Language(StrEnum):
    ENGLISH = "en"
    SPANISH = "es"


class Tone(StrEnum):
    WARM = "warm"
    BRIEF = "brief"


class PurposeWords(Strict):
    label: ShortText
    # Said once, when the purpose is chosen ("hard news lands better in a call").
    tip: ShortText | None = None
    # The questions, in the order asked (the child's name is optional).
    asks: dict[Specific, ShortText] = Field(min_length=1)


class Tones(Strict):
    warm: list[ShortText] = Field(min_length=TEMPLATES_PER_TONE)
    brief: list[ShortText] = Field(min_length=TEMPLATES_PER_TONE)

    def of(self, tone: Tone) -> list[str]:
        return self.warm if tone is Tone.WARM else self.brief


def placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


class DraftContent(Strict):
    version: int
    no_name: dict[Language, ShortText]
    purposes: dict[Purpose, PurposeWords]
    # Typed instead of tapped at "Warm, or brief?" ("shorter pls", "más cortito"), any language.
    tone_words: dict[Tone, list[str]]
    # Typed instead of tapped under a finished draft ("make it shorter pls", "save it"): the
    # buttons' keys (another, shorter, language, save, done), checked in that order.
    review_words: dict[str, list[str]]
    templates: dict[Language, dict[Purpose, Tones]]
    # Texting shorthand written out in a note to a family ("hasnt" -> "hasn't", "hw" ->
    # "homework"), by the family's language; whole words only, as typed in lower case.
    written_out: dict[Language, dict[str, str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if set(self.purposes) != set(Purpose):
            raise ValueError(f"purposes must be exactly {[p.value for p in Purpose]}")
        if set(self.templates) != set(Language) or set(self.no_name) != set(Language):
            raise ValueError(f"templates and no_name need every language: {list(Language)}")
        for language, by_purpose in self.templates.items():
            if set(by_purpose) != set(Purpose):
                raise ValueError(f"{language}: templates for every purpose are needed")
            for purpose, tones in by_purpose.items():
                wanted = sorted(self.purposes[purpose].asks)
                for tone in Tone:
                    for template in tones.of(tone):
                        used = placeholders(template)
                        if sorted(used) != wanted:
                            raise ValueError(
                                f"{language}/{purpose}/{tone}: placeholders {used}, "
                                f"expected each of {wanted} once: {template!r}"
                            )
        return self

    def templates_for(self, language: Language, purpose: Purpose, tone: Tone) -> list[str]:
        return self.templates[language][purpose].of(tone)


def load_drafts(path: Path = DRAFTS_PATH, language: str = DEFAULT_LANGUAGE) -> DraftContent:
    """drafts.yaml with the coach's own words (each purpose's label and asks) in the
    educator's language; the family-facing `no_name` and `templates` stay per family
    language (content/languages.py AS_WRITTEN). MissingLanguage names a text without it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return DraftContent.model_validate(in_language(data, language))


@cache
def drafts_in(language: str) -> DraftContent:
    """The packaged drafts content with the educator-facing words in one language, loaded
    once per process."""
    return load_drafts(language=language)


@cache
def default_drafts() -> DraftContent:
    return drafts_in(DEFAULT_LANGUAGE)
