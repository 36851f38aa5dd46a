"""Conversation references: remembered from every inbound activity, used for proactive sends.

The store owns the Teams table only; whether a tenant has the coach, and who an educator
is, are asked of `CoachAPI`. Synchronous SQLAlchemy, like the rest of the coach's storage:
the async adapter calls these through `asyncio.to_thread`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from adapters.teams.inbound import Where
from adapters.teams.models import PERSONAL, TeamsConversation
from bot.api import CoachAPI
from bot.delivery import Address
from bot.inbound import Platform


@dataclass(frozen=True)
class Remembered:
    row_id: int
    educator_linked: bool
    # False when the activity came from someone other than the personal chat's own educator:
    # the stored address is then left as it was, and never linked to the sender.
    senders_own: bool = True


@dataclass(frozen=True)
class Target:
    """A stored address, ready for `continue_conversation`."""

    row_id: int
    reference: dict[str, Any]
    unreachable: bool


def clean_reference(reference: dict[str, Any], where: Where) -> dict[str, Any]:
    """A reference fit for proactive sends and for storage.

    Drops display names (personal data the coach does not need) and the id of the
    message it came from (a proactive send starts a new message, not a reply in an
    old thread), and keeps the tenant botbuilder's schema drops.
    """
    ref = copy.deepcopy(reference)
    ref.pop("activityId", None)
    for account in ("user", "bot"):
        if isinstance(ref.get(account), dict):
            ref[account].pop("name", None)
    conversation = ref.get("conversation")
    if isinstance(conversation, dict):
        conversation.pop("name", None)
        conversation["id"] = where.conversation_id
        if where.tenant:
            conversation["tenantId"] = where.tenant
    return ref


class ReferenceStore:
    def __init__(self, api: CoachAPI) -> None:
        self.api = api
        self.sessions = api.adapter_sessions

    def remember(
        self, where: Where, service_url: str, reference: dict[str, Any], *, leaving: bool = False
    ) -> Remembered:
        """Insert or refresh the row for this conversation; an active sender is reachable,
        unless the activity itself says the coach is leaving (a removal sent twice)."""
        try:
            return self._remember(where, service_url, reference, leaving)
        except IntegrityError:
            # Install sends two activities at once; the other one created the row (or the
            # tenant's workspace row) first.
            return self._remember(where, service_url, reference, leaving)

    def _remember(
        self, where: Where, service_url: str, reference: dict[str, Any], leaving: bool
    ) -> Remembered:
        now = self.api.now()
        with self.sessions.begin() as session:
            row = self._row(session, where.tenant, where.conversation_id)
            # A new conversation, or one that could not be reached, means the coach is there.
            reachable_again = not leaving and (row is None or row.unreachable_at is not None)
            if row is not None and row.kind == PERSONAL and row.user_id != where.user:
                # Only an educator's own activity may move where their nudges and answers go.
                return Remembered(row_id=row.id, educator_linked=False, senders_own=False)
            if row is None:
                row = TeamsConversation(
                    tenant_id=where.tenant,
                    conversation_id=where.conversation_id,
                    kind=where.kind,
                    user_id=where.user if where.kind == PERSONAL else None,
                    team=where.team,
                    service_url=service_url,
                    reference=reference,
                    updated_at=now,
                )
                session.add(row)
            else:
                if not leaving:
                    row.unreachable_at = None
                    row.unreachable_reason = None
                row.service_url = service_url
                row.reference = reference
                row.team = where.team or row.team
                row.updated_at = now
            session.flush()
            remembered = Remembered(row_id=row.id, educator_linked=row.educator_id is not None)
            back = self._reached_by(session, row) if reachable_again else []
        if reachable_again:
            self.api.workspace_installed(Platform.TEAMS, where.tenant)
            # Added back within the grace period: nothing of theirs is deleted.
            for conversation in back:
                self.api.coach_added_back(
                    Platform.TEAMS,
                    where.tenant,
                    user=conversation.user_id if conversation.kind == PERSONAL else None,
                    channel=conversation.conversation_id if conversation.kind != PERSONAL else None,
                )
        return remembered

    def link_educator(self, row_id: int, tenant: str, user: str) -> None:
        """Tie a personal chat to its educator once the coach has met them."""
        educator_id = self.api.educator_id(Platform.TEAMS, tenant, user)
        if educator_id is None:
            return
        with self.sessions.begin() as session:
            session.execute(
                update(TeamsConversation)
                .where(TeamsConversation.id == row_id, TeamsConversation.kind == PERSONAL)
                .values(educator_id=educator_id)
            )

    def claim_welcome(self, row_id: int) -> bool:
        """True exactly once per conversation: the caller then sends the welcome."""
        with self.sessions.begin() as session:
            result = session.execute(
                update(TeamsConversation)
                .where(TeamsConversation.id == row_id, TeamsConversation.welcomed_at.is_(None))
                .values(welcomed_at=self.api.now())
            )
            return bool(getattr(result, "rowcount", 0) == 1)

    def mark_unreachable(self, row_id: int, reason: str) -> None:
        """A send found the address gone. Once no conversation in a tenant can reach the
        coach, the tenant has removed it."""
        with self.sessions.begin() as session:
            row = session.get(TeamsConversation, row_id)
            if row is None:
                return
            self._unreachable([row], reason)
            tenant = row.tenant_id
            tenant_left = self._tenant_left(session, tenant)
        if tenant_left:
            self.api.workspace_uninstalled(Platform.TEAMS, tenant)

    def removed(self, row_id: int) -> None:
        """The coach was uninstalled from a personal chat, or removed from a chat or a team.

        As when a Slack workspace removes it, what went stops now and its data is deleted
        after the grace period (bot/lifecycle.py): the educator's, for a personal chat; the
        settings of the chat, or of every channel of the team, otherwise.
        """
        with self.sessions.begin() as session:
            row = session.get(TeamsConversation, row_id)
            if row is None:
                return
            gone = self._reached_by(session, row)
            self._unreachable(gone, "uninstalled")
            tenant, user = row.tenant_id, row.user_id if row.kind == PERSONAL else None
            channels = [each.conversation_id for each in gone if each.kind != PERSONAL]
            tenant_left = self._tenant_left(session, tenant)
        if user is not None:
            self.api.educator_removed_coach(Platform.TEAMS, tenant, user)
        self.api.channels_removed_coach(Platform.TEAMS, tenant, channels)
        if tenant_left:
            self.api.workspace_uninstalled(Platform.TEAMS, tenant)

    @staticmethod
    def _reached_by(session: Session, row: TeamsConversation) -> list[TeamsConversation]:
        """The conversations an install or removal here covers: this one, and for a team
        (Teams names the team's General channel) every channel of the team."""
        if row.kind == PERSONAL or not row.team:
            return [row]
        team = session.scalars(
            select(TeamsConversation).where(
                TeamsConversation.tenant_id == row.tenant_id,
                TeamsConversation.team == row.team,
                TeamsConversation.id != row.id,
            )
        ).all()
        return [row, *team]

    def _unreachable(self, rows: list[TeamsConversation], reason: str) -> None:
        now = self.api.now()
        for row in rows:
            row.unreachable_at = now
            row.unreachable_reason = reason[:32]

    @staticmethod
    def _tenant_left(session: Session, tenant: str) -> bool:
        session.flush()
        reachable = session.scalar(
            select(TeamsConversation.id).where(
                TeamsConversation.tenant_id == tenant,
                TeamsConversation.unreachable_at.is_(None),
            )
        )
        return reachable is None

    def target(self, address: Address) -> Target | None:
        """The stored reference for an educator's personal chat, or for a channel."""
        with self.sessions() as session:
            if address.conversation:
                where = and_(TeamsConversation.conversation_id == address.conversation)
            else:
                where = and_(
                    TeamsConversation.user_id == address.user_id,
                    TeamsConversation.kind == PERSONAL,
                )
            row = session.scalars(
                select(TeamsConversation)
                .where(TeamsConversation.tenant_id == address.workspace, where)
                .order_by(TeamsConversation.updated_at.desc())
                .limit(1)
            ).first()
            if row is None:
                return None
            return Target(
                row_id=row.id,
                reference=dict(row.reference),
                unreachable=row.unreachable_at is not None,
            )

    @staticmethod
    def _row(session: Session, tenant: str, conversation_id: str) -> TeamsConversation | None:
        return session.scalar(
            select(TeamsConversation).where(
                TeamsConversation.tenant_id == tenant,
                TeamsConversation.conversation_id == conversation_id,
            )
        )
