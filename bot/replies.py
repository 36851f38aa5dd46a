"""The narrow outbound vocabulary: every adapter renders these four parts.

Slack renders them as Block Kit, Teams as Adaptive Cards, the terminal as
numbered lines. A channel that cannot show buttons falls back to text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    """One button: the label the educator sees and the value sent back on click."""

    label: str
    value: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Choices:
    """A question answered by picking one option (buttons, or a number in the terminal)."""

    prompt: str
    options: tuple[Choice, ...]


@dataclass(frozen=True)
class Card:
    """A titled block of content with optional buttons (a nudge, a topic, a welcome).

    `copy`: text the educator will copy out whole (a message home): shown apart from the
    body, as plain text that can be selected (Slack: a preformatted block; Teams: a
    read-only text box; the terminal: between rules)."""

    title: str
    body: str
    buttons: tuple[Choice, ...] = field(default_factory=tuple)
    copy: str | None = None


@dataclass(frozen=True)
class AskText:
    """A question answered in the educator's own words."""

    prompt: str


Reply = Text | Choices | Card | AskText


def as_plain_text(reply: Reply) -> str:
    """The fallback rendering for channels without buttons: options become numbered lines."""
    match reply:
        case Text(text=text):
            return text
        case AskText(prompt=prompt):
            return prompt
        case Choices(prompt=prompt, options=options):
            lines = [prompt, *(f"  {i}. {o.label}" for i, o in enumerate(options, 1))]
            return "\n".join(lines)
        case Card(title=title, body=body, buttons=buttons, copy=copy):
            lines = [f"*{title}*", *([copy] if copy else []), body]
            lines += [f"  {i}. {b.label}" for i, b in enumerate(buttons, 1)]
            return "\n".join(lines)
    raise TypeError(f"unknown reply part {reply!r}")
