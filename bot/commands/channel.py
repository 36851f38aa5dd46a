"""`channel` and its settings: a team channel's weekly discussion prompt.

- `channel`, `channel on|off`, `channel day DAY`, `channel time HH:MM`, `channel tz AREA/CITY`,
  `channel focus TOPIC|rotate`, `channel every 1|2|4`: said in the channel itself.
- `channel heard ID`, `channel keep|monthly|stop ID`: the buttons under a prompt and under
  the keep-going question (bot/commands/channel_buttons.py).

The settings are read and applied as the nudges' are (bot/commands/schedule_settings.py).
What is the channel's own: it is said in a channel, only the person who turned the prompts
on or a workspace admin (as the platform adapter reports) can change them, and turning them
on says so when the coach cannot post there yet.
"""

from __future__ import annotations

from bot.channels import messages
from bot.channels.settings import (
    channel_of,
    channel_subscription,
    keeper_label,
    may_change,
    new_channel_subscription,
)
from bot.commands.channel_buttons import button_words, handle_channel_button
from bot.commands.schedule_settings import (
    apply_change,
    mistake_reply,
    read_setting,
    settings_reply,
)
from bot.i18n import speaking
from bot.inbound import Platform
from bot.language import language_named
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.weekly.channel_models import ChannelSubscription
from bot.weekly.settings_parser import EVERY_SETTING, MISTAKES, ShowSettings, TurnOff, TurnOn
from content.languages import DEFAULT_LANGUAGE

WORDS = messages.SCHEDULE
# `channel language es` (and `canal idioma es`, as a Spanish speaker might type it).
LANGUAGE_SETTING = ("language", "idioma")
# Each language named in its own words, whatever language the settings are shown in.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
CHANNEL_SETTINGS = EVERY_SETTING - {"pause"}


def _text(text: str) -> list[Reply]:
    return [Text(text)]


def _cannot_post_note(turn: Turn) -> list[Reply]:
    if turn.inbound.can_post is not False:
        return []
    if turn.inbound.platform is Platform.SLACK:
        return _text(str(messages.CANNOT_POST_SLACK))
    return _text(str(messages.CANNOT_POST_OTHER))


def handle_channel(turn: Turn, args: str) -> list[Reply]:
    button = button_words(args)
    if button is not None:  # a click under a prompt (or typed): the row says which channel
        return handle_channel_button(turn, *button)
    channel = channel_of(turn)
    if channel is None:
        return _text(str(messages.NOT_IN_A_CHANNEL))
    subscription = channel_subscription(turn, channel)
    word, _, value = args.strip().partition(" ")
    if word.casefold() in LANGUAGE_SETTING:
        return _set_language(turn, channel, subscription, value)
    setting = read_setting(turn, args, CHANNEL_SETTINGS)
    if subscription is not None:
        subscription.last_heard_at = turn.now  # someone there is minding the prompts
    if isinstance(setting, ShowSettings):
        if subscription is None:
            return _text(str(messages.SETTINGS_NEVER))
        return settings_reply(
            turn,
            subscription,
            WORDS,
            who=keeper_label(turn, subscription),
            language=LANGUAGE_NAMES[subscription.language or DEFAULT_LANGUAGE],
        )
    if isinstance(setting, MISTAKES):
        return mistake_reply(turn, setting, WORDS)
    if subscription is None:
        if isinstance(setting, TurnOff):
            return _text(str(WORDS.already_off))
        subscription = new_channel_subscription(turn, channel)
    elif isinstance(setting, TurnOn) and subscription.enabled:
        # Already on: nothing changes, so anyone may ask.
        return [*apply_change(turn, subscription, setting, WORDS), *_cannot_post_note(turn)]
    elif not may_change(turn, subscription):
        return _text(messages.NOT_YOURS.format(who=keeper_label(turn, subscription)))
    if subscription.turned_on_by is None or isinstance(setting, TurnOn):
        # Whoever turns them on looks after them; so does the next person to change them
        # when nobody does (the one who turned them on was forgotten).
        subscription.turned_on_by = turn.educator.id
    replies = apply_change(turn, subscription, setting, WORDS)
    return [*replies, *_cannot_post_note(turn)] if isinstance(setting, TurnOn) else replies


def _set_language(
    turn: Turn, channel: str, subscription: ChannelSubscription | None, value: str
) -> list[Reply]:
    """`channel language es|en`: the language of this channel's prompts, said in it."""
    language = language_named(value)
    if language is None:
        return _text(str(messages.LANGUAGE_CHOICES))
    if subscription is None:
        subscription = new_channel_subscription(turn, channel)
    elif not may_change(turn, subscription):
        return _text(messages.NOT_YOURS.format(who=keeper_label(turn, subscription)))
    subscription.language = language
    subscription.last_heard_at = turn.now
    with speaking(language):
        return _text(str(messages.LANGUAGE_SET))
