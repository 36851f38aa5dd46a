"""Finding the educator a message is from, or meeting them: the one get-or-create for it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import Educator
from bot.storage.twins import add_once


def find_or_add_educator(
    session: Session, platform: str, workspace: str, user: str, now: datetime, *, lock: bool
) -> tuple[Educator, bool]:
    """The educator, and whether this call added them. `lock`: held until the transaction
    ends, so one educator's messages are handled one after the other, each seeing what the
    one before saved (SQLite takes one writer at a time anyway)."""
    mine = select(Educator).where(
        Educator.platform == platform, Educator.workspace == workspace, Educator.user_id == user
    )
    if lock:
        mine = mine.with_for_update()
    educator = session.scalar(mine)
    if educator is not None:
        return educator, False
    new = Educator(
        platform=platform,
        workspace=workspace,
        user_id=user,
        timezone=None,
        reframe_offers=True,
        created_at=now,
        last_seen_at=now,
    )
    educator = add_once(session, new, lambda: session.scalar(mine))
    return educator, educator is new
