"""Which topic and which of its nudges comes next.

Rotating: every one of the 13 topics once per cycle, before any repeats, in the
subscription's topic order (the framework's, or a stored order such as growth areas first).
Cycle n shows each topic's nudge n (wrapping), so with four nudges a topic a year of weekly
nudges never repeats. With a focus: that topic's nudges in turn. "Nudge n" is the n-th in the
order the subscriber is offered them (content/fit.py: their role's and grades' first), and
with no stored order the topics come in their role's order (content/profiles.yaml).

The state lives on the subscription: the cycle number and the topics already seen in it.
Keeping "seen" rather than a position means reordering mid-cycle never repeats a topic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.weekly.models import ScheduleColumns
from content.schema import NUDGE_TOPICS


@dataclass(frozen=True)
class Pick:
    topic: str
    nudge_index: int


@dataclass(frozen=True)
class Offer:
    """What one subscriber's rotation chooses from: the topics in their default order, and
    per topic the indices of its items (nudges, team prompts) in the order to offer them."""

    items: Mapping[str, Sequence[int]]
    topics: Sequence[str] = field(default=NUDGE_TOPICS)

    @classmethod
    def in_file_order(cls, counts: Mapping[str, int]) -> Offer:
        return cls({slug: range(count) for slug, count in counts.items()})


def topic_order(subscription: ScheduleColumns, default: Sequence[str] = NUDGE_TOPICS) -> list[str]:
    """The rotation order: the stored one (unknown slugs dropped, missing ones appended in
    the `default` order)."""
    stored = [s for s in (subscription.topic_order or "").split(",") if s in NUDGE_TOPICS]
    ordered = list(dict.fromkeys(stored))
    return ordered + [s for s in default if s not in ordered and s in NUDGE_TOPICS]


def set_topic_order(subscription: ScheduleColumns, order: Sequence[str]) -> None:
    """Store a new rotation order (e.g. growth areas first); the current cycle carries on."""
    subscription.topic_order = ",".join(s for s in order if s in NUDGE_TOPICS) or None


def _seen(subscription: ScheduleColumns) -> list[str]:
    return [s for s in (subscription.rotation_seen or "").split(",") if s]


def next_pick(subscription: ScheduleColumns, offer: Offer) -> Pick:
    """The next nudge (or team prompt) for this subscription."""
    if subscription.focus_topic in NUDGE_TOPICS:
        topic = subscription.focus_topic
        return Pick(topic, _nth(offer, topic, subscription.focus_step))
    seen = set(_seen(subscription))
    remaining = [s for s in topic_order(subscription, offer.topics) if s not in seen]
    cycle = subscription.rotation_cycle
    if not remaining:  # a finished cycle not yet rolled over
        remaining, cycle = topic_order(subscription, offer.topics), cycle + 1
    topic = remaining[0]
    return Pick(topic, _nth(offer, topic, cycle))


def _nth(offer: Offer, topic: str, n: int) -> int:
    """The index of the n-th item (wrapping) the subscriber is offered on this topic."""
    items = offer.items.get(topic) or (0,)
    return items[n % len(items)]


def record_sent(subscription: ScheduleColumns, pick: Pick) -> None:
    """Move the rotation on after a nudge was delivered (missed ones do not count)."""
    if subscription.focus_topic == pick.topic:
        subscription.focus_step += 1
        return
    seen = _seen(subscription)
    if pick.topic not in seen:
        seen.append(pick.topic)
    if set(NUDGE_TOPICS) <= set(seen):
        subscription.rotation_cycle += 1
        seen = []
    subscription.rotation_seen = ",".join(seen)


def upcoming_topic(subscription: ScheduleColumns, topics: Sequence[str] = NUDGE_TOPICS) -> str:
    """The topic of the next nudge, for showing settings and for `reflect` with no topic;
    `topics`: the subscriber's default order."""
    return next_pick(subscription, Offer({}, topics)).topic
