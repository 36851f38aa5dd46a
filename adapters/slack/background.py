"""Work that runs after Slack has its acknowledgement, owned so shutdown (and a test) can
wait for it. A failure is logged by kind only: the request may hold what an educator wrote.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError

from adapters.slack.errors import error_code

log = logging.getLogger("coach.slack")


class BackgroundWork:
    """The tasks in flight; `drain` waits for all of them."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(work, name))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _guarded(self, work: Coroutine[Any, Any, None], name: str) -> None:
        try:
            await work
        except (SlackApiError, SlackClientError) as exc:
            log.warning("slack_call_failed", extra={"work": name, "error": error_code(exc)})
        except Exception as exc:
            # Never log the request: it may hold what an educator wrote.
            log.error("slack_work_failed", extra={"work": name, "error": type(exc).__name__})

    async def drain(self) -> None:
        """Wait for every background task, including ones started while waiting."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)
