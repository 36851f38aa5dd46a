"""Reply parts as terminal text; the last set of options is numbered so a number picks one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.numbers import parse_small_int
from bot.replies import AskText, Card, Choice, Choices, Reply, Text
from bot.routing import is_flow_answer

_BOLD = re.compile(r"\*([^*\n]+)\*")
_ITALIC = re.compile(r"(?<![\w])_([^_\n]+)_(?![\w])")


def _plain(text: str) -> str:
    """Drop chat markup the terminal cannot show."""
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text)).replace("`", "")


@dataclass
class Rendered:
    text: str
    numbered: list[Choice] = field(default_factory=list)


def _button_hint(choice: Choice) -> str:
    return f"  - {choice.label} (type: {choice.value})"


COPY_RULE = "-" * 40


def render(replies: list[Reply]) -> Rendered:
    last_with_options = max(
        (i for i, r in enumerate(replies) if isinstance(r, Choices | Card) and _options(r)),
        default=-1,
    )
    blocks: list[str] = []
    numbered: list[Choice] = []
    for index, reply in enumerate(replies):
        options = _options(reply)
        match reply:
            case Text(text=text) | AskText(prompt=text):
                lines = [_plain(text)]
            case Choices(prompt=prompt):
                lines = [_plain(prompt)]
            case Card(title=title, body=body, copy=copy):
                lines = [f"== {_plain(title)} =="]
                if copy:  # exactly as written, between rules, to copy
                    lines += [COPY_RULE, copy, COPY_RULE]
                lines.append(_plain(body))
        if index == last_with_options:
            numbered = list(options)
            lines += [f"  {n}. {_plain(o.label)}" for n, o in enumerate(options, 1)]
        else:
            lines += [_button_hint(o) for o in options if not is_flow_answer(o.value)]
        blocks.append("\n".join(lines))
    return Rendered(text="\n\n".join(blocks), numbered=numbered)


def _options(reply: Reply) -> tuple[Choice, ...]:
    if isinstance(reply, Choices):
        return reply.options
    if isinstance(reply, Card):
        return reply.buttons
    return ()


def pick(numbered: list[Choice], typed: str) -> Choice | None:
    """The option a typed number or label names, if any."""
    wanted = typed.strip().casefold()
    number = parse_small_int(wanted)
    if number is not None and 1 <= number <= len(numbered):
        return numbered[number - 1]
    return next((o for o in numbered if o.label.casefold() == wanted), None)
