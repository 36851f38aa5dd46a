"""Pydantic models for the framework content in content/.

Every educator-facing sentence about the framework lives in YAML beside this
file; these models are the contract those files must meet. A violation is
reported with the file and field by `content.loader.load_content`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

# The topic names, kept where a module that needs only them can import them alone.
from content.topic_names import ALL_TOPICS as ALL_TOPICS
from content.topic_names import FOUR_CS as FOUR_CS
from content.topic_names import LEARN_ONLY_TOPICS as LEARN_ONLY_TOPICS
from content.topic_names import NUDGE_TOPICS as NUDGE_TOPICS
from content.topic_names import ORGANIZATIONAL_CONDITIONS as ORGANIZATIONAL_CONDITIONS
from content.topic_names import PROCESS_CONDITIONS as PROCESS_CONDITIONS

# Slack refuses a section whose text is over 3,000 characters; Teams is more
# generous, so Slack's limit is the one every piece of content must meet.
SLACK_SECTION_LIMIT = 3000


ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]
Paragraph = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=1200)]


class TopicKind(StrEnum):
    PROCESS_CONDITION = "process-condition"
    ORGANIZATIONAL_CONDITION = "organizational-condition"
    CAPACITY = "capacity"  # one of the 4 Cs


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Role(StrEnum):
    """Who an educator is (contract: `profile role ROLE`)."""

    TEACHER = "teacher"
    LEADER = "leader"  # principal, assistant principal, district staff
    COUNSELOR = "counselor"  # counselor, social worker, psychologist
    LIAISON = "liaison"  # family or community liaison
    OTHER = "other"


class GradeBand(StrEnum):
    """The grades an educator works with (contract: `profile grades BAND`)."""

    ELEMENTARY = "elementary"
    MIDDLE = "middle"
    HIGH = "high"
    ALL = "all"


class FamilyContext(StrEnum):
    """Families a piece of content speaks to in particular."""

    MULTILINGUAL = "multilingual"
    IMMIGRANT = "immigrant"
    IEP = "iep"  # families of students with an IEP or a 504 plan
    KINSHIP_FOSTER = "kinship-foster"  # grandparents, relatives and foster carers raising a child
    SHIFT_WORK = "shift-work"
    HARD_SCHOOL_PAST = "hard-school-past"  # who had a hard time in school themselves


class Fit(Strict):
    """Whom a prompt, action or nudge is written for. Empty means everyone: an item made for
    some roles or grades is offered to them first (content/fit.py), never hidden from others."""

    roles: tuple[Role, ...] = ()
    grades: tuple[GradeBand, ...] = ()
    contexts: tuple[FamilyContext, ...] = ()


class TaggedText(Fit):
    """A reflection prompt or a quick action: a plain string in YAML when it fits everyone,
    or a mapping with `text` and the tags of Fit."""

    text: ShortText

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data


class Nudge(Fit):
    """One weekly nudge: why it matters, one small action, one question."""

    why: Paragraph
    action: ShortText
    question: ShortText


class Citation(Strict):
    authors: ShortText
    year: int = Field(ge=2000, le=2100)
    work: ShortText


class NudgeTopic(Strict):
    """A condition or a C: learnable, reflectable, and nudged weekly."""

    slug: str
    title: ShortText
    kind: TopicKind
    summary: ShortText
    why_it_matters: Paragraph
    in_practice: list[ShortText] = Field(min_length=3)
    pitfalls: list[ShortText] = Field(min_length=2)
    # Only the 4 Cs describe the capacity separately for each side.
    for_educators: Paragraph | None = None
    for_families: Paragraph | None = None
    reflection_prompts: list[TaggedText] = Field(min_length=6)
    quick_actions: list[TaggedText] = Field(min_length=4)
    nudges: list[Nudge] = Field(min_length=4)
    citation: Citation

    @model_validator(mode="after")
    def _fits_its_kind(self) -> NudgeTopic:
        if self.slug not in NUDGE_TOPICS:
            raise ValueError(f"unknown topic slug {self.slug!r}; expected one of {NUDGE_TOPICS}")
        expected = (
            TopicKind.PROCESS_CONDITION
            if self.slug in PROCESS_CONDITIONS
            else TopicKind.ORGANIZATIONAL_CONDITION
            if self.slug in ORGANIZATIONAL_CONDITIONS
            else TopicKind.CAPACITY
        )
        if self.kind is not expected:
            raise ValueError(f"{self.slug} must have kind {expected.value}")
        is_c = self.kind is TopicKind.CAPACITY
        if is_c and not (self.for_educators and self.for_families):
            raise ValueError("each of the 4 Cs needs for_educators and for_families")
        for field_name, items in (
            ("reflection_prompts", [p.text for p in self.reflection_prompts]),
            ("quick_actions", [a.text for a in self.quick_actions]),
            ("nudges", [n.action for n in self.nudges]),
        ):
            if len({i.casefold() for i in items}) != len(items):
                raise ValueError(f"{field_name} has repeated entries")
        return self


class Section(Strict):
    heading: ShortText
    body: Paragraph | None = None
    points: list[ShortText] = Field(default_factory=list)
    # The overview's parts that no one topic is: "learn 4 Cs", "learn essential conditions"
    # show the sections these words name (both languages in one list).
    aka: list[str] = Field(default_factory=list)


class LearnOnlyTopic(Strict):
    """The Challenge and the Capacity Outcomes: learnable, not nudged."""

    slug: str
    title: ShortText
    summary: ShortText
    sections: list[Section] = Field(min_length=2)
    citation: Citation

    @model_validator(mode="after")
    def _known_slug(self) -> LearnOnlyTopic:
        if self.slug not in LEARN_ONLY_TOPICS:
            raise ValueError(
                f"unknown topic slug {self.slug!r}; expected one of {LEARN_ONLY_TOPICS}"
            )
        return self


class Overview(Strict):
    """What `learn` with no topic shows: the whole framework at a glance."""

    title: ShortText
    in_brief: Paragraph  # two sentences, for "the framework in 2 sentences"
    intro: Paragraph
    sections: list[Section] = Field(min_length=3)
    citation: list[Citation] = Field(min_length=1)


class AssessmentLevel(Strict):
    """One step of the developmental scale, from not yet to routine practice."""

    value: int = Field(ge=1, le=5)
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40)]
    meaning: ShortText
    # How educators say it in their own words ("sometimes", "pretty good i think", "a
    # veces"), both languages in one list; the longest one found in a typed answer wins.
    typed: list[str] = []


class AssessmentStatement(Strict):
    topic: str
    statement: ShortText


class Assessment(Strict):
    """The self-check: one statement per nudge topic, rated on one developmental scale."""

    intro: Paragraph
    levels: list[AssessmentLevel] = Field(min_length=4, max_length=5)
    statements: list[AssessmentStatement]

    @model_validator(mode="after")
    def _one_statement_per_topic(self) -> Assessment:
        topics = [s.topic for s in self.statements]
        unknown = sorted(set(topics) - set(NUDGE_TOPICS))
        if unknown:
            raise ValueError(f"unknown topic slug(s) {unknown}")
        missing = [t for t in NUDGE_TOPICS if t not in topics]
        if missing or len(topics) != len(set(topics)):
            raise ValueError(f"need exactly one statement per topic; missing {missing}")
        values = [level.value for level in self.levels]
        if values != list(range(1, len(values) + 1)):
            raise ValueError("levels must be numbered 1, 2, 3, ... in order")
        return self
