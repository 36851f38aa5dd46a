"""Several sender threads and one recording thread for one tick.

A send mostly waits: on the pace (scheduler/pace.py) and on the platform's answer. Sender
threads overlap those waits, taking claimed rows from a queue while the tick claims the
next batch (the queue holds at most two batches, so no claim waits long on its lease).
Their answers go to one recording thread, recording whatever has arrived in one
transaction; senders wait when the recorder is behind, so a stopped or killed clock
leaves only a few answers unrecorded (their rows `sending`: settled as interrupted, never
sent again). Each thread keeps one database connection for the tick, from its first send
(one pool checkout and liveness ping, not one per send; none in a tick with nothing due).
Each claim is sent once, by one thread: exactly-once still rests on the ledger
(scheduler/send.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, ExitStack
from functools import partial
from queue import Empty, Full, Queue
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection

from scheduler.claim import Claim
from scheduler.record import Answer

log = logging.getLogger("coach.scheduler")

WAIT_S = 0.1  # how often a full queue is looked at again
MOST_RECORDED_AT_ONCE = 50
ANSWERS_WAITING = 50  # answers sent but not yet being recorded, at most

Item = TypeVar("Item")


class Fanout:
    """`with Fanout(...) as fanout: fanout.put(claims)`; leaving the block waits for every
    claim put to be sent and recorded, then raises the first error a thread met."""

    def __init__(
        self,
        *,
        send: Callable[[Claim, Connection], Answer | None],
        record: Callable[[list[Answer], Connection], None],
        connect: Callable[[], AbstractContextManager[Connection]],
        threads: int,
        room: int,
        group: int = MOST_RECORDED_AT_ONCE,
    ) -> None:
        self._send, self._record, self._connect = send, record, connect
        self._group = max(1, group)
        self._claims: Queue[Claim | None] = Queue(maxsize=max(1, room))
        self._answers: Queue[Answer | None] = Queue(maxsize=ANSWERS_WAITING)
        self._errors: list[BaseException] = []
        self._stopped: BaseException | None = None
        self._senders = [
            threading.Thread(target=self._sending, name=f"coach-sender-{n}", daemon=True)
            for n in range(max(1, threads))
        ]
        # One recorder: it records whatever arrived while it recorded the last group, so
        # groups grow when it falls behind (each group costs a few statements, not each row).
        self._recorders = [
            threading.Thread(target=self._recording, name="coach-recorder", daemon=True)
        ]

    def __enter__(self) -> Fanout:
        for thread in self._recorders:
            thread.start()
        for thread in self._senders:
            thread.start()
        return self

    def put(self, claims: Iterable[Claim]) -> None:
        """Queue claims for the sender threads; waits while the queue is full."""
        for claim in claims:
            while not self._offer(self._claims, claim):
                pass

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for _ in self._senders:  # one stop sign each, after every claim put
            while not self._offer(self._claims, None, stopping=True):
                if not any(thread.is_alive() for thread in self._senders):
                    break  # all stopped early (the process is ending): none to tell
        for thread in self._senders:
            thread.join()
        for _ in self._recorders:  # one each; a recorder stops at the first it takes
            while not self._offer(self._answers, None, stopping=True):
                if not any(thread.is_alive() for thread in self._recorders):
                    break
        for thread in self._recorders:
            thread.join()
        if self._errors and error is None:
            raise self._stopped or self._errors[0]

    def _offer(self, queue: Queue[Item], item: Item, *, stopping: bool = False) -> bool:
        if self._stopped is not None and not stopping:  # the process is ending: no more
            raise self._stopped
        try:
            queue.put(item, timeout=WAIT_S)
        except Full:
            return False
        return True

    def _sending(self) -> None:
        with ExitStack() as stack:  # a connection once there is something to send
            connection: Connection | None = None
            while (claim := self._claims.get()) is not None:
                connection = connection or stack.enter_context(self._connect())
                if not self._guarded(partial(self._sent, claim, connection)):
                    return

    def _sent(self, claim: Claim, connection: Connection) -> None:
        answer = self._send(claim, connection)
        while answer is not None and not self._offer(self._answers, answer, stopping=True):
            if not any(thread.is_alive() for thread in self._recorders):
                return  # no one left to record it: its row stays `sending`

    def _recording(self) -> None:
        with ExitStack() as stack:
            connection: Connection | None = None
            last = False
            while not last:
                answers, last = self._arrived()
                if not answers:
                    continue
                connection = connection or stack.enter_context(self._connect())
                if not self._guarded(partial(self._record, answers, connection)):
                    return

    def _arrived(self) -> tuple[list[Answer], bool]:
        """Whatever answers have arrived (waiting for the first); True once told to stop."""
        first = self._answers.get()
        if first is None:
            return [], True
        answers = [first]
        while len(answers) < self._group:
            try:
                answer = self._answers.get_nowait()
            except Empty:
                break
            if answer is None:
                return answers, True
            answers.append(answer)
        return answers, False

    def _guarded(self, step: Callable[[], None]) -> bool:
        """Run one step; False when the thread must stop (the process is ending)."""
        try:
            step()
        except Exception as exc:  # the rows stay claimed or sending; their lease settles them
            log.error("send_step_failed", extra={"error": type(exc).__name__})
            self._errors.append(exc)
        except BaseException as exc:
            self._errors.append(exc)
            self._stopped = exc
            return False
        return True
