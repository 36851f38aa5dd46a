"""`reframe TEXT`: a second look at a sentence; `reframe off|on`: offers during reflections.

The sentence is read and answered, never stored or logged.
"""

from __future__ import annotations

import re

from bot import messages
from bot.offers import make_offer, next_message_for
from bot.reframe import Finding, rewrite_all
from bot.reframe.fallback import find_framing
from bot.reframe.render import render_findings
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.understanding.normalise import for_matching, words


def handle_reframe(turn: Turn, args: str) -> list[Reply]:
    setting = args.strip().casefold()
    if setting in ("off", "on"):
        turn.educator.reframe_offers = setting == "on"
        return [Text(str(messages.REFRAME_ON if setting == "on" else messages.REFRAME_OFF))]
    if not args.strip():
        make_offer(turn.educator, next_message_for("reframe"), turn.now)
        return [Text(f"{messages.REFRAME_USAGE}\n{messages.REFRAME_SEND_NEXT}")]
    findings = find_framing(args)
    reported = _what_someone_said(args) if not findings else None
    said_to_you = find_framing(reported) if reported is not None else []
    if reported is not None and said_to_you:
        # "My principal says our Latino families don't care about school": what someone else
        # said, read on its own (the one who reports it is not using it, so it had been
        # "I did not find deficit framing"), and a way to answer it.
        rendered = render_findings(reported, said_to_you, turn.library.title)
        return [
            Text(f"{messages.REFRAME_SAID_TO_YOU}\n\n{rendered}\n\n{messages.REFRAME_ANSWER_IT}")
        ]
    return [Text(render_findings(args, findings, turn.library.title))]


# What was said, in quotes ("...told me “these parents just don't value education”") or
# after the words that report it ("my principal says our families don't care").
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{8,})[\"“”«»]")
_REPORTED = re.compile(
    r"\b(?:says|said|told me|tells me|thinks|thought|keeps saying|kept saying|claims|claimed|"
    r"insisted|wrote|dice que|dijo que|me dijo que|piensa que|cree que)\b[\s:,]*(?:that\s+)?",
    re.IGNORECASE,
)


def _what_someone_said(text: str) -> str | None:
    quoted = _QUOTED.search(text)
    if quoted is not None:
        return quoted[1].strip()
    reported = _REPORTED.search(text)
    if reported is None or not text[reported.end() :].strip():
        return None
    return text[reported.end() :].strip()


def reframe_offer(
    turn: Turn, already_offered: bool, answer: str, *, told: bool = False, asked: str | None = None
) -> Text | None:
    """One gentle note on wording for a free-text answer, if wanted and not yet given. It
    names every framing found in the answer, each with its rewrite, in one message. `told`:
    said outside a conversation, where nothing is saved and nothing goes on after it."""
    if already_offered or not turn.educator.reframe_offers:
        return None
    findings = find_framing(answer)
    if not findings:
        return None
    if len(findings) == 1 and not findings[0].replacements:  # no pattern named it: a question
        general = findings[0]
        if asked is not None and _echoes(general.text, asked):
            return None  # "the hargroves, always problems" to "...only contacted about problems"
        asks = messages.REFRAME_TOLD_QUESTION if told else messages.REFRAME_OFFER_QUESTION
        return Text(asks.format(phrase=general.text, why=general.why, question=general.question))
    if len(findings) == 1:
        first = findings[0]
        offer = messages.REFRAME_TOLD if told else messages.REFRAME_OFFER
        return Text(offer.format(phrase=first.text, why=first.why, instead=_instead(first)))
    many = messages.REFRAME_TOLD_MANY if told else messages.REFRAME_OFFER_MANY
    lines = [many.format(why=findings[0].why)]
    lines += [
        messages.REFRAME_OFFER_LINE.format(phrase=finding.text, instead=_instead(finding))
        for finding in findings
    ]
    together = rewrite_all(answer, findings)
    lines.append(messages.REFRAME_OFFER_TOGETHER.format(sentence=together))
    lines.append(str(messages.REFRAME_TOLD_END if told else messages.REFRAME_OFFER_END))
    return Text("\n".join(lines))


# Words that only weight what they stand beside ("always problems").
_WEIGHTS = frozenset(["always", "never", "just", "only", "really", "very", "still", "even"])


def _echoes(found: str, asked: str) -> bool:
    """Every word of weight the general finding has is the question's own."""
    said = {word for word in words(for_matching(found)) if len(word) > 3} - _WEIGHTS
    return bool(said) and said <= set(words(for_matching(asked)))


def _instead(finding: Finding) -> str:
    return finding.replacements[0] if finding.replacements else finding.rewrites[0]
