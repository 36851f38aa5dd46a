"""Opened data keys kept for a minute, so keeping a message (bot/inbox) skips the educator
look-up and the key's unwrap: the acknowledgement Slack waits for.

Used only to seal, and only together with the key's row: a kept message is inserted only
while the educator's `educator_keys` row still holds the wrapped key the entry was opened
from (bot/inbox/store.py checks it in the same transaction). So an entry that went stale
(the educator forgotten, re-keyed, or their key re-wrapped under a new master key) never
seals anything that is stored: the insert finds no such row and the message takes the
ordinary path, which drops the entry.

Forgetting, in this process: every erasure (forget, retention's deletions and re-keying)
empties every cache in the process when it runs and again once it commits
(bot/storage/scrub.py), and a key opened by a transaction that began before the erasure
committed is not cached afterwards (`epoch`). So no cached key outlives its erasure here.

In another process: its entry lives at most TTL_S (or until that process next keeps a
message from the educator and finds the key gone). Meanwhile it cannot store anything
sealed with it (above), and there is nothing new to read with it: the educator's rows are
deleted with the key. What it could open is the residue the scrub removes (WAL, dead
tuples), which waits for older transactions anyway; a turn in flight holds the same key
for the same reason. TTL_S bounds it.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass

from cryptography.fernet import Fernet

TTL_S = 60.0
MAX_ENTRIES = 4096

Address = tuple[str, str, str]
"""(platform, workspace, user): how a message names its educator."""


@dataclass(frozen=True)
class OpenedKey:
    educator_id: int
    wrapped: str  # as stored in educator_keys, to check it is still the key
    fernet: Fernet
    expires: float  # time.monotonic()


class DataKeyCache:
    """Least recently used first out; thread-safe (turns and keeps run in worker threads)."""

    def __init__(self, ttl_s: float = TTL_S, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._entries: OrderedDict[Address, OpenedKey] = OrderedDict()
        self._lock = threading.Lock()
        self._epoch = 0
        with _registry_lock:
            _every_cache.add(self)

    @property
    def epoch(self) -> int:
        """Read before a transaction opens a key; hand it to `put` after it commits."""
        return self._epoch

    def get(self, address: Address) -> OpenedKey | None:
        with self._lock:
            entry = self._entries.get(address)
            if entry is None:
                return None
            if entry.expires <= time.monotonic():
                del self._entries[address]
                return None
            self._entries.move_to_end(address)
            return entry

    def put(self, address: Address, educator_id: int, wrapped: str, raw: bytes, epoch: int) -> None:
        """Keep a key opened by a transaction that committed; not if an erasure cleared the
        cache since `epoch` was read (the key may be one it destroyed)."""
        entry = OpenedKey(educator_id, wrapped, Fernet(raw), time.monotonic() + self.ttl_s)
        with self._lock:
            if epoch != self._epoch:
                return
            self._entries[address] = entry
            self._entries.move_to_end(address)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def drop(self, address: Address) -> None:
        with self._lock:
            self._entries.pop(address, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._epoch += 1

    def __len__(self) -> int:
        return len(self._entries)


_every_cache: weakref.WeakSet[DataKeyCache] = weakref.WeakSet()
_registry_lock = threading.Lock()


def forget_cached_keys() -> None:
    """An erasure is under way or just committed: every opened key in this process goes."""
    with _registry_lock:
        caches = list(_every_cache)
    for cache in caches:
        cache.clear()
