"""Keeping a platform's message before acknowledging it, and finishing it once answered.

A message is written to the inbox (bot/inbox) before the platform hears 200; its turn runs
(and stores its replies in the row); the row goes once the replies were sent. `in_flight`:
the rows this process is on, which its own sweep leaves alone. What a message holds and how
its turn runs are the platform adapter's; this is the same for Slack and Teams.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from contextlib import AbstractContextManager
from typing import Any

from bot.api import Arrival, CoachAPI, Kept

NOT_KEPT = Kept(row_id=None, duplicate=False)


class PlatformInbox:
    def __init__(self, api: CoachAPI) -> None:
        self.api = api
        self.in_flight: set[int] = set()

    def deadline(self) -> AbstractContextManager[None]:
        """Around keeping and answering: COACH_DB_TIMEOUT_S for both, from the request on."""
        return self.api.storage_deadline()

    async def keep_arrival(self, arrival: Arrival) -> Kept:
        kept = await asyncio.to_thread(self.api.keep, arrival)
        if kept.row_id is not None:
            self.in_flight.add(kept.row_id)
        return kept

    async def finishing(self, row_id: int | None, work: Coroutine[Any, Any, None]) -> None:
        """Run the work (the turn, then sending its replies); then the row goes, whatever
        the platform said (an answer it refused would be refused again). Work stopped midway
        (the process is going away) leaves the row for a sweep."""
        if row_id is None:
            await work
            return
        self.in_flight.add(row_id)
        try:
            await work
        except asyncio.CancelledError:
            self.in_flight.discard(row_id)
            raise
        except Exception:
            await self._finished(row_id)
            raise
        await self._finished(row_id)

    async def _finished(self, row_id: int) -> None:
        await asyncio.to_thread(self.api.finished, row_id)
        self.in_flight.discard(row_id)
