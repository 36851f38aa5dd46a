"""Delete every row about one educator, in every table, and say how many of each went."""

from __future__ import annotations

import logging
from collections import Counter

from sqlalchemy.orm import Session

from bot.privacy.scope import delete_scope, educator_scope
from bot.storage.models import Educator

log = logging.getLogger("coach.privacy")


def forget_educator(session: Session, educator: Educator) -> Counter[str]:
    """Rows deleted per table. Runs in the caller's transaction (all or nothing).

    The educator object is detached afterwards: nothing later in the same message can
    write it back.
    """
    session.flush()
    scope = educator_scope(educator.id, educator.platform, educator.workspace, educator.user_id)
    deleted = delete_scope(session, scope)
    session.expunge_all()
    log.info(
        "educator_forgotten",
        extra={"platform": educator.platform, "tables": dict(deleted)},
    )
    return deleted


def forget_address(session: Session, platform: str, workspace: str, user: str) -> Counter[str]:
    """Forget by (platform, workspace, user): for operators; nothing happens if unknown."""
    from bot.privacy.export import find_educator

    educator = find_educator(session, platform, workspace, user)
    if educator is None:
        return Counter()
    return forget_educator(session, educator)
