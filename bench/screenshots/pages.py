"""Each scene as a web page: Teams through its adapter's cards, Slack through its Block Kit."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from adapters.slack.blocks import answered_blocks, render_messages
from adapters.teams import cards
from adapters.teams.answered import answered_card
from adapters.teams.choices import ANSWERED_KEY, SUBMIT_KEY, answered_data
from adapters.teams.packing import pack
from bench.screenshots.dialog import ZONE, Scene, Turn
from bot.replies import Card, Choice, Choices, Reply

HERE = Path(__file__).parent
RENDERER = (
    HERE.parents[1]
    / "tests"
    / "teams"
    / "cardcheck"
    / "node_modules"
    / "adaptivecards"
    / "dist"
    / "adaptivecards.min.js"
)
WIDTH = 560  # a Teams or Slack chat column on a laptop

STYLE = """
body { margin: 0; background: %(background)s; font: 14px/1.45 %(font)s; color: #242424; }
.caption { padding: 10px 16px; font-size: 12px; color: #616161; border-bottom: 1px solid #e0e0e0;
           background: #fff; }
#chat { padding: 12px 16px 16px; }
#height { display: none; }
"""

TEAMS_STYLE = """
.row { display: flex; margin: 10px 0; }
.row.you { justify-content: flex-end; }
.bubble { background: #e8ebfa; border-radius: 6px; padding: 8px 12px; max-width: 72%; }
.avatar { flex: none; width: 32px; height: 32px; border-radius: 50%; background: #5b5fc7;
          color: #fff; font-size: 12px; font-weight: 600; display: flex; align-items: center;
          justify-content: center; margin-right: 8px; }
.column { flex: 1; min-width: 0; max-width: 440px; }
.name { font-size: 12px; color: #616161; margin-bottom: 4px; white-space: pre; }
.card { background: #fff; border-radius: 6px; margin-bottom: 6px; overflow: hidden;
        box-shadow: 0 1px 2px rgba(0,0,0,.14); }
.card.text { background: #fff; }
.ac-adaptiveCard { padding: 12px !important; }
.ac-pushButton { cursor: pointer; border: 1px solid #d1d1d1; background: #fff; border-radius: 4px;
                 padding: 5px 12px; font-weight: 600; font-size: 13px; color: #242424;
                 overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ac-input { font-size: 13px; }
code { font-family: Consolas, monospace; background: #f0f0f0; padding: 0 3px; border-radius: 3px; }
"""

SLACK_STYLE = """
.message { display: flex; margin: 14px 0; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; background: #2f6f5e;
          color: #fff; font-size: 13px; font-weight: 700; display: flex; align-items: center;
          justify-content: center; margin-right: 8px; }
.avatar.you { background: #b0568a; }
.who { font-weight: 900; font-size: 15px; }
.badge { font-size: 10px; background: #e8e8e8; color: #616061; border-radius: 2px;
         padding: 1px 3px; margin-left: 4px; vertical-align: 2px; font-weight: 700; }
.time { color: #616061; font-size: 12px; margin-left: 6px; }
.header { font-size: 17px; font-weight: 900; margin: 6px 0 4px; }
.section { margin: 4px 0; white-space: pre-wrap; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.button { border: 1px solid #c4c4c4; border-radius: 4px; padding: 3px 10px; font-weight: 700;
          font-size: 13px; background: #fff; }
.context { color: #616061; font-size: 12px; margin: 4px 0; }
code { font-family: Monaco, Menlo, monospace; font-size: 12px; color: #c01343;
       background: #f6f6f6; border: 1px solid #e0e0e0; border-radius: 3px; padding: 0 3px; }
"""


def _page(title: str, background: str, font: str, style: str, chat: str, scripts: str) -> str:
    base = STYLE % {"background": background, "font": font}
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{base}{style}</style></head><body>"
        f'<div class="caption">{html.escape(title)}</div><div id="chat">{chat}</div>'
        f"{scripts}</body></html>"
    )


def _clock(turn: Turn, with_day: bool) -> str:
    local = turn.at.astimezone(ZoneInfo(ZONE))
    shown = local.strftime("%a %I:%M %p" if with_day else "%I:%M %p")
    return shown.replace(" 0", " ").lstrip("0")


def _options(reply: Reply) -> tuple[str | None, str, tuple[Choice, ...]]:
    if isinstance(reply, Card):
        return reply.title, reply.body, reply.buttons
    if isinstance(reply, Choices):
        return None, reply.prompt, reply.options
    raise TypeError(f"{type(reply).__name__} has no options")


# ---- Teams -----------------------------------------------------------------------------


def teams_cards(turn: Turn) -> list[dict[str, Any]]:
    """What Teams shows for one turn: each reply as the adapter sends it (packed as sent), a
    clicked card as the adapter updates it, and plain messages in a card of their own."""
    activities = []
    for index, reply in enumerate(turn.replies):
        chosen = turn.chosen.get(index)
        if chosen is None:
            activities.append(cards.render_reply(reply))
            continue
        title, text, options = _options(reply)
        data = {SUBMIT_KEY: chosen.value, ANSWERED_KEY: answered_data(title, text, options)}
        answered = answered_card(data)
        assert answered is not None
        activities.append(cards.card_activity(answered))
    shown: list[dict[str, Any]] = []
    for activity in pack(activities):
        if activity.text:
            text = {"type": "TextBlock", "text": activity.text, "wrap": True}
            shown.append({"plain": True, "card": cards.adaptive_card([text])})
        for attachment in activity.attachments or []:
            shown.append({"plain": False, "card": attachment.content})
    return shown


def teams_page(scene: Scene) -> str:
    turns: list[dict[str, Any]] = []
    first_day = scene.turns[0].at.date() if scene.turns else None
    for turn in scene.turns:
        if turn.who == "you":
            turns.append({"who": "you", "text": turn.text})
        else:
            time = _clock(turn, with_day=turn.at.date() != first_day)
            turns.append({"who": "coach", "time": time, "cards": teams_cards(turn)})
    inline = json.dumps(turns).replace("</", "<\\/")
    scripts = (
        f'<script src="{RENDERER.as_uri()}"></script>'
        f"<script>const TURNS = {inline};</script>"
        f'<script src="{(HERE / "teams.js").as_uri()}"></script>'
    )
    title = f"Microsoft Teams, personal chat with Partnership Coach: {scene.caption}"
    font = "'Segoe UI', system-ui, sans-serif"
    return _page(title, "#f5f5f5", font, TEAMS_STYLE, "", scripts)


# ---- Slack -----------------------------------------------------------------------------

_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_([^_\n]+)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")


def mrkdwn(text: str) -> str:
    """Slack's mrkdwn as HTML. Block Kit text is already escaped (&amp; &lt; &gt;)."""
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _BOLD.sub(r"<b>\1</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text)


def _plain(text: str) -> str:
    return html.escape(text)


def _block(block: dict[str, Any]) -> str:
    kind = block["type"]
    if kind == "header":
        return f'<div class="header">{_plain(block["text"]["text"])}</div>'
    if kind == "section":
        return f'<div class="section">{mrkdwn(block["text"]["text"])}</div>'
    if kind == "actions":
        buttons = "".join(
            f'<span class="button">{_plain(e["text"]["text"])}</span>' for e in block["elements"]
        )
        return f'<div class="actions">{buttons}</div>'
    if kind == "context":
        words = " ".join(mrkdwn(e["text"]) for e in block["elements"])
        return f'<div class="context">{words}</div>'
    if kind == "divider":
        return "<hr>"
    raise ValueError(f"no likeness for a {kind} block")


def _answered(blocks: list[dict[str, Any]], chosen: Choice) -> list[dict[str, Any]]:
    """The blocks as Slack shows them after the click: the buttons replaced by the choice."""
    for block in blocks:
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element.get("value") == chosen.value:
                updated = answered_blocks(blocks, element["action_id"], chosen.label)
                return updated if updated is not None else blocks
    return blocks


def _slack_message(who: str, time: str, body: str) -> str:
    if who == "you":
        avatar, name = '<div class="avatar you">Ms</div>', "Ms. Rivera"
        badge = ""
    else:
        avatar, name = '<div class="avatar">PC</div>', "Partnership Coach"
        badge = '<span class="badge">APP</span>'
    return (
        f'<div class="message">{avatar}<div><span class="who">{name}</span>{badge}'
        f'<span class="time">{time}</span>{body}</div></div>'
    )


def slack_page(scene: Scene) -> str:
    parts: list[str] = []
    first_day = scene.turns[0].at.date() if scene.turns else None
    for turn in scene.turns:
        time = _clock(turn, with_day=turn.at.date() != first_day)
        if turn.who == "you":
            said = f'<div class="section">{_plain(turn.text)}</div>'
            parts.append(_slack_message("you", time, said))
            continue
        for message in render_messages(turn.replies):
            blocks = message.blocks
            for chosen in turn.chosen.values():
                blocks = _answered(blocks, chosen)
            parts.append(_slack_message("coach", time, "".join(_block(b) for b in blocks)))
    measure = (
        "<script>const h = document.createElement('pre'); h.id = 'height';"
        "const bottom = document.getElementById('chat').getBoundingClientRect().bottom;"
        "h.textContent = String(Math.ceil(bottom)); document.body.appendChild(h);</script>"
    )
    title = f"Slack, direct message with Partnership Coach (a likeness of Slack): {scene.caption}"
    font = "Lato, 'Helvetica Neue', Arial, sans-serif"
    return _page(title, "#ffffff", font, SLACK_STYLE, "".join(parts), measure)


def page(scene: Scene) -> str:
    return teams_page(scene) if scene.name.startswith("teams") else slack_page(scene)
