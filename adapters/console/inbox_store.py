"""The terminal's inbox table, reached through the sessions `CoachAPI` lends adapters.

It stores and hands back sealed payloads by educator id; who the educator is, and what
the payload says, are the caller's business (adapters/console/inbox.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from adapters.console.inbox_table import ConsoleInbox
from bot.api import CoachAPI


class InboxStore:
    def __init__(self, api: CoachAPI) -> None:
        self.sessions = api.adapter_sessions

    def put(self, educator_id: int, sealed_payload: str, at: datetime) -> None:
        with self.sessions.begin() as session:
            session.add(
                ConsoleInbox(educator_id=educator_id, created_at=at, payload=sealed_payload)
            )

    def take_all(self, educator_id: int) -> list[str]:
        """Every sealed payload waiting for the educator, oldest first; removed once taken."""
        with self.sessions.begin() as session:
            rows = session.scalars(
                select(ConsoleInbox)
                .where(ConsoleInbox.educator_id == educator_id)
                .order_by(ConsoleInbox.created_at, ConsoleInbox.id)
            ).all()
            payloads = [row.payload for row in rows]
            for row in rows:
                session.delete(row)
        return payloads
