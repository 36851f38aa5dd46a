"""`coach serve` keeps its connections to the Bot Framework connector alive: several
educators' turns reach Teams over a connection or two, not a new connection (and, with
the real connector, a new TLS handshake) for every turn."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from tests.teams import activities
from tests.teams.conftest import TeamsChat
from tests.teams.connector import Connector
from tests.teams.signing import SigningKey
from tests.teams.test_outbound_token import coach as coach
from tests.teams.test_outbound_token import drain, says
from tests.teams.test_outbound_token import login as login


async def test_five_educators_turns_share_kept_alive_connections(
    teams: TeamsChat, connector: Connector
) -> None:
    peers = []
    for n in range(5):
        educator = f"00000000-0000-0000-0000-00000000000{n}"
        status = await teams.post(activities.message(connector.url, "journal", user=educator))
        assert status == 200
        peers.extend(posted.peer for posted in connector.posted)
        connector.posted.clear()

    assert len(peers) >= 5  # each educator answered at least once
    assert None not in peers
    assert len(set(peers)) <= 2, f"{len(peers)} sends over {len(set(peers))} connections"


async def test_with_a_real_token_turns_still_share_connections(
    coach: TestClient[Any, Any], signing_key: SigningKey, connector: Connector
) -> None:
    for text in ("journal", "help", "journal", "nudges", "help"):
        assert await says(coach, signing_key, connector, text) == 200
        await drain(coach)

    peers = [posted.peer for posted in connector.posted]
    assert len(peers) >= 5
    assert all(posted.authorization for posted in connector.posted)  # each carried the token
    assert len(set(peers)) <= 2, f"{len(peers)} sends over {len(set(peers))} connections"
