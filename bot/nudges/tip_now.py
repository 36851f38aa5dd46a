"""One weekly nudge, asked for now ("whats this weeks tip", "mándame ideas cortas porfa").

The topic is this week's (the one `reflect` would start on: this week's nudge topic when
nudges are on); the nudge is one written for the educator's role and grades first, the
same one all week (the ISO week picks it), so asking twice gives the same tip.
"""

from __future__ import annotations

from bot.i18n import current_language
from bot.nudges import messages
from bot.offers import make_offer
from bot.profiles import profile_of
from bot.replies import Reply, Text
from bot.topics import suggested_topic
from bot.turn import Turn
from bot.weekly.subscriptions import subscription_of
from content.fit import offered_first, offered_order
from content.understanding_schema import replies_in


def tip_now(turn: Turn) -> list[Reply]:
    said = replies_in(current_language()).tip_now
    slug = suggested_topic(turn)
    topic = turn.library.topics[slug]
    profile = profile_of(turn.educator)
    order = offered_first(topic.nudges, profile) or offered_order(topic.nudges, profile)
    week = turn.now.isocalendar().week
    nudge = topic.nudges[order[week % len(order)]]
    body = messages.NUDGE_BODY.format(why=nudge.why, action=nudge.action, question=nudge.question)
    lines = [said.intro.format(title=topic.title), body]
    subscription = subscription_of(turn.session, turn.educator.id)
    if subscription is None or not subscription.enabled:
        lines.append(said.subscribe)
        make_offer(turn.educator, "nudges on", turn.now)  # "sure" turns them on
    return [Text("\n\n".join(lines))]
