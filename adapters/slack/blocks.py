"""Reply parts as Block Kit, split to respect Slack's limits.

Limits: 50 blocks per message, 100 in App Home; 3,000 characters per section; 150 per
header; 75 per button label; 25 elements per actions block. Long text is split at
paragraph, then line, then word boundaries; a conversation longer than one message becomes
several messages. The blocks are built as the plain dicts Slack reads: slack_sdk's block
classes would check the same limits again on every message (a tenth of the clock's CPU per
nudge); tests/slack/test_blocks.py has slack_sdk check what these build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count
from typing import Any

from adapters.slack.messages import YOU_CHOSE
from bot.replies import AskText, Card, Choice, Choices, Reply, Text, as_plain_text

MAX_MESSAGE_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_BUTTON_LABEL = 75
MAX_BUTTONS_PER_ROW = 25
MAX_FALLBACK_CHARS = 300
ACTION_PREFIX = "coach_choice_"
ACTION_PATTERN = re.compile(rf"^{ACTION_PREFIX}\d+$")

_MARKUP = re.compile(r"[*_`]")

Block = dict[str, Any]


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


@dataclass(frozen=True)
class SlackMessage:
    """One chat message: notification text and its blocks (already plain dicts)."""

    text: str
    blocks: list[dict[str, Any]]


# A user mention (`<@U123ABC>`, as the team prompts name who turned them on) stays a mention.
_USER_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]{1,20})&gt;")


def escape(text: str) -> str:
    """Slack's three control characters; everything else in mrkdwn is kept as written,
    and so is a user mention."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _USER_MENTION.sub(r"<@\1>", escaped)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_text(text: str, limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut at the gentlest boundary available."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def _sections(text: str) -> list[Block]:
    return [{"type": "section", "text": _mrkdwn(piece)} for piece in split_text(escape(text))]


def _copyable(text: str) -> list[Block]:
    """Text to copy out whole: a preformatted rich-text block, shown exactly as written
    (no markup read into it) and copied in one selection."""
    return [
        {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_preformatted",
                    "elements": [{"type": "text", "text": piece}],
                }
            ],
        }
        for piece in split_text(text, MAX_SECTION_CHARS)
    ]


def _buttons(options: tuple[Choice, ...], ids: count[int]) -> list[Block]:
    rows: list[Block] = []
    for start in range(0, len(options), MAX_BUTTONS_PER_ROW):
        row = options[start : start + MAX_BUTTONS_PER_ROW]
        buttons = [
            {
                "type": "button",
                "text": _plain(_shorten(_MARKUP.sub("", o.label), MAX_BUTTON_LABEL))
                | {"emoji": True},
                "action_id": f"{ACTION_PREFIX}{next(ids)}",
                "value": o.value,
            }
            for o in row
        ]
        rows.append({"type": "actions", "elements": buttons})
    return rows


def _with_long_labels(prompt: str, options: tuple[Choice, ...]) -> tuple[str, tuple[Choice, ...]]:
    """When a label is too long for a button, list the options in full and number the buttons."""
    if all(len(o.label) <= MAX_BUTTON_LABEL for o in options):
        return prompt, options
    listed = "\n".join(f"{i}. {o.label}" for i, o in enumerate(options, 1))
    numbered = tuple(Choice(f"{i}. {o.label}", o.value) for i, o in enumerate(options, 1))
    return f"{prompt}\n{listed}", numbered


def reply_blocks(reply: Reply, ids: count[int]) -> list[Block]:
    match reply:
        case Text(text=text) | AskText(prompt=text):
            return _sections(text)
        case Choices(prompt=prompt, options=options):
            prompt, options = _with_long_labels(prompt, options)
            return [*_sections(prompt), *_buttons(options, ids)]
        case Card(title=title, body=body, buttons=buttons, copy=copy):
            header = {
                "type": "header",
                "text": _plain(_shorten(_MARKUP.sub("", title), MAX_HEADER_CHARS)),
            }
            body, buttons = _with_long_labels(body, buttons)
            copied = _copyable(copy) if copy else []
            return [header, *copied, *(_sections(body) if body else []), *_buttons(buttons, ids)]
    raise TypeError(f"unknown reply part {reply!r}")


def fallback_text(replies: list[Reply]) -> str:
    """The notification line Slack shows where blocks cannot be (and to screen readers)."""
    first = as_plain_text(replies[0]) if replies else ""
    return escape(_shorten(first.replace("\n", " "), MAX_FALLBACK_CHARS))


def render_messages(replies: list[Reply]) -> list[SlackMessage]:
    """The replies as one or more messages of at most 50 blocks each."""
    messages: list[SlackMessage] = []
    current: list[Block] = []
    current_replies: list[Reply] = []
    ids = count()

    def flush() -> None:
        nonlocal current, current_replies
        if current:
            messages.append(SlackMessage(text=fallback_text(current_replies), blocks=current))
        current, current_replies = [], []

    for reply in replies:
        blocks = reply_blocks(reply, ids)
        if current and len(current) + len(blocks) > MAX_MESSAGE_BLOCKS:
            flush()
        while len(blocks) > MAX_MESSAGE_BLOCKS:
            current, current_replies = blocks[:MAX_MESSAGE_BLOCKS], [reply]
            blocks = blocks[MAX_MESSAGE_BLOCKS:]
            flush()
        current += blocks
        current_replies.append(reply)
    flush()
    return messages


def home_view(cards: list[Card]) -> dict[str, Any]:
    """The App Home tab: each card a header, its text and its buttons, divided."""
    ids = count()
    blocks: list[Block] = []
    for index, card in enumerate(cards):
        if index:
            blocks.append({"type": "divider"})
        blocks += reply_blocks(card, ids)
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[:MAX_HOME_BLOCKS]
    return {"type": "home", "blocks": blocks}


def answered_blocks(
    blocks: list[dict[str, Any]], action_id: str, label: str
) -> list[dict[str, Any]] | None:
    """The message's blocks with the clicked row of buttons replaced by what was chosen.

    None when the clicked button is not in these blocks (the message changed meanwhile).
    """
    for index, block in enumerate(blocks):
        if block.get("type") != "actions":
            continue
        if any(e.get("action_id") == action_id for e in block.get("elements", [])):
            chosen = {
                "type": "context",
                "elements": [_mrkdwn(escape(YOU_CHOSE.format(label=label)))],
            }
            return [*blocks[:index], chosen, *blocks[index + 1 :]]
    return None
