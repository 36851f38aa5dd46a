"""How long the coach waits on its database: COACH_DB_TIMEOUT_S, for a connection or a statement.

The server-side settings (libpq `connect_timeout`, `statement_timeout`, TCP keepalives) end
most stalls, but not a connection that is open and silent: a proxy or a half-dead network
path that accepts bytes and never answers. A statement sent there waits forever, holding a
worker thread and a pooled connection. So each PostgreSQL connection is a
`BoundedConnection`, whose every wait for the server (execute, fetch, commit, the pool's
ping) ends after the timeout, or sooner when the turn's own deadline (`turn_deadline`) runs
out; a connection that timed out is closed, so the pool replaces it instead of reusing it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import psycopg

# libpq's shortest connect timeout. With less than that left of the turn the coach does not
# start a connection it could not give up on in time: the turn answers that storage is down
# at once instead of past its deadline (CONNECT_SLACK_S lets a fresh 2 s turn connect).
MIN_CONNECT_S = 2.0
CONNECT_SLACK_S = 0.1
MIN_WAIT_S = 0.01
KEEPALIVE_IDLE_S = 10
KEEPALIVE_INTERVAL_S = 3
KEEPALIVE_COUNT = 3

# The moment (time.monotonic) by which the current turn must be done with the database; None:
# each wait gets the full timeout. Worker threads get a copy of it (asyncio.to_thread).
_deadline: ContextVar[float | None] = ContextVar("coach_db_deadline", default=None)
# False while migrations run: an index build on a large table may rightly take minutes.
_bounded: ContextVar[bool] = ContextVar("coach_db_bounded", default=True)


class DatabaseTimeout(psycopg.OperationalError):
    """The database did not answer within COACH_DB_TIMEOUT_S (the connection was closed)."""


@contextmanager
def turn_deadline(seconds: float) -> Iterator[None]:
    """Everything the database does for one turn, together, within `seconds` (or within an
    enclosing turn's deadline, when that is sooner)."""
    deadline = time.monotonic() + seconds
    enclosing = _deadline.get()
    token = _deadline.set(deadline if enclosing is None else min(enclosing, deadline))
    try:
        yield
    finally:
        _deadline.reset(token)


@contextmanager
def unbounded() -> Iterator[None]:
    """No client-side limit (migrations); the caller lifts statement_timeout on its session."""
    token = _bounded.set(False)
    try:
        yield
    finally:
        _bounded.reset(token)


def remaining(limit: float) -> float | None:
    """How long the next wait may take: the limit, or what is left of the turn; None: no limit."""
    if not _bounded.get():
        return None
    deadline = _deadline.get()
    if deadline is None:
        return limit
    # Never 0: to psycopg's C wait a zero timeout means none at all.
    return max(MIN_WAIT_S, min(limit, deadline - time.monotonic()))


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection that never waits on the server longer than `limit_s`."""

    limit_s: float = 5.0

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        budget = remaining(self.limit_s)
        if timeout is not None:
            budget = timeout if budget is None else min(budget, timeout)
        started = time.monotonic()
        try:
            return super().wait(gen, interval=interval, timeout=budget)
        except psycopg.OperationalError as exc:
            if budget is None or time.monotonic() - started < budget:
                raise
            # Mid-statement, the connection's state is unknown: close it so the pool sees a
            # disconnect and replaces it, rather than reuse (and wait on) it again.
            self.pgconn.finish()
            raise DatabaseTimeout(f"no answer from the database within {budget:.1f} s") from exc


def connect_bounded(limit_s: float, cargs: Any, cparams: dict[str, Any]) -> BoundedConnection:
    """Open a connection within what is left of the turn (at most `limit_s`)."""
    budget = remaining(limit_s)
    if budget is not None:
        if budget < min(MIN_CONNECT_S, limit_s) - CONNECT_SLACK_S:
            raise DatabaseTimeout("no time left in this turn to open a database connection")
        cparams = {**cparams, "connect_timeout": max(int(MIN_CONNECT_S), math.floor(budget))}
    connection = BoundedConnection.connect(*cargs, **cparams)
    connection.limit_s = limit_s
    return connection


def postgres_connect_args(limit_s: float) -> dict[str, Any]:
    """libpq settings: connect and statement timeouts, and keepalives that notice a dead peer."""
    millis = max(1, round(limit_s * 1000))
    return {
        "connect_timeout": max(int(MIN_CONNECT_S), math.ceil(limit_s)),
        "options": f"-c statement_timeout={millis}",
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_S,
        "keepalives_interval": KEEPALIVE_INTERVAL_S,
        "keepalives_count": KEEPALIVE_COUNT,
        # Unacknowledged data on a dead path is given up after the same limit.
        "tcp_user_timeout": millis,
    }
