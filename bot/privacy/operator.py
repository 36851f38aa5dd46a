"""What the operator's commands (`coach export`, `coach db rotate-key`) ask of the core.

Each runs in one transaction the core opens, so the command line never holds a session on
the core's tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.privacy.export import build_export, find_educator
from bot.privacy.rotation import RotationReport, rotate_all
from bot.storage.keyring import Keyring


def export_educator(
    sessions: sessionmaker[Session],
    address: tuple[str, str, str],
    keyring: Keyring,
    now: datetime,
) -> dict[str, Any] | None:
    """Everything stored about PLATFORM:WORKSPACE:USER, or None if the coach never met them.

    Raises SealError when stored text cannot be opened with the configured keys.
    """
    with sessions() as session:
        educator = find_educator(session, *address)
        if educator is None:
            return None
        return build_export(session, educator, keyring.for_educator(session, educator), now)


def rotate_stored_keys(sessions: sessionmaker[Session], keyring: Keyring) -> RotationReport:
    """Re-seal every data key (and older values) under the newest key; all or nothing
    (RotationError)."""
    with sessions.begin() as session:
        return rotate_all(session, keyring)
