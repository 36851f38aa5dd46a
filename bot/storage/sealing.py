"""Sealing free text before it is stored.

Everything an educator writes passes through a Sealer on its way to and from
the database. The plain sealer stores text as it is; an encrypting sealer
(see COACH_ENCRYPTION_KEY) makes the stored text unreadable without the key.
"""

from __future__ import annotations

from typing import Protocol


class Sealer(Protocol):
    def seal(self, text: str) -> str: ...

    def unseal(self, stored: str) -> str: ...


class PlainSealer:
    """Stores text as written: the default when no encryption key is configured."""

    def seal(self, text: str) -> str:
        return text

    def unseal(self, stored: str) -> str:
        return stored
