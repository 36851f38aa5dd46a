"""Does the content speak to every educator? Counts of items written for each role, for
middle and high school, and for each family context, against the minimums below;
`coach content check` prints the counts and fails under them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from content.loader import Library
from content.schema import FamilyContext, Fit, GradeBand, NudgeTopic, Role

SECONDARY = frozenset([GradeBand.MIDDLE, GradeBand.HIGH])
# Across all topics, nudges written for each family context.
NUDGES_PER_CONTEXT = 3


@dataclass(frozen=True)
class Need:
    """At least `least` items of one list in every topic fit one audience."""

    name: str
    items: Callable[[NudgeTopic], Sequence[Fit]]
    fits: Callable[[Fit], bool]
    least: int


def _for(role: Role) -> Callable[[Fit], bool]:
    return lambda item: role in item.roles


def _secondary(item: Fit) -> bool:
    return bool(item.grades) and set(item.grades) <= SECONDARY


def _nudges(topic: NudgeTopic) -> Sequence[Fit]:
    return topic.nudges


def _prompts(topic: NudgeTopic) -> Sequence[Fit]:
    return topic.reflection_prompts


def _actions(topic: NudgeTopic) -> Sequence[Fit]:
    return topic.quick_actions


PER_TOPIC = (
    Need("leader nudges", _nudges, _for(Role.LEADER), 2),
    Need("leader prompts", _prompts, _for(Role.LEADER), 3),
    Need("leader actions", _actions, _for(Role.LEADER), 3),
    Need("counselor nudges", _nudges, _for(Role.COUNSELOR), 1),
    Need("liaison nudges", _nudges, _for(Role.LIAISON), 1),
    Need("middle/high nudges", _nudges, _secondary, 1),
    Need("middle/high actions", _actions, _secondary, 1),
)


@dataclass(frozen=True)
class Coverage:
    lines: list[str]  # the counts, for the content check's output
    faults: list[str]  # every count under its minimum


def coverage(library: Library) -> Coverage:
    lines, faults = [], []
    for need in PER_TOPIC:
        counts = {
            slug: sum(1 for item in need.items(topic) if need.fits(item))
            for slug, topic in library.topics.items()
        }
        lines.append(
            f"{need.name}: {sum(counts.values())} (fewest in a topic: {min(counts.values())}, "
            f"at least {need.least} each)"
        )
        faults += [
            f"topics/{slug}.yaml: {count} {need.name}, at least {need.least} needed"
            for slug, count in counts.items()
            if count < need.least
        ]
    nudges = [nudge for topic in library.topics.values() for nudge in topic.nudges]
    per_context = {
        context: sum(1 for nudge in nudges if context in nudge.contexts)
        for context in FamilyContext
    }
    lines.append(
        "nudges per family context: "
        + ", ".join(f"{context.value} {count}" for context, count in per_context.items())
        + f" (at least {NUDGES_PER_CONTEXT} each)"
    )
    faults += [
        f"{count} nudges for the family context {context.value}, at least "
        f"{NUDGES_PER_CONTEXT} needed across the topics"
        for context, count in per_context.items()
        if count < NUDGES_PER_CONTEXT
    ]
    return Coverage(lines, faults)
