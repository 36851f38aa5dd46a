"""`coach serve` keeps its connections to Slack alive: an educator's commands, each asking
users.info and answering through its response URL, reach Slack over a connection or two,
not a new one (and a new HTTP session) for every call on the loop that acknowledges Slack."""

from __future__ import annotations

from tests.slack.fake_slack import FakeSlack
from tests.slack.wire import SlackWire


async def test_five_commands_from_five_educators_share_kept_alive_connections(
    wire: SlackWire, fake_slack: FakeSlack
) -> None:
    for n in range(5):
        response = await wire.command("journal", user=f"U{n}")  # waits for the answer
        assert response.status == 200

    calls = [call for call in fake_slack.calls if call.method in ("users.info", "response_url")]
    assert len(calls) >= 10  # each educator looked up once and answered once
    connections = {call.peer for call in calls}
    assert None not in connections
    assert len(connections) <= 2, f"{len(calls)} calls over {len(connections)} connections"
