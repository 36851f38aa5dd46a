from __future__ import annotations

from tests.slack.wire import SlackWire


async def test_help(wire: SlackWire) -> None:
    response = await wire.command("help")
    assert response.status == 200
    body = await response.json()
    print(body)
    response = await wire.command("journal")
    print(wire.fake.calls)
    assert "journal is empty" in wire.fake.posted_text()
