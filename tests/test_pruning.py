"""Delivery ids are kept long enough to catch retries, then forgotten by the daily job."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.models import SeenDelivery
from scheduler.maintenance import run_daily
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_old_delivery_ids_are_pruned_and_recent_ones_still_stop_retries(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("help", message_id="old-delivery")
    clock.advance(days=8)
    educator.says("help", message_id="new-delivery")
    assert run_daily(app, clock.now) == 0
    with app.sessions() as session:
        kept = session.scalars(select(SeenDelivery.delivery_id)).all()
    assert kept == ["new-delivery"]
    assert educator.says("help", message_id="new-delivery") == ""
