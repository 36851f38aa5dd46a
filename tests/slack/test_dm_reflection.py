"""A whole reflection in the educator's DM: typed answers, buttons, a double click, retries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from bot.storage.models import Educator, FlowState, Reflection
from tests.slack.wire import SlackWire, buttons_of, find_button


def last_post(wire: SlackWire) -> dict[str, Any]:
    posts = wire.fake.of("chat.postMessage")
    assert posts, "the coach posted nothing"
    return posts[-1].args | {"ts": f"1700000000.{len(posts):06d}"}


def count(wire: SlackWire, model: Any) -> int:
    with wire.core.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


async def start_and_answer(wire: SlackWire) -> dict[str, Any]:
    await wire.dm("reflect relational")
    assert "Question 1 of 2" in str(last_post(wire)["blocks"])
    await wire.dm("I greeted every family at pickup on Friday.")
    assert "Question 2 of 2" in str(last_post(wire)["blocks"])
    await wire.dm("Two parents stayed to chat about the science fair.")
    message = last_post(wire)
    assert "pick one small action" in str(message["blocks"])
    return message


async def test_a_full_reflection_through_dms_and_buttons(wire: SlackWire) -> None:
    message = await start_and_answer(wire)
    button = buttons_of(message["blocks"])[0]
    response = await wire.click(button, message=message)
    assert response.status == 200
    saved = last_post(wire)
    assert "Saved to your journal" in str(saved["blocks"])
    assert saved["channel"] == "DU1"
    # The answered question now shows the choice instead of live buttons.
    update = wire.fake.of("chat.update")[-1].args
    assert update["ts"] == message["ts"]
    assert "You chose" in str(update["blocks"])
    assert not any(b["type"] == "actions" for b in update["blocks"])
    assert count(wire, Reflection) == 1
    assert count(wire, FlowState) == 0
    await wire.dm("journal")
    assert "not checked in yet" in str(last_post(wire)["blocks"])


async def test_write_my_own_action_in_the_dm(wire: SlackWire) -> None:
    message = await start_and_answer(wire)
    await wire.click(find_button(message["blocks"], "Write my own"), message=message)
    assert "One sentence is plenty" in str(last_post(wire)["blocks"])
    await wire.dm("Send a voice note <b>home</b> & ask about the weekend.")
    text = str(last_post(wire)["blocks"])
    assert "&lt;b&gt;home&lt;/b&gt; &amp; ask" in text  # escaped for Slack's mrkdwn


async def test_a_double_click_advances_once(wire: SlackWire) -> None:
    message = await start_and_answer(wire)
    button = buttons_of(message["blocks"])[0]
    await wire.click(button, message=message)
    posts = len(wire.fake.of("chat.postMessage"))
    second = await wire.click(button, message=message)
    assert second.status == 200
    assert len(wire.fake.of("chat.postMessage")) == posts  # nothing said twice
    assert count(wire, Reflection) == 1


async def test_a_retried_event_is_handled_once(wire: SlackWire) -> None:
    await wire.dm("reflect relational")
    posts = len(wire.fake.of("chat.postMessage"))
    await wire.dm("My first answer", event_id="EvRETRY1")
    assert len(wire.fake.of("chat.postMessage")) == posts + 1
    retry = await wire.event(
        {
            "type": "message",
            "channel": "DU1",
            "channel_type": "im",
            "user": "U1",
            "text": "My first answer",
            "ts": "1700000200.000001",
        },
        event_id="EvRETRY1",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert retry.status == 200
    assert len(wire.fake.of("chat.postMessage")) == posts + 1
    await wire.dm("help")
    assert "Question 2 of 2" in str(last_post(wire)["blocks"])


async def test_edits_file_shares_and_bots_do_not_disturb_a_reflection(wire: SlackWire) -> None:
    await wire.dm("reflect relational")
    posts = len(wire.fake.of("chat.postMessage"))
    await wire.dm("edited", subtype="message_changed")
    await wire.dm("a file", subtype="file_share")
    await wire.dm("I am a bot", bot_id="BOTHER")
    await wire.event({"type": "message", "channel": "C1", "channel_type": "channel", "user": "U1"})
    assert len(wire.fake.of("chat.postMessage")) == posts
    await wire.dm("help")
    assert "Question 1 of 2" in str(last_post(wire)["blocks"])


async def test_ignored_messages_create_no_educator(wire: SlackWire) -> None:
    await wire.dm("hello from a bot", user="U9", bot_id="B9")
    assert count(wire, Educator) == 0


async def test_a_reflection_moves_between_channel_and_dm(wire: SlackWire) -> None:
    await wire.command("reflect relational", channel="C1")
    await wire.dm("first")
    await wire.command("cancel", channel="C1")
    assert "left your reflection" in str(wire.fake.responses[-1]["text"])
    assert count(wire, FlowState) == 0
