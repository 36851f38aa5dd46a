"""Cards that read well in Teams: every option whole, headings marked, no stray code blocks,
and a card that was answered shows the answer instead of its buttons."""

from __future__ import annotations

from typing import Any

from adapters.teams.answered import YOU_CHOSE
from adapters.teams.cards import NBSP, render_reply, teams_markdown
from adapters.teams.choices import CHOOSE_TITLE
from bot.replies import Card, Choice, Choices
from tests.teams import activities
from tests.teams.conftest import TeamsChat, card_text
from tests.teams.readability import posted_cards, problems
from tests.teams.reading import options, words

LONG = tuple(
    Choice(label, f"v{i}")
    for i, label in enumerate(
        (
            "Call one family this week just to share something good about their child.",
            "Ask two families what time of day works best for a conversation.",
            "Short one",
        )
    )
)

# Words that make the coach answer with cards, the dialog a new educator goes through.
DIALOG = (
    "help",
    "learn",
    "learn relational",
    "nudges",
    "assess",
    "journal",
    "export",
    "forget",
    "cancel",
    "reflect relational",
    "I greeted every family at pickup on Friday.",
    "Two parents stayed to chat about the science fair.",
)


def _content(reply: Choices | Card) -> dict[str, Any]:
    attachment = render_reply(reply).attachments[0]
    content: dict[str, Any] = attachment.content
    return content


def test_long_options_are_read_whole_in_the_body_with_a_short_button() -> None:
    card = _content(Choices("Pick one small action:", LONG))
    assert problems(card) == []
    shown = words(card)
    for choice in LONG:
        assert f"[{choice.label}]" in shown  # the option's full text, not a cut title
    [choice_set] = [e for e in card["body"] if e["type"] == "Input.ChoiceSet"]
    assert choice_set["style"] == "expanded" and choice_set["wrap"] is True
    assert [o["data"]["coach"] for o in options(card)] == ["v0", "v1", "v2"]
    [action_set] = [e for e in card["body"] if e["type"] == "ActionSet"]
    assert [a["title"] for a in action_set["actions"]] == [str(CHOOSE_TITLE)]


def test_buttons_that_fit_alone_but_not_together_are_stacked() -> None:
    labels = ("Start a reflection", "Learn the framework", "What can you do?")
    card = _content(Choices("Welcome", tuple(Choice(label, label) for label in labels)))
    assert problems(card) == []
    stacked = [e["actions"] for e in card["body"] if e["type"] == "ActionSet"]
    assert [[a["title"] for a in row] for row in stacked] == [[label] for label in labels]
    assert "actions" not in card


def test_short_buttons_share_one_row() -> None:
    card = _content(Choices("How did it go?", (Choice("Done", "d"), Choice("Partly", "p"))))
    assert problems(card) == []
    assert [a["title"] for a in card["actions"]] == ["Done", "Partly"]


def test_a_card_title_is_a_heading() -> None:
    card = _content(Card("This week's nudge", "Trust comes first.", LONG[2:]))
    assert card["body"][0]["style"] == "heading"
    assert problems(card) == []


def test_indentation_never_becomes_a_code_block() -> None:
    converted = teams_markdown("a\n    How it went: x\n\tWhy: y")
    assert converted == f"a\n\n{NBSP * 4}How it went: x\n\n{NBSP * 4}Why: y"
    assert not any(line.startswith((" ", "\t")) for line in converted.split("\n"))


async def test_every_card_of_a_first_conversation_reads_well(teams: TeamsChat) -> None:
    seen = 0
    for text in DIALOG:
        await teams.says(text)
        for card in posted_cards(teams.last):
            seen += 1
            assert problems(card) == [], (text, problems(card))
        for activity in teams.last:
            text_lines = (activity.get("text") or "").split("\n")
            assert not any(line.startswith("    ") for line in text_lines)
    assert seen >= 5


async def test_an_answered_card_is_updated_in_place_without_buttons(teams: TeamsChat) -> None:
    await teams.says("reflect relational")
    await teams.says("I greeted every family at pickup on Friday.")
    await teams.says("Two parents stayed to chat about the science fair.")
    chosen = teams.actions()[0]
    click = activities.submit(teams.connector.url, chosen["data"], user=teams.user)
    click["replyToId"] = "sent-card-7"
    assert await teams.post(click) == 200
    assert "Saved to your journal" in "\n".join(card_text(p) for p in teams.connector.take())

    [update] = teams.connector.updated
    assert update.activity_id == "sent-card-7"
    assert update.conversation == activities.PERSONAL_CONVERSATION
    [card] = posted_cards([update.activity])
    assert problems(card) == []
    assert options(card) == [] and "actions" not in card
    assert not any(e["type"] == "Input.ChoiceSet" for e in card["body"])
    shown = "\n".join(words(card))
    assert "pick one small action" in shown
    assert YOU_CHOSE.format(label=chosen["title"]) in shown


async def test_a_typed_answer_or_a_click_without_a_card_updates_nothing(teams: TeamsChat) -> None:
    await teams.says("help")
    await teams.clicks_data({"coach": "reflect"})  # an old card's data, from before
    await teams.says("cancel")
    assert teams.connector.updated == []


async def test_a_shared_card_in_a_channel_keeps_its_buttons(teams: TeamsChat) -> None:
    await teams.says("help")
    data = teams.action("Start a reflection")["data"]
    click = activities.channel_mention(teams.connector.url, "")
    click.pop("entities", None)
    click["value"] = data
    click["replyToId"] = "sent-card-8"
    assert await teams.post(click) == 200
    assert teams.connector.updated == []
