"""`nudges` and its settings; plus the hidden words the nudge's buttons send.

- `nudges`, `nudges on|off`, `nudges day DAY`, `nudges time HH:MM`, `nudges tz AREA/CITY`,
  `nudges focus TOPIC|rotate`, `nudges pause WEEKS`
- `nudge done ID`, `nudge skip ID` (the nudge card's buttons)
- `checkin ID done|partly|not_yet` (the check-in question's buttons)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot import messages as core_messages
from bot.commands.base import CommandHandler
from bot.flows.checkin import start_checkin
from bot.flows.state import load_flow
from bot.followthrough import OUTCOMES, record_outcome
from bot.nudges import messages
from bot.nudges.settings import ensure_subscription, next_label, subscription_zone
from bot.replies import Reply, Text
from bot.storage.models import Reflection
from bot.topics import resolve_topic, unknown_topic_reply
from bot.turn import Turn
from bot.weekly.models import NudgeLedger, Subscription
from bot.weekly.rotation import upcoming_topic
from bot.weekly.schedule import WEEKDAY_NAMES, parse_local_time, parse_weekday, zone_info
from bot.weekly.subscriptions import reschedule, subscription_of, turn_off
from content.schema import NUDGE_TOPICS

MAX_PAUSE_WEEKS = 52
OFF_BY_EDUCATOR = "by_educator"


def _text(text: str) -> list[Reply]:
    return [Text(text)]


def _saved(turn: Turn, subscription: Subscription, sentence: str) -> list[Reply]:
    """Reschedule after a change and confirm it, with the next send (or a note when off)."""
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    if not subscription.enabled:
        return _text(sentence + messages.NOT_ON_NOTE)
    return _text(sentence + messages.NEXT_SEND.format(next=next_label(subscription)))


def show_settings(turn: Turn) -> list[Reply]:
    subscription = subscription_of(turn.session, turn.educator.id)
    if subscription is None or not subscription.enabled:
        subscription = subscription or ensure_subscription(turn)
        lines = [
            messages.SETTINGS_OFF.format(
                day=WEEKDAY_NAMES[subscription.weekday],
                time=subscription.local_time,
                zone=subscription.timezone,
            )
        ]
        reason = subscription.off_reason
        if reason and reason != OFF_BY_EDUCATOR:
            lines.append(
                messages.SETTINGS_OFF_REASON.get(reason, messages.SETTINGS_OFF_REASON_OTHER)
            )
        return _text("\n".join(lines))
    if subscription.focus_topic:
        focus = messages.FOCUS_ONE.format(title=turn.library.title(subscription.focus_topic))
    else:
        focus = messages.FOCUS_ROTATE.format(topic=turn.library.title(upcoming_topic(subscription)))
    lines = [
        messages.SETTINGS_ON.format(
            day=WEEKDAY_NAMES[subscription.weekday],
            time=subscription.local_time,
            zone=subscription.timezone,
            focus=focus,
            next=next_label(subscription),
        )
    ]
    if subscription.paused_until is not None and subscription.paused_until > turn.now:
        zone = subscription_zone(subscription)
        local = subscription.paused_until.astimezone(zone)
        lines.append(messages.SETTINGS_PAUSED.format(until=f"{local:%a %b} {local.day}"))
    lines.append(messages.SETTINGS_HELP)
    return _text("\n".join(lines))


def _on(turn: Turn, value: str) -> list[Reply]:
    subscription = ensure_subscription(turn)
    if subscription.enabled and (
        subscription.paused_until is None or subscription.paused_until <= turn.now
    ):
        return _text(messages.ALREADY_ON.format(next=next_label(subscription)))
    was_paused = subscription.enabled
    subscription.enabled = True
    subscription.off_reason = None
    subscription.paused_until = None
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    sentence = messages.RESUMED if was_paused else messages.TURNED_ON
    return _text(sentence.format(next=next_label(subscription)))


def _off(turn: Turn, value: str) -> list[Reply]:
    subscription = subscription_of(turn.session, turn.educator.id)
    if subscription is None or not subscription.enabled:
        return _text(messages.ALREADY_OFF)
    turn_off(subscription, OFF_BY_EDUCATOR, turn.now)
    return _text(messages.TURNED_OFF)


def _day(turn: Turn, value: str) -> list[Reply]:
    weekday = parse_weekday(value)
    if weekday is None:
        return _text(messages.BAD_DAY.format(day=value[:40]))
    subscription = ensure_subscription(turn)
    subscription.weekday = weekday
    return _saved(
        turn,
        subscription,
        messages.DAY_SET.format(day=WEEKDAY_NAMES[weekday]),
    )


def _time(turn: Turn, value: str) -> list[Reply]:
    at = parse_local_time(value)
    if at is None:
        return _text(messages.BAD_TIME.format(time=value[:40]))
    subscription = ensure_subscription(turn)
    subscription.local_time = f"{at:%H:%M}"
    return _saved(
        turn,
        subscription,
        messages.TIME_SET.format(time=subscription.local_time),
    )


def _zone(turn: Turn, value: str) -> list[Reply]:
    try:
        zone = zone_info(value.strip())
    except ValueError:
        return _text(messages.BAD_ZONE.format(zone=value[:64]))
    subscription = ensure_subscription(turn)
    subscription.timezone = zone.key
    return _saved(
        turn,
        subscription,
        messages.ZONE_SET.format(zone=zone.key),
    )


def _focus(turn: Turn, value: str) -> list[Reply]:
    subscription = ensure_subscription(turn)
    if value.strip().casefold() in ("rotate", "all", "none", "off"):
        subscription.focus_topic = None
        title = turn.library.title(upcoming_topic(subscription))
        return _saved(
            turn,
            subscription,
            messages.ROTATE_SET.format(title=title),
        )
    slug = resolve_topic(turn.library, value)
    if slug is None:
        return unknown_topic_reply(turn.library, value)
    if slug not in NUDGE_TOPICS:
        return _text(messages.LEARN_ONLY_FOCUS.format(title=turn.library.title(slug)))
    subscription.focus_topic = slug
    return _saved(
        turn,
        subscription,
        messages.FOCUS_SET.format(title=turn.library.title(slug)),
    )


def _pause(turn: Turn, value: str) -> list[Reply]:
    word = value.strip()
    if not word.isdigit() or not 1 <= int(word) <= MAX_PAUSE_WEEKS:
        return _text(messages.BAD_PAUSE.format(limit=MAX_PAUSE_WEEKS))
    weeks = int(word)
    subscription = ensure_subscription(turn)
    subscription.paused_until = turn.now + timedelta(weeks=weeks)
    return _saved(
        turn,
        subscription,
        messages.PAUSED.format(weeks=weeks, plural="" if weeks == 1 else "s"),
    )


SETTERS: dict[str, tuple[Callable[[Turn, str], list[Reply]], str | None]] = {
    "on": (_on, None),
    "off": (_off, None),
    "day": (_day, "nudges day tue"),
    "time": (_time, "nudges time 07:30"),
    "tz": (_zone, "nudges tz America/Chicago"),
    "timezone": (_zone, "nudges tz America/Chicago"),
    "zone": (_zone, "nudges tz America/Chicago"),
    "focus": (_focus, "nudges focus rotate"),
    "pause": (_pause, "nudges pause 2"),
}


def handle_nudges(turn: Turn, args: str) -> list[Reply]:
    word, _, value = args.strip().partition(" ")
    word = word.casefold()
    if not word or word in ("show", "settings", "status"):
        return show_settings(turn)
    if word not in SETTERS:
        return _text(messages.UNKNOWN_SETTING.format(word=word[:40]) + " " + messages.SETTINGS_HELP)
    setter, example = SETTERS[word]
    value = value.strip()
    if example is not None and not value:
        return _text(messages.MISSING_VALUE.format(example=example))
    return setter(turn, value)


def handle_nudge_button(turn: Turn, args: str) -> list[Reply]:
    """`nudge done ID` / `nudge skip ID`: what the educator did with one week's nudge."""
    parts = args.split()
    if len(parts) != 2 or parts[0].casefold() not in ("done", "skip") or not parts[1].isdigit():
        return _text(messages.NUDGE_ACTION_HELP)
    action, ledger_id = parts[0].casefold(), int(parts[1])
    row = turn.session.get(NudgeLedger, ledger_id)
    subscription = turn.session.get(Subscription, row.subscription_id) if row else None
    if row is None or subscription is None or subscription.educator_id != turn.educator.id:
        return _text(messages.NUDGE_UNKNOWN)
    if row.response is not None:
        return _text(messages.NUDGE_ALREADY.format(response=row.response))
    if action == "done":
        row.response = "done"
        return _text(messages.NUDGE_MARKED_DONE.format(topic=row.topic or ""))
    row.response = "skipped"
    return _text(messages.NUDGE_MARKED_SKIPPED)


