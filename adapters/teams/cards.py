"""Reply parts as Teams activities: Adaptive Cards 1.5 for buttons, markdown text otherwise.

A button is an `Action.Submit` whose data carries the coach's `Choice.value` under
`SUBMIT_KEY`; Teams sends the click back as a message activity whose `value` is that
data, which `inbound.py` reads. Action.Submit (not Action.Execute) keeps clicks out of
the invoke path. How options are laid out so none is cut off is `choices.py`'s job.
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from adapters.teams.choices import answered_data, layout
from adapters.teams.escape import inert
from bot.replies import AskText, Card, Choice, Choices, Reply, Text

ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ADAPTIVE_CARD_VERSION = "1.5"
ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"

_BOLD = re.compile(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])")
_CODE = re.compile(r"`([^`\n]+)`")
# Teams reads a line indented by four spaces (or a tab) as a code block.
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
NBSP = "\u00a0"


def _keep_indent(match: re.Match[str]) -> str:
    """Indentation as no-break spaces: still indented, never a code block."""
    return NBSP * len(match.group(0).expandtabs(4))


def teams_markdown(text: str) -> str:
    """The coach's chat markup (`*bold*`, `_italic_`, `code`) in Teams message markdown, with
    any link syntax in it (only ever the educator's words) made inert (escape.py)."""
    text = _INDENT.sub(_keep_indent, inert(text))
    return _BOLD.sub(r"**\1**", text).replace("\n", "\n\n")


def card_markdown(text: str) -> str:
    """Adaptive Card TextBlocks know bold and italic but not code: show code words bold."""
    return _CODE.sub(r"**\1**", teams_markdown(text))


def text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": card_markdown(text), "wrap": True, **style}


def heading(text: str) -> dict[str, Any]:
    """A title screen readers announce as a heading (`style` is Adaptive Cards 1.5)."""
    return text_block(text, style="heading", weight="Bolder", size="Medium")


def adaptive_card(
    body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": ADAPTIVE_CARD_SCHEMA,
        "version": ADAPTIVE_CARD_VERSION,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def question_card(title: str | None, text: str, options: tuple[Choice, ...]) -> dict[str, Any]:
    """A card with its options laid out so that every label can be read whole."""
    body = [heading(title)] if title is not None else []
    body.append(text_block(text))
    elements, actions = layout(options, answered_data(title, text, options))
    return adaptive_card(body + elements, actions)


def copy_card(title: str, copy: str, text: str, options: tuple[Choice, ...]) -> dict[str, Any]:
    """A card whose `copy` can be selected and copied: Teams lets no one select a TextBlock,
    so it sits in a multi-line text box, filled in (editing it changes nothing)."""
    box = {
        "type": "Input.Text",
        "id": "copy",
        "label": title,
        "isMultiline": True,
        "value": copy,
    }
    body = [heading(title), box, text_block(text)]
    elements, actions = layout(options, answered_data(title, text, options))
    return adaptive_card(body + elements, actions)


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
            return card_activity(question_card(None, prompt, options))
        case Card(title=title, body=body, buttons=buttons, copy=copy) if copy:
            return card_activity(copy_card(title, copy, body, buttons))
        case Card(title=title, body=body, buttons=buttons):
            return card_activity(question_card(title, body, buttons))
    raise TypeError(f"unknown reply part {type(reply).__name__}")


def render(replies: list[Reply]) -> list[Activity]:
    """One activity per reply part, in order."""
    return [render_reply(reply) for reply in replies]
