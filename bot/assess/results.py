"""Reading a set of ratings: strongest areas, growth areas, and what moved since last time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.assess.models import AssessmentResult
from content.schema import NUDGE_TOPICS

AREAS_SHOWN = 3
# A rating from here up is routine practice (the scale's third level): not a growth area.
ROUTINE = 3


@dataclass(frozen=True)
class Reading:
    strongest: list[str]
    growth: list[str]
    moved_up: list[tuple[str, int, int]]
    moved_down: list[tuple[str, int, int]]


def growth_order(scores: dict[str, int], order: Sequence[str] = NUDGE_TOPICS) -> list[str]:
    """All topics, lowest-rated first; ties follow `order` (the educator's role's topics
    first, else the framework's)."""
    ranked = [*order, *(slug for slug in NUDGE_TOPICS if slug not in order)]
    return sorted(NUDGE_TOPICS, key=lambda slug: (scores.get(slug, 0), ranked.index(slug)))


def read_scores(
    scores: dict[str, int], previous: dict[str, int] | None, role_topics: Sequence[str] = ()
) -> Reading:
    """`role_topics`: the topics the educator's role owns (a leader's organizational
    conditions): one not yet routine is always among the growth areas."""
    ordered = growth_order(scores, role_topics)
    strongest = [s for s in reversed(ordered) if scores.get(s, 0) >= ROUTINE][:AREAS_SHOWN]
    if not strongest and len(set(scores.values())) > 1:
        # nothing is routine yet: name the relatively strongest anyway; but with every
        # statement rated the same, none is stronger (all "Not yet" had named three).
        strongest = list(reversed(ordered))[:AREAS_SHOWN]
    growth = [s for s in ordered if s not in strongest][:AREAS_SHOWN]
    owned = [
        s for s in ordered if s in role_topics and s not in strongest and scores.get(s, 0) < ROUTINE
    ]
    if owned and growth and not set(growth) & set(role_topics):
        growth[-1] = owned[0]
    moved_up: list[tuple[str, int, int]] = []
    moved_down: list[tuple[str, int, int]] = []
    for slug in NUDGE_TOPICS:
        if previous is None or slug not in previous or slug not in scores:
            continue
        before, now = previous[slug], scores[slug]
        if now > before:
            moved_up.append((slug, before, now))
        elif now < before:
            moved_down.append((slug, before, now))
    return Reading(strongest=strongest, growth=growth, moved_up=moved_up, moved_down=moved_down)


def latest_results(session: Session, educator_id: int, count: int = 2) -> list[AssessmentResult]:
    return list(
        session.scalars(
            select(AssessmentResult)
            .where(AssessmentResult.educator_id == educator_id)
            .order_by(AssessmentResult.taken_at.desc(), AssessmentResult.id.desc())
            .limit(count)
        )
    )