def handle_checkin(turn: Turn, args: str) -> list[Reply]:
    """`checkin ID OUTCOME`: how a planned action went, from the nudge's buttons."""
    parts = args.split()
    if len(parts) != 2 or not parts[0].isdigit() or parts[1].casefold() not in OUTCOMES:
        return _text(messages.CHECKIN_UNKNOWN)
    reflection = turn.session.get(Reflection, int(parts[0]))
    if reflection is None or reflection.educator_id != turn.educator.id:
        return _text(messages.CHECKIN_UNKNOWN)
    if reflection.action_status != "planned":
        status = core_messages.STATUS_LABELS.get(reflection.action_status, "noted")
        return _text(messages.CHECKIN_ALREADY.format(status=status))
    outcome = parts[1].casefold()
    if load_flow(turn) is not None:  # mid-conversation: note it, keep their place
        record_outcome(reflection, outcome, None, turn.sealer, turn.now)
        return _text(messages.CHECKIN_THANKS[outcome])
    return start_checkin(turn, reflection, outcome)


# Registered in bot/commands/table.py; `nudge` and `checkin` are the buttons' words.
NUDGE_COMMANDS: dict[str, CommandHandler] = {
    "nudges": handle_nudges,
    "nudge": handle_nudge_button,
    "checkin": handle_checkin,
}
