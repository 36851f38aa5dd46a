"""What "storage is down" means, in one place: the engine and the adapters' stores agree on it."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# DBAPIError: refused, dropped or timed out (COACH_DB_TIMEOUT_S) by the driver or the server;
# PoolTimeout: no pooled connection came free within COACH_DB_TIMEOUT_S.
STORAGE_UNAVAILABLE: tuple[type[Exception], ...] = (DBAPIError, PoolTimeout)


def is_storage_unavailable(error: BaseException) -> bool:
    return isinstance(error, STORAGE_UNAVAILABLE)
