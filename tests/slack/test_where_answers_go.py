"""Slack keeps what is about the educator alone out of the channel (contract: "Where answers
go"): a slash command's answer is ephemeral (only they see it), a guided question goes to
their DM with an ephemeral pointer; nothing is ever posted for the channel to read.
"""

from __future__ import annotations

import json

import pytest

from bot.routing import Audience, audience
from tests.slack.wire import SlackWire

MARKER = "PRIVATE-9e2b7a"
PERSONAL = [
    "journal",
    "reflect",
    "reflect relational",
    "assess",
    "export",
    "forget",
    "nudges",
    "nudges on",
    f"reframe Those parents never {MARKER} come",
    "can you help me write a note to a parent",
]


async def seed(wire: SlackWire) -> None:
    """A reflection naming a child, so the journal and export have something to leak."""
    await wire.dm("reflect relational")
    await wire.dm(f"{MARKER} Maria's mom came to pickup")
    await wire.dm(f"{MARKER} we talked about her reading")
    await wire.dm("Write my own")
    await wire.dm(f"{MARKER} call Maria's mom Friday")
    wire.fake.clear()


@pytest.mark.parametrize("words", PERSONAL)
async def test_personal_words_in_a_channel_are_answered_privately(
    wire: SlackWire, words: str
) -> None:
    assert audience(words) is Audience.EDUCATOR
    await seed(wire)
    response = await wire.command(words, channel="C1", channel_name="staff")
    ack = await response.text()
    if ack:
        assert json.loads(ack).get("response_type", "ephemeral") == "ephemeral"
    for call in wire.fake.of("chat.postMessage"):
        assert call.args["channel"] == "DU1", call.args  # only ever the educator's DM
    assert all(r["response_type"] == "ephemeral" for r in wire.fake.responses)
    assert wire.fake.of("chat.postMessage") or wire.fake.responses or ack  # it was answered


async def test_export_in_a_channel_reaches_only_the_educator(wire: SlackWire) -> None:
    await seed(wire)
    await wire.command("export", channel="C1", channel_name="staff")
    shown = wire.fake.posted_text()
    assert MARKER in shown  # the data went somewhere...
    assert all(r["response_type"] == "ephemeral" for r in wire.fake.responses)
    assert all(c.args["channel"] == "DU1" for c in wire.fake.of("chat.postMessage"))


@pytest.mark.parametrize("words", ["help", "hi", "channel on", "channel off"])
def test_help_and_channel_words_are_for_the_channel(words: str) -> None:
    assert audience(words) is Audience.CHANNEL


async def test_a_reply_in_a_thread_of_the_dm_is_answered_in_that_thread(wire: SlackWire) -> None:
    # The weekly nudge is a message in the DM; "Reply in thread" under it is how many
    # educators answer it. The answer goes under it too, where they are reading.
    nudge_ts = "1700000050.000001"
    await wire.dm("journal", thread_ts=nudge_ts)
    answer = wire.fake.of("chat.postMessage")[-1].args
    assert answer["channel"] == "DU1" and answer["thread_ts"] == nudge_ts
    assert "journal is empty" in str(answer["blocks"])
    # "Also send to direct message" is the same thread reply, and answered the same way.
    await wire.dm("help", thread_ts=nudge_ts, subtype="thread_broadcast")
    assert wire.fake.of("chat.postMessage")[-1].args["thread_ts"] == nudge_ts
    # A message in the DM itself is answered in the DM itself.
    await wire.dm("journal")
    assert "thread_ts" not in wire.fake.of("chat.postMessage")[-1].args
