"""Teams turns that run after Teams has its HTTP answer.

Azure Bot Service gives up on a request after about 15 s and shows the educator an error,
while a long answer (an export) is several sends under Teams' rate limits. So the endpoint
answers 200 as soon as the request is authenticated, and the turn (the coach's answer and
its sends through the connector) runs here: one turn at a time per conversation, in the
order the requests arrived, owned so that shutdown (and a test) can wait for all of them.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger("coach.teams")


class TurnQueue:
    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()
        self._locks: dict[str, asyncio.Lock] = {}
        self._queued: Counter[str] = Counter()

    def start(self, conversation: str, turn: Coroutine[Any, Any, None]) -> None:
        """Run `turn` after the turns already queued for `conversation`."""
        self._queued[conversation] += 1
        lock = self._locks.setdefault(conversation, asyncio.Lock())
        task = asyncio.get_running_loop().create_task(self._run(conversation, lock, turn))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _run(
        self, conversation: str, lock: asyncio.Lock, turn: Coroutine[Any, Any, None]
    ) -> None:
        try:
            async with lock:  # asyncio.Lock wakes waiters in the order they came
                await turn
        except Exception as exc:
            # Turn errors go to on_turn_error; what reaches here is the connector set-up.
            # Never log the activity: it holds what an educator wrote.
            log.error("teams_activity_failed", extra={"error": type(exc).__name__})
        finally:
            self._queued[conversation] -= 1
            if self._queued[conversation] <= 0:
                del self._queued[conversation]
                self._locks.pop(conversation, None)

    async def drain(self) -> None:
        """Wait for every turn, including ones started while waiting."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)
