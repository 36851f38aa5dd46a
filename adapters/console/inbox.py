"""The terminal's delivery: nudges wait in an inbox until the educator's next `coach chat`."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from adapters.console.inbox_table import ConsoleInbox
from bot.delivery import Address, DeliveryOutcome, DeliveryResult
from bot.engine import Clock
from bot.inbound import Platform
from bot.replies import AskText, Card, Choice, Choices, Reply, Text
from bot.storage.models import Educator
from bot.storage.sealing import Sealer

log = logging.getLogger("coach.console")


def _to_json(reply: Reply) -> dict[str, Any]:
    return {"kind": type(reply).__name__, **asdict(reply)}


def _from_json(data: dict[str, Any]) -> Reply:
    kind = data.pop("kind")
    if kind == "Text":
        return Text(**data)
    if kind == "AskText":
        return AskText(**data)
    if kind == "Choices":
        return Choices(data["prompt"], tuple(Choice(**o) for o in data["options"]))
    if kind == "Card":
        buttons = tuple(Choice(**b) for b in data["buttons"])
        return Card(data["title"], data["body"], buttons)
    raise ValueError(f"unknown reply kind {kind!r}")


def _educator(session: Session, address: Address) -> Educator | None:
    return session.scalar(
        select(Educator).where(
            Educator.platform == Platform.CONSOLE.value,
            Educator.workspace == address.workspace,
            Educator.user_id == address.user_id,
        )
    )


class ConsoleSender:
    """Keeps the nudge (sealed) for the educator's next terminal session."""

    platform = Platform.CONSOLE

    def __init__(self, sessions: sessionmaker[Session], sealer: Sealer, clock: Clock) -> None:
        self.sessions = sessions
        self.sealer = sealer
        self.clock = clock

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        payload = json.dumps([_to_json(r) for r in replies], ensure_ascii=False)
        try:
            with self.sessions.begin() as session:
                educator = _educator(session, address)
                if educator is None:
                    return DeliveryResult(DeliveryOutcome.GONE, "user_gone")
                session.add(
                    ConsoleInbox(
                        educator_id=educator.id,
                        created_at=self.clock(),
                        payload=self.sealer.seal(payload),
                    )
                )
        except Exception as exc:
            log.warning("console_inbox_failed", extra={"error": type(exc).__name__})
            return DeliveryResult(DeliveryOutcome.RETRY, "storage_error")
        return DeliveryResult(DeliveryOutcome.SENT)


def take_waiting(
    sessions: sessionmaker[Session], sealer: Sealer, workspace: str, user: str
) -> list[list[Reply]]:
    """Every nudge waiting for this terminal educator, oldest first; removed once taken."""
    waiting: list[list[Reply]] = []
    with sessions.begin() as session:
        address = Address(Platform.CONSOLE, workspace, user)
        educator = _educator(session, address)
        if educator is None:
            return []
        rows = session.scalars(
            select(ConsoleInbox)
            .where(ConsoleInbox.educator_id == educator.id)
            .order_by(ConsoleInbox.created_at, ConsoleInbox.id)
        ).all()
        for row in rows:
            try:
                waiting.append(
                    [_from_json(item) for item in json.loads(sealer.unseal(row.payload))]
                )
            except Exception as exc:  # unreadable (e.g. a retired key): drop it, say nothing
                log.warning("console_inbox_unreadable", extra={"error": type(exc).__name__})
            session.delete(row)
    return waiting
