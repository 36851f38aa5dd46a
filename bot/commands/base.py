"""The shape every command handler has."""

from __future__ import annotations

from collections.abc import Callable

from bot.replies import Reply
from bot.turn import Turn

CommandHandler = Callable[[Turn, str], list[Reply]]
