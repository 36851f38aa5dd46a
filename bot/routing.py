"""What a chat adapter asks the core about a message before and after a turn.

The grammar and the button encoding are the core's; an adapter only asks. Before a turn:
is this text a channel command (so the adapter asks the platform afresh whether the person
is an admin), and does it turn a channel's team prompts on (so it checks it may post
there)? Is this button an answer to a guided conversation's question (one answer however
often it is clicked)? Said in a team channel, is it about the educator alone (contract,
"Where answers go")? After a turn: must these replies stay out of a shared channel?
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from bot.commands.table import is_help_word
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


class Audience(StrEnum):
    """Who an answer is for, when it was asked for in a team channel."""

    CHANNEL = "channel"  # `help` and `channel ...`: the channel may see the answer
    EDUCATOR = "educator"  # everything else: answered only where the educator alone sees it


def audience(text: str, value: str | None = None) -> Audience:
    """Who may see the answer to this, said (or clicked) in a team channel.

    Only `help` (and its friendly words) and `channel ...` are for the channel; anything
    else, a command word, a plain request, an answer to a question, is the educator's own
    (their journal, their reflection, their data), so an unknown is the educator's too.
    Slack renders EDUCATOR as an ephemeral answer or a DM; Teams as the educator's personal
    chat with a one-line pointer left in the channel.
    """
    if is_flow_answer(value):
        return Audience.EDUCATOR
    word, args = split_command(clean(value if value is not None else text))
    if not word or word == CHANNEL_WORD:
        return Audience.CHANNEL
    # `help me write a note` is a plain request (a draft), not the help menu.
    if is_help_word(word) and not (word == "help" and args):
        return Audience.CHANNEL
    return Audience.EDUCATOR


def answer_privately(text: str, value: str | None, replies: Sequence[Reply]) -> bool:
    """Said in a team channel: must the answer go where only the educator sees it?"""
    return audience(text, value) is Audience.EDUCATOR or replies_are_private(replies)


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
