"""An educator's profile (role, grade band) as the coaching reads it: what to offer first."""

from __future__ import annotations

from collections.abc import Sequence

from bot.storage.models import Educator
from bot.weekly.models import ScheduleColumns, Subscription
from bot.weekly.rotation import Offer
from content.fit import Profile, offered_order
from content.loader import Library
from content.schema import NUDGE_TOPICS, GradeBand, Role, TaggedText

_ROLES = {role.value: role for role in Role}
_BANDS = {band.value: band for band in GradeBand}


def profile_of(educator: Educator) -> Profile:
    """The stored profile; a value this version does not know reads as unset."""
    return Profile(_ROLES.get(educator.role or ""), _BANDS.get(educator.grade_band or ""))


def topic_order(library: Library, educator: Educator) -> list[str]:
    """Every topic, those that fit the educator's role first."""
    return library.profiles.topic_order(profile_of(educator).role)


def rotation_topics(
    library: Library, educator: Educator, subscription: ScheduleColumns
) -> list[str]:
    """The default topic order of a subscription: the educator's role's for their own
    nudges, the framework's for a channel's team prompts."""
    if isinstance(subscription, Subscription):
        return topic_order(library, educator)
    return list(NUDGE_TOPICS)


def nudge_offer(library: Library, profile: Profile) -> Offer:
    """The weekly rotation's choices for an educator with this profile."""
    return Offer(
        {slug: offered_order(topic.nudges, profile) for slug, topic in library.topics.items()},
        library.profiles.topic_order(profile.role),
    )


def offered_texts(items: Sequence[TaggedText], profile: Profile) -> list[str]:
    """Prompts or actions, as the educator is offered them: theirs first."""
    return [items[i].text for i in offered_order(items, profile)]
