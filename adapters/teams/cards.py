"""Reply parts as Teams activities: Adaptive Cards 1.5 for buttons, markdown text otherwise.

A button is an `Action.Submit` whose data carries the coach's `Choice.value` under
`SUBMIT_KEY`; Teams sends the click back as a message activity whose `value` is that
data, which `inbound.py` reads. Action.Submit (not Action.Execute) keeps clicks out of
the invoke path.
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from bot.replies import AskText, Card, Choice, Choices, Reply, Text

ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ADAPTIVE_CARD_VERSION = "1.5"
ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
SUBMIT_KEY = "coach"

_BOLD = re.compile(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])")
_CODE = re.compile(r"`([^`\n]+)`")


def teams_markdown(text: str) -> str:
    """The coach's chat markup (`*bold*`, `_italic_`, `code`) in Teams message markdown."""
    return _BOLD.sub(r"**\1**", text).replace("\n", "\n\n")


def card_markdown(text: str) -> str:
    """Adaptive Card TextBlocks know bold and italic but not code: show code words bold."""
    return _CODE.sub(r"**\1**", teams_markdown(text))


def _text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": card_markdown(text), "wrap": True, **style}


def _submit(choice: Choice) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": choice.label, "data": {SUBMIT_KEY: choice.value}}


def adaptive_card(body: list[dict[str, Any]], buttons: tuple[Choice, ...]) -> dict[str, Any]:
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": ADAPTIVE_CARD_SCHEMA,
        "version": ADAPTIVE_CARD_VERSION,
        "body": body,
    }
    if buttons:
        card["actions"] = [_submit(choice) for choice in buttons]
    return card


def card_activity(card: dict[str, Any]) -> Activity:
    return Activity(
        type=ActivityTypes.message,
        attachments=[Attachment(content_type=ADAPTIVE_CARD_TYPE, content=card)],
    )


def text_activity(text: str) -> Activity:
    return Activity(type=ActivityTypes.message, text=teams_markdown(text), text_format="markdown")


def render_reply(reply: Reply) -> Activity:
    match reply:
        case Text(text=text) | AskText(prompt=text):
            return text_activity(text)
        case Choices(prompt=prompt, options=options):
            return card_activity(adaptive_card([_text_block(prompt)], options))
        case Card(title=title, body=body, buttons=buttons):
            heading = _text_block(title, weight="Bolder", size="Medium")
            return card_activity(adaptive_card([heading, _text_block(body)], buttons))
    raise TypeError(f"unknown reply part {type(reply).__name__}")


def render(replies: list[Reply]) -> list[Activity]:
    """One activity per reply part, in order."""
    return [render_reply(reply) for reply in replies]
