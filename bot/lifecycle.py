"""What happens when a workspace removes the coach, or adds it back.

Less than a whole workspace can remove it too: one educator (Teams lets each person
uninstall the app) or one channel or chat (removed from a team). Each is a `Removal`:
what it stops, stops now, and its data is deleted after the same grace period
(bot/privacy/retention.py) unless the coach is added back first.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.inbound import Platform
from bot.storage.models import Educator, Removal, Workspace
from bot.storage.twins import add_once
from bot.weekly.subscriptions import turn_off_channels, turn_off_for_educators

WORKSPACE_UNINSTALLED = "workspace_uninstalled"  # the reason shown by `nudges`
EDUCATOR_REMOVED = "coach_removed"  # ...when the educator removed the coach themselves
CHANNEL_REMOVED = "bot_removed"  # the reason shown by `channel`
EDUCATOR = "educator"
CHANNEL = "channel"


def workspace_removed(
    platform: InstrumentedAttribute[str], workspace: InstrumentedAttribute[str]
) -> ColumnElement[bool]:
    """Whether the owner's workspace removed the app: one EXISTS on the workspaces' key, for
    the clock's due query (so a batch needs no look-up of its own)."""
    return (
        exists(select(Workspace.platform))
        .where(
            Workspace.platform == platform,
            Workspace.workspace == workspace,
            Workspace.uninstalled_at.is_not(None),
        )
        .label("workspace_removed")
    )


def mark_workspace_uninstalled(
    session: Session, platform: Platform, workspace: str, now: datetime
) -> None:
    """Record the removal; nudges to it stop, and its data is deleted after the grace period."""
    row = _workspace_row(session, platform, workspace)
    if row.uninstalled_at is None:
        row.uninstalled_at = now
    educators = select(Educator.id).where(
        Educator.platform == platform.value, Educator.workspace == workspace
    )
    turn_off_for_educators(session, educators, WORKSPACE_UNINSTALLED, now)


def mark_workspace_installed(session: Session, platform: Platform, workspace: str) -> None:
    _workspace_row(session, platform, workspace).uninstalled_at = None


def _workspace_row(session: Session, platform: Platform, workspace: str) -> Workspace:
    """The workspace's row, made (installed) if it has none; a twin's when it made it first."""

    def find() -> Workspace | None:
        return session.scalar(
            select(Workspace).where(
                Workspace.platform == platform.value, Workspace.workspace == workspace
            )
        )

    row = find()
    if row is None:
        row = add_once(
            session,
            Workspace(platform=platform.value, workspace=workspace, uninstalled_at=None),
            find,
        )
    return row


def mark_educator_removed(
    session: Session, platform: Platform, workspace: str, user: str, now: datetime
) -> None:
    """One educator removed the coach: their nudges stop; their data goes after the grace."""
    _record_removal(session, platform, workspace, EDUCATOR, user, now)
    educators = select(Educator.id).where(
        Educator.platform == platform.value,
        Educator.workspace == workspace,
        Educator.user_id == user,
    )
    turn_off_for_educators(session, educators, EDUCATOR_REMOVED, now)


def mark_channels_removed(
    session: Session, platform: Platform, workspace: str, channels: list[str], now: datetime
) -> None:
    """The coach left these channels or chats: team prompts stop; their settings go later."""
    for channel in channels:
        _record_removal(session, platform, workspace, CHANNEL, channel, now)
    turn_off_channels(session, platform.value, workspace, channels, CHANNEL_REMOVED, now)


def mark_added_back(
    session: Session, platform: Platform, workspace: str, *, user: str | None, channel: str | None
) -> None:
    """The educator or channel has the coach again: nothing of theirs is deleted."""
    for kind, subject in ((EDUCATOR, user), (CHANNEL, channel)):
        if subject is not None:
            session.execute(
                delete(Removal).where(
                    Removal.platform == platform.value,
                    Removal.workspace == workspace,
                    Removal.kind == kind,
                    Removal.subject == subject,
                )
            )


def _record_removal(
    session: Session, platform: Platform, workspace: str, kind: str, subject: str, now: datetime
) -> None:
    """The first removal date counts: a second removal event does not restart the grace."""

    def find() -> Removal | None:
        return session.scalar(
            select(Removal).where(
                Removal.platform == platform.value,
                Removal.workspace == workspace,
                Removal.kind == kind,
                Removal.subject == subject,
            )
        )

    if find() is None:
        new = Removal(
            platform=platform.value, workspace=workspace, kind=kind, subject=subject, removed_at=now
        )
        add_once(session, new, find)  # a twin event recorded it first: its date counts
