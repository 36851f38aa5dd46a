"""/coach WORDS over real, signed slash-command requests: every word of the contract answers."""

from __future__ import annotations

import pytest

from tests.slack.wire import SlackWire

WORDS = [
    "help",
    "learn",
    "learn relational",
    "reflect",
    "reflect capabilities",
    "journal",
    "nudges",
    "nudges on",
    "nudges off",
    "nudges day mon",
    "nudges time 07:30",
    "nudges tz America/Chicago",
    "nudges focus relational",
    "nudges focus rotate",
    "nudges pause 2",
    "assess",
    "reframe Those parents never come to anything.",
    "reframe off",
    "export",
    "forget",
    "cancel",
    "channel on",
    "gibberish",
]


@pytest.mark.parametrize("words", WORDS)
async def test_every_word_is_answered(wire: SlackWire, words: str) -> None:
    response = await wire.command(words)
    assert response.status == 200
    acked = await response.text()
    answered = bool(acked.strip()) or wire.fake.responses or wire.fake.of("chat.postMessage")
    assert answered, f"/coach {words} got no answer"


async def test_help_is_answered_inside_the_acknowledgement(wire: SlackWire) -> None:
    response = await wire.command("help")
    body = await response.json()
    assert body["response_type"] == "ephemeral"
    assert body["blocks"][0]["type"] == "header"
    assert "learn" in body["blocks"][1]["text"]["text"]
    # Nothing else happened: no database work, no Slack call beyond Bolt's one auth.test.
    assert [c.method for c in wire.fake.calls] == ["auth.test"]


async def test_learn_a_topic_is_answered_at_once(wire: SlackWire) -> None:
    body = await (await wire.command("learn Relational")).json()
    text = str(body["blocks"])
    assert "Relational" in text and "Source:" in text


async def test_a_channel_answer_is_ephemeral(wire: SlackWire) -> None:
    await wire.command("journal")
    assert wire.fake.responses, "journal answers through the response_url"
    assert all(r["response_type"] == "ephemeral" for r in wire.fake.responses)
    assert "journal is empty" in wire.fake.posted_text()
    assert not wire.fake.of("chat.postMessage")


async def test_a_reflection_started_in_a_channel_continues_in_the_dm(wire: SlackWire) -> None:
    await wire.command("reflect relational", channel="C42")
    opened = wire.fake.of("conversations.open")
    assert opened and opened[0].args["users"] == "U1"
    posts = wire.fake.of("chat.postMessage")
    assert posts and posts[0].args["channel"] == "DU1"
    assert "Question 1 of 2" in str(posts[0].args["blocks"])
    # In the channel, only a private pointer to the DM.
    assert len(wire.fake.responses) == 1
    assert "direct message" in wire.fake.responses[0]["text"]
    assert wire.fake.responses[0]["response_type"] == "ephemeral"


async def test_first_contact_takes_the_time_zone_from_users_info(wire: SlackWire) -> None:
    from sqlalchemy import select

    from bot.storage.models import Educator

    wire.fake.timezones["U7"] = "America/Denver"
    await wire.command("journal", user="U7")
    await wire.command("journal", user="U7")
    assert len(wire.fake.of("users.info")) == 1  # cached after the first time
    with wire.core.sessions() as session:
        educator = session.scalars(select(Educator).where(Educator.user_id == "U7")).one()
    assert educator.timezone == "America/Denver"
    assert educator.workspace == "T0001" and educator.platform == "slack"
