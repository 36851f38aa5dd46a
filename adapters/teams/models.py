"""Where the coach can reach a Teams conversation later: one row per conversation.

Teams needs a stored conversation reference (service URL, conversation, bot and
user accounts) to send a proactive nudge. The row is refreshed from every inbound
activity, so the latest service URL wins, and it remembers whether the welcome was
sent and whether the address still works.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime

PERSONAL = "personal"
CHANNEL = "channel"
GROUP_CHAT = "groupChat"


class TeamsConversation(Base):
    """A personal chat (per educator) or a team channel / group chat the bot is in."""

    __tablename__ = "teams_conversations"
    __table_args__ = (
        UniqueConstraint("tenant_id", "conversation_id"),
        Index("ix_teams_conversations_tenant_user", "tenant_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(128))
    # For a channel: the channel's id without any ";messageid=" thread suffix.
    conversation_id: Mapped[str] = mapped_column(String(512))
    kind: Mapped[str] = mapped_column(String(16))
    # For a channel: its team (channelData.team.id), so removing the coach from the team
    # reaches every channel of it.
    team: Mapped[str | None] = mapped_column(String(512), index=True)
    # The educator's id as the coach knows them (aadObjectId, else the Teams user id);
    # set for personal chats only.
    user_id: Mapped[str | None] = mapped_column(String(128))
    # Set once the educator has talked to the coach; deleting them deletes their address.
    educator_id: Mapped[int | None] = mapped_column(
        ForeignKey("educators.id", ondelete="CASCADE"), index=True
    )
    service_url: Mapped[str] = mapped_column(String(512))
    # TurnContext.get_conversation_reference(...).serialize(), without display names.
    reference: Mapped[dict[str, Any]] = mapped_column(JSON)
    welcomed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    unreachable_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    unreachable_reason: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
