"""`reframe TEXT`: a second look at a sentence; `reframe off|on`: offers during reflections.

The sentence is read and answered, never stored or logged.
"""

from __future__ import annotations

from bot import messages
from bot.offers import make_offer, next_message_for
from bot.reframe import Finding, rewrite_all
from bot.reframe.fallback import find_framing
from bot.reframe.render import render_findings
from bot.replies import Reply, Text
from bot.turn import Turn


def handle_reframe(turn: Turn, args: str) -> list[Reply]:
    setting = args.strip().casefold()
    if setting in ("off", "on"):
        turn.educator.reframe_offers = setting == "on"
        return [Text(str(messages.REFRAME_ON if setting == "on" else messages.REFRAME_OFF))]
    if not args.strip():
        make_offer(turn.educator, next_message_for("reframe"), turn.now)
        return [Text(f"{messages.REFRAME_USAGE}\n{messages.REFRAME_SEND_NEXT}")]
    findings = find_framing(args)
    return [Text(render_findings(args, findings, turn.library.title))]


def reframe_offer(
    turn: Turn, already_offered: bool, answer: str, *, told: bool = False
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


def _instead(finding: Finding) -> str:
    return finding.replacements[0] if finding.replacements else finding.rewrites[0]
