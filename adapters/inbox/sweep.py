"""Finishing what a dead process had accepted: every SWEEP_EVERY_S, one platform's inbox rows
whose claim ran out (bot/inbox LEASE) are claimed by this process and restarted by the
platform adapter (`restart`), like new arrivals; a turn that had already answered only
sends its stored replies.

A restarted `coach serve` (or any other one behind the same load balancer) picks them up;
PostgreSQL's SKIP LOCKED gives each row to one process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod

from adapters.inbox.keeper import PlatformInbox
from bot.api import CoachAPI, Unfinished
from bot.inbound import Platform

log = logging.getLogger("coach.inbox")

SWEEP_EVERY_S = 5.0


class Sweep(ABC):
    def __init__(self, api: CoachAPI, platform: Platform, inbox: PlatformInbox) -> None:
        self.api = api
        self.platform = platform
        self.inbox = inbox
        self._stopping = asyncio.Event()

    @abstractmethod
    async def restart(self, unfinished: Unfinished) -> bool:
        """Start the message's turn again (through `inbox.finishing`); False when it cannot
        be run any more (its workspace is gone): the row is then dropped."""

    async def run(self) -> None:
        """Sweep now and every SWEEP_EVERY_S until `stop`."""
        while not self._stopping.is_set():
            await self.sweep()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), SWEEP_EVERY_S)

    def stop(self) -> None:
        """The sweep under way finishes (its database work is not cut off midway); no more."""
        self._stopping.set()

    async def sweep(self) -> int:
        """Start every unfinished message this process claims; how many it started."""
        platform = self.platform.value
        try:
            found = await asyncio.to_thread(self.api.unfinished, self.platform)
        except Exception as exc:
            log.warning(
                "inbox_sweep_failed", extra={"platform": platform, "error": type(exc).__name__}
            )
            return 0
        started = 0
        for unfinished in found:
            if unfinished.row_id in self.inbox.in_flight:
                continue  # slow, not dead: this process is still on it
            if await self.restart(unfinished):
                started += 1
            else:
                await asyncio.to_thread(self.api.finished, unfinished.row_id)
        if started:
            log.info("inbox_recovered", extra={"platform": platform, "messages": started})
        return started
