"""Teams answers first and sends after: the HTTP answer leaves within a second whatever the
turn costs, a long answer (a 30-reflection export) goes in a few messages under Teams' size
limit, paced under its rate limits, and a conversation's turns keep their order."""

from __future__ import annotations

import json
import time

from adapters.teams.pacing import WINDOWS, Pacer
from adapters.teams.packing import MAX_MESSAGE_BYTES
from bot.app import CoachApp
from bot.inbound import Platform
from tests.dialog import Conversation
from tests.teams import activities
from tests.teams.conftest import TeamsChat, card_text

TEAMS_MESSAGE_LIMIT = 28 * 1024
REFLECTIONS = 30


def reflect(educator: Conversation, n: int) -> None:
    """One whole reflection, whatever steps the coach takes (a check-in on the last one)."""
    shown = educator.says("reflect relational")
    for _ in range(8):
        if "Saved to your journal" in shown:
            return
        buttons = educator._buttons()
        if buttons:  # the action step (first suggestion), or a check-in on last week's action
            shown = educator.clicks_value(buttons[0])
        else:
            shown = educator.says(f"Reflection {n}: two parents stayed to chat after school.")
    raise AssertionError(shown)


async def test_a_30_reflection_export_answers_at_once_and_arrives_in_a_few_messages(
    teams: TeamsChat, app: CoachApp
) -> None:
    # The reflections are written through the coach itself, as this Teams educator.
    educator = Conversation(
        app.coach, activities.USER_AAD, platform=Platform.TEAMS, workspace=activities.TENANT
    )
    for n in range(REFLECTIONS):
        reflect(educator, n)
    teams.connector.delay = 0.3  # each send costs the connector 0.3 s

    started = time.monotonic()
    response = await teams.client.post(
        "/api/messages", json=activities.message(teams.connector.url, "export")
    )
    answered = time.monotonic() - started
    assert response.status == 200 and answered < 1.0, answered
    await teams.drain()

    sent = teams.connector.take()
    assert 1 <= len(sent) <= 6, len(sent)
    assert all(len(json.dumps(activity).encode()) < TEAMS_MESSAGE_LIMIT for activity in sent)
    everything = "\n".join(card_text(activity) for activity in sent)
    for n in range(REFLECTIONS):
        assert f"Reflection {n}: two parents" in everything


async def test_a_conversation_is_answered_in_the_order_it_spoke(teams: TeamsChat) -> None:
    teams.connector.delay = 0.05
    markers = {"help": "Hi! I'm Partnership Coach", "journal": "journal is empty"}
    said = ["help", "journal", "journal", "help", "journal"]
    for words in said:  # sent back to back, each answered at once
        response = await teams.client.post(
            "/api/messages", json=activities.message(teams.connector.url, words)
        )
        assert response.status == 200
    await teams.drain()
    replies = [card_text(activity) for activity in teams.connector.take()]
    heard = [words for text in replies for words, marker in markers.items() if marker in text]
    assert heard == said, replies


async def test_the_pacer_keeps_every_window_under_teams_limits() -> None:
    now = [0.0]
    sends: list[float] = []

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    pacer = Pacer(clock=lambda: now[0], sleep=sleep)
    for _ in range(100):
        await pacer.wait("a:conversation")
        sends.append(now[0])
    for span, most in WINDOWS:
        for i, moment in enumerate(sends):
            in_window = [t for t in sends[i:] if t < moment + span]
            assert len(in_window) <= most, (span, most, moment)
    assert sends[-1] < 60.0  # paced, not stalled: 100 sends in under a minute


def test_packing_never_makes_a_message_over_the_limit() -> None:
    from adapters.teams.cards import text_activity
    from adapters.teams.packing import pack

    parts = [text_activity("é" * 1_000) for _ in range(40)]
    packed = pack(parts)
    assert len(packed) < len(parts)
    for activity in packed:
        size = len(json.dumps(activity.text))
        assert size <= MAX_MESSAGE_BYTES
    assert "".join(a.text.replace("\n", "") for a in packed) == "é" * 1_000 * 40
