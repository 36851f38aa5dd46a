"""Forgetting delivery ids once no platform would retry them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.models import SeenDelivery

# Slack retries for minutes and Teams for less; a week is ample and keeps the table small.
SEEN_DELIVERY_TTL = timedelta(days=7)


def prune_seen_deliveries(sessions: sessionmaker[Session], now: datetime) -> int:
    """Delete delivery ids older than the TTL; returns how many went."""
    with sessions.begin() as session:
        result = session.execute(
            delete(SeenDelivery).where(SeenDelivery.seen_at < now - SEEN_DELIVERY_TTL)
        )
    return int(getattr(result, "rowcount", 0) or 0)
