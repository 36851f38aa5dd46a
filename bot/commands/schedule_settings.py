"""Showing and changing a weekly schedule's settings: one set of rules for `nudges` and `channel`.

Each command finds its own subscription and decides who may change it; from there the words
of `bot/weekly/settings_parser.py` are answered and applied here, in the kind's own sentences.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from bot.dates import day_label as said_day_label
from bot.dates import weekday_name
from bot.nudges.settings import next_label, subscription_zone
from bot.profiles import rotation_topics
from bot.replies import Reply, Text
from bot.topics import resolve_topic, topic_read, unknown_topic_reply
from bot.turn import Turn
from bot.weekly import messages as shared
from bot.weekly.closed import moved_send
from bot.weekly.messages import ScheduleWords
from bot.weekly.models import ScheduleColumns
from bot.weekly.rotation import upcoming_topic
from bot.weekly.schedule import local_to_utc
from bot.weekly.settings_parser import (
    MAX_PAUSE_WEEKS,
    BadValue,
    Change,
    LearnOnlyTopic,
    MissingValue,
    Mistake,
    ParsedSetting,
    Pause,
    PauseUntil,
    SetDay,
    SetFocus,
    SetRhythm,
    SetTime,
    SettingName,
    SetZone,
    TurnOff,
    TurnOn,
    UnknownSetting,
    UnknownTopic,
    parse_setting,
)
from bot.weekly.subscriptions import pause_ahead, paused_at, reschedule, set_rhythm, turn_off

OFF_BY_EDUCATOR = "by_educator"


def _text(text: str) -> list[Reply]:
    return [Text(text)]


def read_setting(turn: Turn, args: str, accepted: frozenset[SettingName]) -> ParsedSetting:
    return parse_setting(
        args, accepted, lambda typed: resolve_topic(turn.library, typed), topic_read
    )


def mistake_reply(turn: Turn, mistake: Mistake, words: ScheduleWords) -> list[Reply]:
    """A kind answer to a setting that could not be used; nothing has changed."""
    match mistake:
        case UnknownSetting(word):
            unknown = words.unknown_setting.format(word=word[:40])
            return _text(f"{unknown} {words.settings_help}")
        case MissingValue(setting):
            example = f"{words.command} {shared.EXAMPLES[setting]}"
            return _text(shared.MISSING_VALUE.format(example=example))
        case BadValue("day", value):
            return _text(words.bad_day.format(day=value[:40]))
        case BadValue("time", value):
            return _text(words.bad_time.format(time=value[:40]))
        case BadValue("tz", value):
            return _text(words.bad_zone.format(zone=value[:64]))
        case BadValue("every", _):
            return _text(str(words.bad_every))
        case BadValue("pause", value) if value.casefold().startswith("until"):
            typed = value[5:].strip()[:40]
            if not typed:
                example = f"{words.command} pause until 2027-01-05"
                return _text(shared.MISSING_VALUE.format(example=example))
            return _text(words.bad_pause_date.format(date=typed))
        case BadValue():
            return _text(words.bad_pause.format(limit=MAX_PAUSE_WEEKS))
        case LearnOnlyTopic(slug):
            return _text(words.learn_only_focus.format(title=turn.library.title(slug)))
        case UnknownTopic(typed):
            return unknown_topic_reply(turn.library, typed)


def settings_reply(
    turn: Turn, subscription: ScheduleColumns, words: ScheduleWords, **more: str
) -> list[Reply]:
    """The settings as they stand; `more` fills what only this kind shows (a channel's keeper)."""
    day, time = weekday_name(subscription.weekday), subscription.local_time
    zone = subscription.timezone
    if not subscription.enabled:
        lines = [words.settings_off.format(day=day, time=time, zone=zone)]
        reason = subscription.off_reason
        if reason and reason != OFF_BY_EDUCATOR:
            lines.append(str(words.off_reasons.get(reason, words.off_reason_other)))
        return _text("\n".join(lines))
    if subscription.focus_topic:
        focus = shared.FOCUS_ONE.format(title=turn.library.title(subscription.focus_topic))
    else:
        topics = rotation_topics(turn.library, turn.educator, subscription)
        focus = shared.FOCUS_ROTATE.format(
            topic=turn.library.title(upcoming_topic(subscription, topics))
        )
    next_send = next_send_label(turn, subscription)
    rhythm = shared.RHYTHM_WORDS.get(subscription.every_weeks, shared.RHYTHM_WORDS[1])
    lines = [
        words.settings_on.format(
            day=day, time=time, zone=zone, focus=focus, next=next_send, rhythm=rhythm, **more
        )
    ]
    if pause_ahead(subscription, turn.now):
        first, back = _pause_days(subscription)
        lines.append(shared.SETTINGS_PAUSE_AHEAD.format(first=first, back=back))
    elif paused_at(subscription, turn.now):
        _, back = _pause_days(subscription)
        lines.append(shared.SETTINGS_PAUSED.format(until=back))
    lines.append(str(words.settings_help))
    return _text("\n".join(lines))


def apply_change(
    turn: Turn, subscription: ScheduleColumns, change: Change, words: ScheduleWords
) -> list[Reply]:
    """Change one setting, reschedule, and say what happened and when the next one comes."""
    match change:
        case TurnOn():
            return _turn_on(turn, subscription, words)
        case TurnOff():
            if not subscription.enabled:
                return _text(str(words.already_off))
            turn_off(subscription, OFF_BY_EDUCATOR, turn.now)
            return _text(str(words.turned_off))
        case SetDay(weekday):
            subscription.weekday = weekday
            sentence = words.day_set.format(day=weekday_name(weekday))
        case SetTime(local_time):
            subscription.local_time = local_time
            sentence = words.time_set.format(time=local_time)
        case SetZone(zone):
            subscription.timezone = zone
            sentence = words.zone_set.format(zone=zone)
        case SetFocus():
            subscription.focus_topic = change.topic
            sentence = focus_sentence(turn, subscription, change, words)
        case Pause(weeks):
            subscription.paused_until = turn.now + timedelta(weeks=weeks)
            subscription.pause_from = None
            sentence = words.paused.format(weeks=weeks, plural="" if weeks == 1 else "s")
        case PauseUntil(day):
            return _pause_until(turn, subscription, day, words)
        case SetRhythm(weeks):
            set_rhythm(subscription, weeks, turn.now, spaced_from_last=True)
            sentence = words.every_set.format(rhythm=shared.RHYTHM_WORDS[weeks])
    return _saved(turn, subscription, sentence, words)


def focus_sentence(
    turn: Turn, subscription: ScheduleColumns, focus: SetFocus, words: ScheduleWords
) -> str:
    """What the nudges are about from now on (the focus already set on `subscription`), and,
    for a topic read from other words, where those words fit."""
    if focus.topic is None:
        topics = rotation_topics(turn.library, turn.educator, subscription)
        title = turn.library.title(upcoming_topic(subscription, topics))
        return words.rotate_set.format(title=title)
    sentence = words.focus_set.format(title=turn.library.title(focus.topic))
    if focus.read_from is None:
        return sentence
    return f"{sentence} {shared.FOCUS_READ_FROM.format(typed=focus.read_from[:80])}"


def day_label(day: date) -> str:
    """ "Tue Jan 5": a date the way the settings show it."""
    return said_day_label(day)


def _pause_until(
    turn: Turn, subscription: ScheduleColumns, day: date, words: ScheduleWords
) -> list[Reply]:
    """No sends before the start of `day` in the subscription's zone (from then on, as usual)."""
    zone = subscription_zone(subscription)
    today = turn.now.astimezone(zone).date()
    if day <= today:
        return _text(words.pause_date_passed.format(date=day.isoformat()))
    if day > today + timedelta(weeks=MAX_PAUSE_WEEKS):
        return _text(words.pause_date_far.format(limit=MAX_PAUSE_WEEKS))
    subscription.paused_until = local_to_utc(day, time(0, 0), zone)
    subscription.pause_from = None
    return _saved(turn, subscription, words.paused_until.format(until=day_label(day)), words)


def pause_ahead_between(
    turn: Turn, subscription: ScheduleColumns, first: date, back: date
) -> list[Reply]:
    """No sends from the start of local day `first` until the start of `back`: a break asked
    for ahead ("pause for winter break, dec 21 to jan 4"; it had been "type it on your last
    day", and the nudges came over the break when that was forgotten)."""
    zone = subscription_zone(subscription)
    subscription.pause_from = local_to_utc(first, time(0, 0), zone)
    subscription.paused_until = local_to_utc(back, time(0, 0), zone)
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    return _text(shared.PAUSE_AHEAD_SET.format(first=day_label(first), back=day_label(back)))


def _pause_days(subscription: ScheduleColumns) -> tuple[str, str]:
    """The pause's first day and the day back, as the settings show them."""
    zone = subscription_zone(subscription)
    start, until = subscription.pause_from, subscription.paused_until
    first = "" if start is None else day_label(start.astimezone(zone).date())
    back = "" if until is None else day_label(until.astimezone(zone).date())
    return first, back


def _turn_on(turn: Turn, subscription: ScheduleColumns, words: ScheduleWords) -> list[Reply]:
    paused = paused_at(subscription, turn.now)
    if subscription.enabled and not paused:
        return _text(words.already_on.format(next=next_send_label(turn, subscription)))
    was_paused = subscription.enabled
    subscription.enabled = True
    subscription.off_reason = None
    subscription.paused_until = None
    subscription.pause_from = None
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    sentence = words.resumed if was_paused else words.turned_on
    return _text(sentence.format(next=next_send_label(turn, subscription)))


def _saved(
    turn: Turn, subscription: ScheduleColumns, sentence: str, words: ScheduleWords
) -> list[Reply]:
    """Reschedule after a change and confirm it, with the next send (or a note when off)."""
    subscription.updated_at = turn.now
    reschedule(turn.session, subscription, turn.now)
    if not subscription.enabled:
        return _text(sentence + str(words.not_on_note))
    return _text(sentence + words.next_send.format(next=next_send_label(turn, subscription)))


def next_send_label(turn: Turn, subscription: ScheduleColumns) -> str:
    """The next send as it will really go: a closed school day moves it (bot/weekly/closed.py)."""
    workspace = (turn.inbound.platform.value, turn.inbound.workspace)
    return next_label(subscription, moved_send(turn.session, subscription, workspace))
