"""A new educator's messages arriving all at once (a double tap, a flaky network resending):
each is carried out and answered, none is told the storage is down, and they share one
educator and one subscription. Before, the messages raced to create the subscription and the
losers' commands were dropped (12-13 of 40 on SQLite)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from bot.messages import SOMETHING_WENT_WRONG, STORAGE_DOWN
from bot.storage.models import Educator
from bot.weekly.models import Subscription
from tests.slack.wire import SlackWire

AT_ONCE = 40


async def test_forty_commands_at_once_from_a_new_educator_are_each_answered(
    wire: SlackWire,
) -> None:
    said = ["nudges on" if n % 2 else "nudges tz America/Chicago" for n in range(AT_ONCE)]

    answers = await asyncio.gather(
        *(wire.command(text, user="UNEW", channel="DUNEW") for text in said)
    )

    assert all(answer.status == 200 for answer in answers)
    replies = [str(response.get("text") or "") for response in wire.fake.responses]
    assert len(replies) == AT_ONCE, "every command is answered"
    assert not [r for r in replies if r in (str(STORAGE_DOWN), str(SOMETHING_WENT_WRONG))]
    assert sum(r.startswith("Weekly nudges are on.") for r in replies) == 1
    assert sum(r.startswith("Weekly nudges are already on.") for r in replies) == AT_ONCE // 2 - 1
    assert sum(r.startswith("Time zone set to America/Chicago.") for r in replies) == AT_ONCE // 2
    with wire.core.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Educator)) == 1
        subscription = session.scalars(select(Subscription)).one()
    assert subscription.enabled
    assert subscription.timezone == "America/Chicago"
