"""Pydantic models for content/profiles.yaml: how the coach names each role and grade band,
the words that mean them ("I'm the AP", `profile grades hs`), and where each role starts.

The role and band names themselves are the contract's (content/schema.py: Role, GradeBand);
this file holds what educators read and type.
"""

from __future__ import annotations

import re
from typing import Annotated, Self, TypeVar

from pydantic import Field, StringConstraints, model_validator

from content.schema import NUDGE_TOPICS, GradeBand, Role, ShortText, Strict

Name = TypeVar("Name", Role, GradeBand)
Word = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2)]


class RoleWords(Strict):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40)]
    described: ShortText  # "a school leader": said back to the educator
    offers: ShortText  # what setting this role changes, in one sentence
    words: list[Word] = Field(min_length=1)
    # Those of `words` naming someone who works beside the role rather than in it ("para",
    # "aide" for teacher): offered the role without being told they hold it.
    beside: list[Word] = Field(default_factory=list)
    # Topics this role meets first (the rotation, `reflect` with no topic, growth-area ties).
    first_topics: list[str] = Field(default_factory=list)


class BandWords(Strict):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40)]
    words: list[Word] = Field(min_length=1)
    # Those of `words` that name the band inside a sentence too ("I'm an AP at a middle
    # school", "4th grade teacher"); "all", "high" or "ms" alone say it only when typed alone.
    in_a_sentence: list[Word] = Field(default_factory=list)


class ProfileWords(Strict):
    roles: dict[Role, RoleWords]
    grades: dict[GradeBand, BandWords]

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if set(self.roles) != set(Role) or set(self.grades) != set(GradeBand):
            raise ValueError("every role and every grade band needs its words")
        for entry in self.roles.values():
            unknown = [slug for slug in entry.first_topics if slug not in NUDGE_TOPICS]
            if unknown:
                raise ValueError(f"first_topics names unknown topics {unknown}")
        for entry in self.roles.values():
            if not set(entry.beside) <= set(entry.words):
                raise ValueError(f"beside names words the role does not have: {entry.beside}")
        for band in self.grades.values():
            loose = [word for word in band.in_a_sentence if word not in band.words]
            if loose:
                raise ValueError(f"in_a_sentence names words the band does not have: {loose}")
        said: dict[str, str] = {}
        named = [(str(role), e.words) for role, e in self.roles.items()]
        named += [(str(band), e.words) for band, e in self.grades.items()]
        for name, phrases in named:
            for word in phrases:
                if said.setdefault(word, name) != name:
                    raise ValueError(f"{word!r} means both {said[word]} and {name}")
        return self

    def role_named(self, text: str) -> Role | None:
        """The role a word or phrase names ("AP", "social worker"), if any."""
        wanted = " ".join(text.casefold().split())
        return next((role for role, e in self.roles.items() if wanted in e.words), None)

    def role_in(self, sentence: str) -> Role | None:
        """The role a sentence names first ("I'm a counselor, not a teacher"), by its longest
        role word where words overlap ("assistant principal", not "principal")."""
        found = self.role_word_in(sentence)
        return None if found is None else found[0]

    def works_beside(self, sentence: str) -> bool:
        """Whether the word that names the role names someone beside it ("im a para")."""
        found = self.role_word_in(sentence)
        return found is not None and found[1] in self.roles[found[0]].beside

    def role_word_in(self, sentence: str) -> tuple[Role, str] | None:
        """role_in's role and the word that named it ("para")."""
        words = {role: e.words for role, e in self.roles.items()}
        return _word_first(sentence, words, skip=_DENIED)

    def band_in(self, sentence: str) -> GradeBand | None:
        """The grade band a sentence names first ("an assistant principal at a middle school")."""
        return _named_first(sentence, {band: e.in_a_sentence for band, e in self.grades.items()})

    def band_said(self, text: str) -> GradeBand | None:
        """The grade band whose word comes first in an answer to "Which grades do you work
        with?" ("hs math, 9th and 10th"): any of its words, not only those a sentence about
        something else would use."""
        return _named_first(text, {band: e.words for band, e in self.grades.items()})

    def band_named(self, text: str) -> GradeBand | None:
        wanted = " ".join(text.casefold().split())
        return next((band for band, e in self.grades.items() if wanted in e.words), None)

    def topic_order(self, role: Role | None) -> list[str]:
        """Every topic, the role's own first; the framework's order otherwise."""
        first = self.roles[role].first_topics if role is not None else []
        return [*first, *(slug for slug in NUDGE_TOPICS if slug not in first)]


# A role said not to be theirs: "im not the teacher", "not a counselor", "no soy maestra",
# "I'm not a classroom teacher" (one word may come between).
_SAID_OF_ONESELF = re.compile(
    r"(?:\bi'?m|\bi am|\bsoy|\bwork as)\s+(?:(?:a|an|the|un|una|el|la)\s+)?(?:[a-z-]+\s+)?$"
)
_DENIED = re.compile(
    r"(?:\bnot|n't|\bno(?: soy)?)\s+(?:(?:a|an|the|un|una|el|la)\s+)?(?:[a-z-]+\s+)?$"
)


def _named_first(
    sentence: str, words: dict[Name, list[str]], skip: re.Pattern[str] | None = None
) -> Name | None:
    """The name whose word comes first in the sentence, the longest word where two start
    together; None when no word is there. A word right after `skip`'s match is not counted."""
    found = _word_first(sentence, words, skip)
    return None if found is None else found[0]


def _word_first(
    sentence: str, words: dict[Name, list[str]], skip: re.Pattern[str] | None = None
) -> tuple[Name, str] | None:
    """_named_first's name, with the word that named it."""
    said = sentence.casefold().replace("’", "'")
    found = [
        (match.start(), -len(word), name, word)
        for name, phrases in words.items()
        for word in phrases
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", said)
        if skip is None or skip.search(said[: match.start()]) is None
    ]
    if not found:
        return None
    # "Those are ideas for a teacher. I'm district staff": the role said of oneself comes
    # before one only mentioned.
    own = [item for item in found if _SAID_OF_ONESELF.search(said[: item[0]])]
    first = min(own or found, key=lambda found: found[:2])
    # "district family engagement coordinator": a word that only says where the next role
    # works gives way to it.
    after = first[0] - first[1] + 1
    following = [item for item in found if item[0] == after and -item[1] > -first[1]]
    if following:
        first = min(following, key=lambda found: found[:2])
    return first[2], first[3]
