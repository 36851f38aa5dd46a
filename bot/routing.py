"""What a chat adapter asks the core about a message before and after a turn.

The grammar and the button encoding are the core's; an adapter only asks. Before a turn:
is this text a channel command (so the adapter asks the platform afresh whether the person
is an admin), and does it turn a channel's team prompts on (so it checks it may post
there)? Is this button an answer to a guided conversation's question (one answer however
often it is clicked)? After a turn: must these replies stay out of a shared channel?
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.flows.state import FLOW_VALUE_PREFIX
from bot.replies import AskText, Card, Choice, Choices, Reply
from bot.text import clean, split_command

# The first word of every team-prompt command (bot/commands/table.py maps it to `channel`).
CHANNEL_WORD = "channel"
TURN_ON = "on"


def is_channel_command(text: str) -> bool:
    """`channel ...`: who may change team prompts depends on being a workspace admin."""
    word, _ = split_command(clean(text))
    return word == CHANNEL_WORD


def turns_channel_on(text: str) -> bool:
    """`channel on`: the coach must be able to post in the channel for the weekly prompt."""
    word, args = split_command(clean(text))
    return word == CHANNEL_WORD and args.casefold() == TURN_ON


def is_flow_answer(value: str | None) -> bool:
    """A button answering a guided conversation's question (the coach encodes its step)."""
    return value is not None and value.startswith(FLOW_VALUE_PREFIX)


def _buttons(reply: Reply) -> tuple[Choice, ...]:
    if isinstance(reply, Choices):
        return reply.options
    if isinstance(reply, Card):
        return reply.buttons
    return ()


def replies_are_private(replies: Sequence[Reply]) -> bool:
    """A guided conversation's question: it belongs in the educator's private chat with the
    coach, never in a shared channel."""
    return any(
        isinstance(reply, AskText) or any(is_flow_answer(o.value) for o in _buttons(reply))
        for reply in replies
    )
