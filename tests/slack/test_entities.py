"""Slack sends `&`, `<` and `>` as HTML entities; the coach stores what the educator typed.

Issue 13: the journal showed `Tom &amp; Jerry`. Decoded once before storing, escaped once
when repeated to Slack.
"""

from __future__ import annotations

from bot.inbound import Inbound, Platform
from bot.replies import as_plain_text
from tests.slack.wire import TEAM, SlackWire


def stored_journal(wire: SlackWire) -> str:
    """The journal as the coach itself reads it (no Slack escaping in between)."""
    inbound = Inbound(platform=Platform.SLACK, workspace=TEAM, user="U1", text="journal")
    return "\n".join(as_plain_text(reply) for reply in wire.core.coach.handle(inbound))


async def test_entities_are_decoded_once_before_storing(wire: SlackWire) -> None:
    await wire.dm("reflect relational")
    # What Slack really sends when an educator types `Tom & Jerry <3` and `a &lt; b`.
    await wire.dm("We watched Tom &amp; Jerry &lt;3 with the families")
    await wire.dm("Their kid wrote a &amp;lt; b on the board")
    await wire.dm("Write my own")
    await wire.dm("Ask about cartoons &amp; more")
    journal = stored_journal(wire)
    assert "Tom & Jerry <3" in journal
    assert "a &lt; b" in journal  # typed literally, kept literally
    assert "Ask about cartoons & more" in journal
    assert "&amp;" not in journal

    wire.fake.clear()
    await wire.dm("journal")
    shown = wire.fake.posted_text()
    assert "Tom &amp; Jerry &lt;3" in shown  # escaped once for mrkdwn: Slack shows Tom & Jerry <3
    assert "a &amp;lt; b" in shown
    assert "&amp;amp;" not in shown
