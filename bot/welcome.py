"""The welcome a platform shows when the coach is added: one card, said the same everywhere."""

from __future__ import annotations

from bot import messages
from bot.replies import Card, Choice


def welcome_card(in_channel: bool) -> Card:
    """For one educator's own chat, or (`in_channel`) for a team channel or group chat."""
    body = messages.WELCOME_CHANNEL_BODY if in_channel else messages.WELCOME_BODY
    offered = messages.WELCOME_CHANNEL_BUTTONS if in_channel else messages.WELCOME_BUTTONS
    buttons = tuple(Choice(str(label), value) for label, value in offered)
    return Card(title=str(messages.WELCOME_TITLE), body=str(body), buttons=buttons)
