"""What happens when a workspace removes the coach, or adds it back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.inbound import Platform
from bot.storage.models import Educator, Workspace
from bot.weekly.subscriptions import turn_off_for_educators

WORKSPACE_UNINSTALLED = "workspace_uninstalled"  # the reason shown by `nudges`


def mark_workspace_uninstalled(
    session: Session, platform: Platform, workspace: str, now: datetime
) -> None:
    """Record the removal; nudges to it stop, and its data is deleted after the grace period."""
    row = session.scalar(
        select(Workspace).where(
            Workspace.platform == platform.value, Workspace.workspace == workspace
        )
    )
    if row is None:
        session.add(Workspace(platform=platform.value, workspace=workspace, uninstalled_at=now))
    elif row.uninstalled_at is None:
        row.uninstalled_at = now
    educators = select(Educator.id).where(
        Educator.platform == platform.value, Educator.workspace == workspace
    )
    turn_off_for_educators(session, educators, WORKSPACE_UNINSTALLED, now)


def mark_workspace_installed(session: Session, platform: Platform, workspace: str) -> None:
    row = session.scalar(
        select(Workspace).where(
            Workspace.platform == platform.value, Workspace.workspace == workspace
        )
    )
    if row is None:
        session.add(Workspace(platform=platform.value, workspace=workspace, uninstalled_at=None))
    else:
        row.uninstalled_at = None
