"""Reply parts to JSON and back, so a turn's answer can wait in the inbox for its sending."""

from __future__ import annotations

import json
from typing import Any

from bot.replies import AskText, Card, Choice, Choices, Reply, Text


def _choices(options: list[dict[str, str]]) -> tuple[Choice, ...]:
    return tuple(Choice(label=o["label"], value=o["value"]) for o in options)


def _part(reply: Reply) -> dict[str, Any]:
    match reply:
        case Text(text=text):
            return {"type": "text", "text": text}
        case AskText(prompt=prompt):
            return {"type": "ask", "prompt": prompt}
        case Choices(prompt=prompt, options=options):
            return {"type": "choices", "prompt": prompt, "options": _options(options)}
        case Card(title=title, body=body, buttons=buttons):
            return {"type": "card", "title": title, "body": body, "buttons": _options(buttons)}
    raise TypeError(f"unknown reply part {type(reply).__name__}")


def _options(options: tuple[Choice, ...]) -> list[dict[str, str]]:
    return [{"label": o.label, "value": o.value} for o in options]


def _reply(part: dict[str, Any]) -> Reply:
    kind = part["type"]
    if kind == "text":
        return Text(part["text"])
    if kind == "ask":
        return AskText(part["prompt"])
    if kind == "choices":
        return Choices(prompt=part["prompt"], options=_choices(part["options"]))
    if kind == "card":
        return Card(title=part["title"], body=part["body"], buttons=_choices(part["buttons"]))
    raise ValueError(f"unknown reply part {kind!r}")


def dump_replies(replies: list[Reply]) -> str:
    return json.dumps([_part(reply) for reply in replies], ensure_ascii=False)


def load_replies(document: str) -> list[Reply]:
    return [_reply(part) for part in json.loads(document)]
