"""The coach builds Block Kit as plain dicts; slack_sdk's own block classes check them here
(its `to_dict()` raises on anything past Slack's limits) instead of on every message sent."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from adapters.slack.blocks import answered_blocks, home_view, render_messages
from bot.replies import AskText, Card, Choice, Choices, Reply, Text

NUDGE: list[Reply] = [
    Choices(
        "Last week you planned: *call one family* <about> the trip & the forms.",
        (Choice("Done", "checkin 7 done"), Choice("Partly", "checkin 7 partly")),
    ),
    Card(
        "This week: _Relational_ trust",
        "Why it matters.\n\nTry this: greet one family by name.",
        (Choice("Reflect", "reflect relational"), Choice("Not this week", "nudge skip 9")),
    ),
]


def checked_by_slack_sdk(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parsed = [Block.parse(block) for block in blocks]
    return [block.to_dict() for block in parsed if block is not None]


def test_a_nudge_with_its_check_in_is_what_slack_sdk_would_build() -> None:
    (message,) = render_messages(NUDGE)
    assert checked_by_slack_sdk(message.blocks) == message.blocks
    assert [block["type"] for block in message.blocks] == [
        "section",
        "actions",
        "header",
        "section",
        "actions",
    ]


def test_long_words_many_buttons_and_long_labels_stay_within_the_limits() -> None:
    replies: list[Reply] = [
        Text("word " * 2000),
        AskText("What happened?\n\n" + "line\n" * 900),
        Choices("Pick one", tuple(Choice(f"Option {n}", f"pick {n}") for n in range(60))),
        Choices("Which?", (Choice("A label far too long for a button " * 4, "long"),)),
        Card("A *title* " * 30, "", (Choice("Go", "go"),)),
    ] * 6
    messages = render_messages(replies)
    assert len(messages) > 1
    for message in messages:
        assert len(message.blocks) <= 50
        assert checked_by_slack_sdk(message.blocks) == message.blocks


def test_the_home_tab_and_an_answered_question_are_valid_too() -> None:
    cards = [reply for reply in NUDGE if isinstance(reply, Card)] * 3
    view = home_view(cards)
    assert View(**view).to_dict() == view
    (message,) = render_messages(NUDGE)
    answered = answered_blocks(message.blocks, "coach_choice_0", "Done")
    assert answered is not None
    assert checked_by_slack_sdk(answered) == answered
    assert answered[1]["type"] == "context"
