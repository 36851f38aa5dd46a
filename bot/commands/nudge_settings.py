"""`nudges` and its settings (read and applied as `channel`'s are, in
bot/commands/schedule_settings.py), and the same settings asked for in a sentence ("can you
remind me on thursdays"). Apart from the nudge's buttons (bot/commands/nudges.py), so a
conversation can apply them without importing the check-in that those buttons start.
"""

from __future__ import annotations

import re

from bot.commands.schedule_settings import (
    apply_change,
    focus_sentence,
    mistake_reply,
    next_send_label,
    read_setting,
    settings_reply,
)
from bot.dates import weekday_name
from bot.i18n import current_language
from bot.localtime import educator_zone
from bot.nudges import messages
from bot.nudges.families import nudges_for_families
from bot.nudges.settings import ensure_subscription
from bot.replies import Reply, Text
from bot.topics import topic_list
from bot.turn import Turn
from bot.weekly.pause_words import pause_named
from bot.weekly.schedule_words import NamedSchedule
from bot.weekly.settings_parser import (
    EVERY_SETTING,
    MISTAKES,
    SetFocus,
    ShowSettings,
    TurnOff,
    UnknownTopic,
)
from bot.weekly.subscriptions import subscription_of
from content.schema import NUDGE_TOPICS

WORDS = messages.SCHEDULE


def handle_nudges(turn: Turn, args: str) -> list[Reply]:
    setting = read_setting(turn, _day_back_as_a_date(turn, args), EVERY_SETTING)
    if isinstance(setting, ShowSettings):
        return settings_reply(turn, ensure_subscription(turn), WORDS)
    if isinstance(setting, MISTAKES):
        return mistake_reply(turn, setting, WORDS)
    if isinstance(setting, TurnOff):
        # Turning off what was never on creates nothing.
        subscription = subscription_of(turn.session, turn.educator.id)
        if subscription is None:
            return [Text(str(WORDS.already_off))]
        return apply_change(turn, subscription, setting, WORDS)
    return apply_change(turn, ensure_subscription(turn), setting, WORDS)


def _day_back_as_a_date(turn: Turn, args: str) -> str:
    """ "pause until jan 5", "pause until the 4th": the day read as a sentence would be, and
    written YYYY-MM-DD for the setting (it had been "I couldn't read `jan 5` as a date")."""
    if _PAUSE_UNTIL.match(args) is None or any(c.isdigit() and not c.isascii() for c in args):
        return args  # digits read are ASCII digits only (bot/numbers.py)
    today = turn.now.astimezone(educator_zone(turn)).date()
    asked = pause_named(args, today, day_first=current_language() == "es")
    return args if asked is None or asked.until is None else f"pause until {asked.until}"


# A day back, however it is written ("until jan 5", "till the 4th", "til 2027-01-05"), but
# for digits and slashes: "12/08/2026" could be either of two days, so it is asked as
# YYYY-MM-DD.
_PAUSE_UNTIL = re.compile(r"\s*pause\s+(?:until|till|til)\s+(?![\d/.]+\s*$)\S", re.IGNORECASE)


def nudges_as_asked(turn: Turn, named: NamedSchedule) -> list[Reply]:
    """ "can you remind me on thursdays", "move my nudges to fridays at 3pm": the day and time
    set as `nudges day` and `nudges time` would, and nudges turned on when they were off (the
    sentence asks for them): one reply, the last, which names when the first one comes."""
    subscription = subscription_of(turn.session, turn.educator.id)
    was_on = subscription is not None and subscription.enabled
    when = named.when_settings()
    settings = [*when, *([] if was_on else ["on"]), *named.rhythm_settings()]
    replies = [handle_nudges(turn, setting) for setting in settings]
    # Turned on, the day and time are in the "on" reply; a rhythm asked for says so after it
    # ("monthly instead of weekly": every 4 weeks).
    said = replies if was_on else replies[len(when) :]
    if was_on and subscription is not None and named.weekday is not None and named.at is not None:
        # A day and time asked together are said once, together: the day's own line had named
        # the old time ("Nudges will come on Wednesdays. Next nudge: Wed Nov 25, 06:30").
        both = messages.DAY_AND_TIME_SET.format(
            day=weekday_name(named.weekday), time=f"{named.at:%H:%M}"
        )
        next_send = WORDS.next_send.format(next=next_send_label(turn, subscription))
        said = [[Text(both + next_send)], *replies[len(when) :]]
    return [reply for each in said for reply in each]


def focus_as_asked(turn: Turn, typed: str) -> list[Reply]:
    """ "can my nudges be about home visits": the focus set as `nudges focus` would, and
    nudges turned on when they were off (the sentence asks for them); words in which no
    topic can be found get the topics to choose from."""
    setting = read_setting(turn, f"focus {typed}", EVERY_SETTING)
    if isinstance(setting, UnknownTopic):
        for_families = nudges_for_families(turn.library, typed)
        if for_families is not None:  # "about IEP families": the topic that holds most of them
            return [Text(for_families)]
        topics = topic_list(turn.library, NUDGE_TOPICS)
        return [Text(f"{messages.FOCUS_NOT_FOUND.format(typed=typed[:80])}\n{topics}")]
    if isinstance(setting, MISTAKES):  # a topic for reading only ("the challenge")
        return mistake_reply(turn, setting, WORDS)
    if not isinstance(setting, SetFocus):  # "focus ..." reads as nothing else
        return settings_reply(turn, ensure_subscription(turn), WORDS)
    subscription = subscription_of(turn.session, turn.educator.id)
    if subscription is not None and subscription.enabled:
        return apply_change(turn, subscription, setting, WORDS)
    subscription = ensure_subscription(turn)
    subscription.focus_topic = setting.topic
    turned_on = [reply.text for reply in handle_nudges(turn, "on") if isinstance(reply, Text)]
    return [Text(" ".join([*turned_on, focus_sentence(turn, subscription, setting, WORDS)]))]
