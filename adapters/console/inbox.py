"""The terminal's delivery: nudges wait in an inbox until the educator's next `coach chat`."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from typing import Any

from adapters.console.inbox_store import InboxStore
from bot.api import CoachAPI
from bot.delivery import Address, DeliveryOutcome, DeliveryResult
from bot.inbound import Platform
from bot.replies import AskText, Card, Choice, Choices, Reply, Text

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


class ConsoleSender:
    """Keeps the nudge (sealed) for the educator's next terminal session."""

    platform = Platform.CONSOLE

    def __init__(self, api: CoachAPI) -> None:
        self.api = api
        self.inbox = InboxStore(api)

    def deliver(self, address: Address, replies: list[Reply]) -> DeliveryResult:
        payload = json.dumps([_to_json(r) for r in replies], ensure_ascii=False)
        try:
            educator_id = self.api.educator_id(Platform.CONSOLE, address.workspace, address.user_id)
            if educator_id is None:
                return DeliveryResult(DeliveryOutcome.GONE, "user_gone")
            self.inbox.put(educator_id, self.api.seal_for(educator_id, payload), self.api.now())
        except Exception as exc:
            log.warning("console_inbox_failed", extra={"error": type(exc).__name__})
            return DeliveryResult(DeliveryOutcome.RETRY, "storage_error")
        return DeliveryResult(DeliveryOutcome.SENT)


def take_waiting(api: CoachAPI, workspace: str, user: str) -> list[list[Reply]]:
    """Every nudge waiting for this terminal educator, oldest first; removed once taken."""
    educator_id = api.educator_id(Platform.CONSOLE, workspace, user)
    if educator_id is None:
        return []
    waiting: list[list[Reply]] = []
    for sealed in InboxStore(api).take_all(educator_id):
        try:
            waiting.append(
                [_from_json(item) for item in json.loads(api.unseal_for(educator_id, sealed))]
            )
        except Exception as exc:  # unreadable (e.g. a retired key): drop it, say nothing
            log.warning("console_inbox_unreadable", extra={"error": type(exc).__name__})
    return waiting
