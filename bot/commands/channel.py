"""`channel` and its settings: a team channel's weekly discussion prompt.

- `channel`, `channel on|off`, `channel day DAY`, `channel time HH:MM`, `channel tz AREA/CITY`,
  `channel focus TOPIC|rotate`: said in the channel itself.

The schedule is the nudges' own (scheduler/subscriptions.py, rotation.py, tick.py) and so is
the parsing of days, times, zones and topics. Only the person who turned the prompts on, or
a workspace admin (as the platform adapter reports), can change them.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.channels import messages
from bot.channels.settings import (
    channel_of,
    channel_subscription,
    keeper_label,
    may_change,
    new_channel_subscription,
)
from bot.inbound import Platform
from bot.nudges.settings import next_label
from bot.replies import Reply, Text
from bot.topics import resolve_topic, unknown_topic_reply
from bot.turn import Turn
from bot.weekly.channel_models import ChannelSubscription
from bot.weekly.rotation import upcoming_topic
from bot.weekly.schedule import WEEKDAY_NAMES, parse_local_time, parse_weekday, zone_info
from bot.weekly.subscriptions import reschedule, turn_off
from content.schema import NUDGE_TOPICS

OFF_BY_EDUCATOR = "by_educator"

Setter = Callable[[Turn, ChannelSubscription, str], list[Reply]]


def _text(text: str) -> list[Reply]:
    return [Text(text)]


def _saved(turn: Turn, subscription: ChannelSubscription, sentence: str) -> list[Reply]:
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    if not subscription.enabled:
        return _text(sentence + messages.NOT_ON_NOTE)
    return _text(sentence + messages.NEXT_POST.format(next=next_label(subscription)))


def show_settings(turn: Turn, subscription: ChannelSubscription | None) -> list[Reply]:
    if subscription is None:
        return _text(messages.SETTINGS_NEVER)
    day, time = WEEKDAY_NAMES[subscription.weekday], subscription.local_time
    zone = subscription.timezone
    if not subscription.enabled:
        lines = [messages.SETTINGS_OFF.format(day=day, time=time, zone=zone)]
        reason = subscription.off_reason
        if reason and reason != OFF_BY_EDUCATOR:
            lines.append(messages.OFF_REASON.get(reason, messages.OFF_REASON_OTHER))
        return _text("\n".join(lines))
    if subscription.focus_topic:
        focus = messages.FOCUS_ONE.format(title=turn.library.title(subscription.focus_topic))
    else:
        focus = messages.FOCUS_ROTATE.format(topic=turn.library.title(upcoming_topic(subscription)))
    settings = messages.SETTINGS_ON.format(
        day=day,
        time=time,
        zone=zone,
        focus=focus,
        next=next_label(subscription),
        who=keeper_label(turn, subscription),
    )
    return _text(settings + "\n" + messages.SETTINGS_HELP)


def _cannot_post_note(turn: Turn) -> list[Reply]:
    if turn.inbound.can_post is not False:
        return []
    if turn.inbound.platform is Platform.SLACK:
        return _text(messages.CANNOT_POST_SLACK)
    return _text(messages.CANNOT_POST_OTHER)


def _on(turn: Turn, subscription: ChannelSubscription, value: str) -> list[Reply]:
    if subscription.enabled:
        return [
            *_text(messages.ALREADY_ON.format(next=next_label(subscription))),
            *_cannot_post_note(turn),
        ]
    subscription.enabled = True
    subscription.off_reason = None
    subscription.paused_until = None
    subscription.turned_on_by = turn.educator.id  # whoever turns it on looks after it
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    return [
        *_text(messages.TURNED_ON.format(next=next_label(subscription))),
        *_cannot_post_note(turn),
    ]


def _off(turn: Turn, subscription: ChannelSubscription, value: str) -> list[Reply]:
    if not subscription.enabled:
        return _text(messages.ALREADY_OFF)
    turn_off(subscription, OFF_BY_EDUCATOR, turn.now)
    return _text(messages.TURNED_OFF)


def _day(turn: Turn, subscription: ChannelSubscription, value: str) -> list[Reply]:
    weekday = parse_weekday(value)
    if weekday is None:
        return _text(messages.BAD_DAY.format(day=value[:40]))
    subscription.weekday = weekday
    return _saved(turn, subscription, messages.DAY_SET.format(day=WEEKDAY_NAMES[weekday]))


def _time(turn: Turn, subscription: ChannelSubscription, value: str) -> list[Reply]:
    at = parse_local_time(value)
    if at is None:
        return _text(messages.BAD_TIME.format(time=value[:40]))
    subscription.local_time = f"{at:%H:%M}"
    return _saved(turn, subscription, messages.TIME_SET.format(time=subscription.local_time))


def _zone(turn: Turn, subscription: ChannelSubscription, value: str) -> list[Reply]:
    try:
        zone = zone_info(value.strip())
    except ValueError:
        return _text(messages.BAD_ZONE.format(zone=value[:64]))
    subscription.timezone = zone.key
    return _saved(turn, subscription, messages.ZONE_SET.format(zone=zone.key))


def _focus(turn: Turn, subscription: ChannelSubscription, value: str) -> list[Reply]:
    if value.strip().casefold() in ("rotate", "all", "none", "off"):
        subscription.focus_topic = None
        title = turn.library.title(upcoming_topic(subscription))
        return _saved(turn, subscription, messages.ROTATE_SET.format(title=title))
    slug = resolve_topic(turn.library, value)
    if slug is None:
        return unknown_topic_reply(turn.library, value)
    if slug not in NUDGE_TOPICS:
        return _text(messages.LEARN_ONLY_FOCUS.format(title=turn.library.title(slug)))
    subscription.focus_topic = slug
    return _saved(turn, subscription, messages.FOCUS_SET.format(title=turn.library.title(slug)))


SETTERS: dict[str, tuple[Setter, str | None]] = {
    "on": (_on, None),
    "off": (_off, None),
    "day": (_day, "channel day tue"),
    "time": (_time, "channel time 07:30"),
    "tz": (_zone, "channel tz America/Chicago"),
    "timezone": (_zone, "channel tz America/Chicago"),
    "zone": (_zone, "channel tz America/Chicago"),
    "focus": (_focus, "channel focus rotate"),
}


def handle_channel(turn: Turn, args: str) -> list[Reply]:
    channel = channel_of(turn)
    if channel is None:
        return _text(messages.NOT_IN_A_CHANNEL)
    word, _, value = args.strip().partition(" ")
    word, value = word.casefold(), value.strip()
    subscription = channel_subscription(turn, channel)
    if not word or word in ("show", "settings", "status"):
        return show_settings(turn, subscription)
    if word not in SETTERS:
        return _text(messages.UNKNOWN_SETTING.format(word=word[:40]) + " " + messages.SETTINGS_HELP)
    setter, example = SETTERS[word]
    if example is not None and not value:
        return _text(messages.MISSING_VALUE.format(example=example))
    if subscription is None:
        if word == "off":
            return _text(messages.ALREADY_OFF)
        subscription = new_channel_subscription(turn, channel)
    elif word == "on" and subscription.enabled:
        return _on(turn, subscription, value)  # already on: nothing changes, anyone may ask
    elif not may_change(turn, subscription):
        who = keeper_label(turn, subscription)
        return _text(messages.NOT_YOURS.format(who=who))
    if subscription.turned_on_by is None:
        subscription.turned_on_by = turn.educator.id  # nobody looked after it: now they do
    return setter(turn, subscription, value)
