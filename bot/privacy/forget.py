"""Erase one educator: destroy their data key, delete every row about them, say how many.

The data key goes first: from that moment every copy of what they wrote, wherever the
database left one (WAL, free pages, dead tuples, backups), is ciphertext no key opens.
Then the rows go, and once the transaction commits bot/storage/scrub.py clears what the
database keeps of deleted rows.
"""

from __future__ import annotations

import logging
from collections import Counter

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.privacy.scope import delete_scope, educator_scope
from bot.storage.data_keys import EducatorKey
from bot.storage.models import Educator
from bot.storage.scrub import scrub_after_commit

log = logging.getLogger("coach.privacy")


def forget_educator(session: Session, educator: Educator) -> Counter[str]:
    """Rows deleted per table. Runs in the caller's transaction (all or nothing).

    The educator object is detached afterwards: nothing later in the same message can
    write it back.
    """
    session.flush()
    destroyed = session.execute(delete(EducatorKey).where(EducatorKey.educator_id == educator.id))
    scope = educator_scope(educator.id, educator.platform, educator.workspace, educator.user_id)
    deleted = delete_scope(session, scope)
    session.expunge_all()
    scrub_after_commit(session)
    log.info(
        "educator_forgotten",
        extra={
            "platform": educator.platform,
            "tables": dict(deleted),
            "data_keys_destroyed": getattr(destroyed, "rowcount", 0),
        },
    )
    return deleted


def forget_address(session: Session, platform: str, workspace: str, user: str) -> Counter[str]:
    """Forget by (platform, workspace, user): for operators; nothing happens if unknown."""
    from bot.privacy.export import find_educator

    educator = find_educator(session, platform, workspace, user)
    if educator is None:
        return Counter()
    return forget_educator(session, educator)
