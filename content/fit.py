"""Which prompts, actions and nudges an educator meets first.

Every item can reach everyone: an educator's role and grades only choose the order. Items
written for their role or grades come first, then those for everyone, and last those written
for someone else (a principal still meets the classroom prompts, after their own).

A teacher's role tag marks classroom items, which were written for every teacher: for a
teacher they rank as general, so a high-school teacher meets the middle/high variants before
them. An educator with no profile meets the items in the files' own order, as before
profiles existed, with items for other roles last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from content.schema import Fit, GradeBand, Role

SPECIFIC, GENERAL, OTHERS = 0, 1, 2


@dataclass(frozen=True)
class Profile:
    """What an educator told the coach about their work (both optional)."""

    role: Role | None = None
    grades: GradeBand | None = None


NO_PROFILE = Profile()


def offered_order(items: Sequence[Fit], profile: Profile) -> list[int]:
    """The items' indices, best fit first; ties keep the files' order."""
    return sorted(range(len(items)), key=lambda index: _rank(items[index], profile))


def offered_first(items: Sequence[Fit], profile: Profile) -> list[int]:
    """Like offered_order, but only the items written for this educator or for everyone."""
    return [i for i in offered_order(items, profile) if not _rank(items[i], profile)[0]]


def closeness(item: Fit, profile: Profile) -> int:
    """0 when written for this educator's role and grades, 1 for one of them, 2 for anyone
    (more for someone else's): smaller is closer."""
    return _rank(item, profile)[1]


def _rank(item: Fit, profile: Profile) -> tuple[bool, int, int]:
    role = _role_rank(item.roles, profile.role)
    band = _band_rank(item.grades, profile.grades)
    # Someone else's item goes last; then the more specific, the earlier; the role decides
    # a tie (a leader's own item before a general one for their grades).
    return (role == OTHERS or band == OTHERS, role + band, role)


def _role_rank(roles: tuple[Role, ...], role: Role | None) -> int:
    if role in (None, Role.TEACHER):
        return GENERAL if not roles or Role.TEACHER in roles else OTHERS
    if not roles:
        return GENERAL
    return SPECIFIC if role in roles else OTHERS


def _band_rank(grades: tuple[GradeBand, ...], band: GradeBand | None) -> int:
    if band in (None, GradeBand.ALL) or not grades or GradeBand.ALL in grades:
        return GENERAL
    return SPECIFIC if band in grades else OTHERS
