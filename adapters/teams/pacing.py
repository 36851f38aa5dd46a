"""Sends to one Teams conversation kept under Teams' limits, so a long answer is not refused.

Teams allows a bot, per conversation, 7 messages a second, 8 in 2 s and 60 in 30 s (and
1,800 an hour, which one answer never nears). `Pacer.wait` holds a send until all three
windows have room; a 429 that still comes is retried by `send_with_retry`.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

WINDOWS = ((1.0, 7), (2.0, 8), (30.0, 60))  # (seconds, most sends) per conversation
LONGEST_S = max(span for span, _ in WINDOWS)
MAX_CONVERSATIONS = 10_000


class Pacer:
    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self._sent: dict[str, deque[float]] = {}

    def _delay(self, sent: deque[float], now: float) -> float:
        while sent and sent[0] <= now - LONGEST_S:
            sent.popleft()
        delay = 0.0
        for span, most in WINDOWS:
            recent = [moment for moment in sent if moment > now - span]
            if len(recent) >= most:
                delay = max(delay, recent[-most] + span - now)
        return delay

    async def wait(self, conversation: str) -> None:
        """Return when one more send to `conversation` is within Teams' limits (and count it)."""
        if conversation not in self._sent and len(self._sent) >= MAX_CONVERSATIONS:
            self._forget_idle()
        sent = self._sent.setdefault(conversation, deque())
        while (delay := self._delay(sent, self.clock())) > 0:
            await self.sleep(delay)
        sent.append(self.clock())

    def _forget_idle(self) -> None:
        cutoff = self.clock() - LONGEST_S
        for conversation in [c for c, sent in self._sent.items() if not sent or sent[-1] <= cutoff]:
            del self._sent[conversation]
