"""Sending to an educator (or a channel) when they did not just write: the scheduler's port.

Each platform adapter provides a Sender; the scheduler only sees this protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.inbound import Platform
from bot.replies import Reply


@dataclass(frozen=True)
class Address:
    """Where to deliver: an educator's direct chat, or a channel when `conversation` is set."""

    platform: Platform
    workspace: str
    user_id: str
    conversation: str | None = None


class DeliveryOutcome(StrEnum):
    SENT = "sent"
    RETRY = "retry"  # transient: rate limit, 5xx, network; try again later this week
    GONE = "gone"  # permanent: user gone, bot removed, workspace uninstalled


@dataclass(frozen=True)
class DeliveryResult:
    outcome: DeliveryOutcome
    # A short machine-readable reason ("rate_limited", "bot_removed"); never message text.
    reason: str = ""


class Sender(Protocol):
    platform: Platform

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        """Deliver the replies; report the outcome instead of raising."""
        ...
