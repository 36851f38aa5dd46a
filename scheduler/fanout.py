"""Several sender threads for one tick, taking claimed rows from a queue as the tick claims.

A send mostly waits: on the pace (scheduler/pace.py) and on the platform's answer. Threads
overlap those waits; the claim of the next batch overlaps the sends of this one (the queue
holds at most two batches, so no claim waits long on its lease). Each claim is sent once,
by one thread: exactly-once still rests on the ledger (scheduler/send.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from queue import Full, Queue
from types import TracebackType

from scheduler.claim import Claim

log = logging.getLogger("coach.scheduler")

WAIT_S = 0.1  # how often a full queue is looked at again


class Fanout:
    """`with Fanout(send, threads, room) as fanout: fanout.put(claims)`; leaving the block
    waits for every claim put to be sent, then raises the first error a thread met."""

    def __init__(self, send: Callable[[Claim], None], threads: int, room: int) -> None:
        self._send = send
        self._queue: Queue[Claim | None] = Queue(maxsize=max(1, room))
        self._errors: list[BaseException] = []
        self._stopped: BaseException | None = None
        self._threads = [
            threading.Thread(target=self._work, name=f"coach-sender-{n}", daemon=True)
            for n in range(max(1, threads))
        ]

    def __enter__(self) -> Fanout:
        for thread in self._threads:
            thread.start()
        return self

    def put(self, claims: Iterable[Claim]) -> None:
        """Queue claims for the threads; waits while the queue is full."""
        for claim in claims:
            while not self._put(claim):
                pass

    def _put(self, claim: Claim | None) -> bool:
        if self._stopped is not None:  # a thread met the process's end: claim no more
            raise self._stopped
        try:
            self._queue.put(claim, timeout=WAIT_S)
        except Full:
            return False
        return True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for thread in self._threads:  # one stop sign each, after every claim put
            while thread.is_alive() and not self._put_stop():
                pass
        for thread in self._threads:
            thread.join()
        if self._errors and error is None:
            raise self._stopped or self._errors[0]

    def _put_stop(self) -> bool:
        try:
            self._queue.put(None, timeout=WAIT_S)
        except Full:
            return False
        return True

    def _work(self) -> None:
        while (claim := self._queue.get()) is not None:
            try:
                self._send(claim)
            except Exception as exc:  # the row stays claimed or sending; its lease settles it
                log.error("send_failed", extra={"error": type(exc).__name__})
                self._errors.append(exc)
            except BaseException as exc:  # the process is ending: this thread stops here
                self._errors.append(exc)
                self._stopped = exc
                return
