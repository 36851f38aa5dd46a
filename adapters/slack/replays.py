"""What Slack may POST to /slack/events, checked before the signature is even needed, and
signed requests seen before.

Slack signs `v0:<timestamp>:<body>` and Bolt refuses a timestamp older than 300 s, but within
those 300 s the same signed request posted again (a replay, or a proxy's retry) passes the
signature check a second time. A signature with its timestamp names one request, so the
second arrival of that pair is acknowledged and not answered. Slash commands also carry
the pair into the coach as their delivery id (`delivery_id`), which the coach de-duplicates
in its database, so several `coach serve` processes answer a replay once between them.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
# Slash commands and interactivity are form-encoded; the Events API is JSON.
ACCEPTED_TYPES = frozenset({FORM, JSON})
DELIVERY_ID = "coach_delivery_id"  # the key in Bolt's context that carries `delivery_id`
WINDOW_S = 300.0  # Slack's (and Bolt's) limit on a request's age
MAX_REMEMBERED = 100_000  # about 10 MB at most; far above any school's five minutes of traffic


def wrong_shape(content_type: str, body: str) -> bool:
    """A body its Content-Type does not describe: Bolt would read a JSON body sent as a form
    (it sniffs a leading brace), so such a request is refused before anything reads it."""
    if content_type not in ACCEPTED_TYPES:
        return True
    return content_type == FORM and body.lstrip().startswith(("{", "["))


def delivery_id(timestamp: str, signature: str) -> str:
    """One signed request's name: short, and no use to anyone who reads it."""
    digest = hashlib.sha256(f"{timestamp}:{signature}".encode()).hexdigest()[:40]
    return f"signed:{digest}"


class ReplayGuard:
    """Signed requests seen in the last WINDOW_S seconds, in this process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """True the first time `key` arrives within the window (and remembers it)."""
        now = self.clock()
        while self._seen and (
            next(iter(self._seen.values())) < now - WINDOW_S or len(self._seen) >= MAX_REMEMBERED
        ):
            self._seen.popitem(last=False)
        if key in self._seen:
            return False
        self._seen[key] = now
        return True

    def forget(self, key: str) -> None:
        """The request was refused (a bad signature): its pair names nothing Slack sent."""
        self._seen.pop(key, None)
