"""Pydantic models for content/team_prompts.yaml: a channel's weekly discussion prompts.

Every one of the 13 condition-or-C topics has a short framing for a team and at least
four questions. Questions are written for a team of educators about their shared
practice: each ends with a question mark and speaks as "we" or "our".
"""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from content.schema import NUDGE_TOPICS, Paragraph, ShortText, Strict

MIN_PROMPTS_PER_TOPIC = 4
_WE = re.compile(
    r"\b(we|our|us|ourselves|nosotros|nosotras|nuestros?|nuestras?|nos)\b", re.IGNORECASE
)


def _team_question(text: str) -> str:
    if not text.endswith("?"):
        raise ValueError("a discussion prompt is one question: end it with '?'")
    if not _WE.search(text):
        raise ValueError(
            "a team prompt speaks about shared practice: use 'we' or 'our' ('nosotros', 'nuestro')"
        )
    return text


TeamQuestion = Annotated[ShortText, AfterValidator(_team_question)]


class TeamPromptTopic(Strict):
    framing: Paragraph
    prompts: list[TeamQuestion] = Field(min_length=MIN_PROMPTS_PER_TOPIC)

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        seen: set[str] = set()
        for prompt in self.prompts:
            key = prompt.casefold()
            if key in seen:
                raise ValueError(f"prompt appears twice: {prompt!r}")
            seen.add(key)
        return self


class TeamPrompts(Strict):
    topics: dict[str, TeamPromptTopic]

    @model_validator(mode="after")
    def _every_topic(self) -> Self:
        unknown = sorted(set(self.topics) - set(NUDGE_TOPICS))
        if unknown:
            raise ValueError(f"unknown topics {unknown}; expected the 13 of {NUDGE_TOPICS}")
        missing = [slug for slug in NUDGE_TOPICS if slug not in self.topics]
        if missing:
            raise ValueError(f"missing topics {missing}")
        return self

    def counts(self) -> dict[str, int]:
        return {slug: len(topic.prompts) for slug, topic in self.topics.items()}
