"""Findings as readable text, the same in chat and on the command line."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

from bot.i18n import _, current_language
from bot.reframe.lexicon import lexicon_in
from bot.reframe.matcher import Finding, general_tip, rewrite_all


def tip_seed(text: str) -> int:
    """The same sentence always gets the same tip, so authors can compare runs."""
    return zlib.crc32(text.encode("utf-8"))


def render_findings(
    text: str, findings: Sequence[Finding], title: Callable[[str], str] = str
) -> str:
    """Each finding with why it matters, the part of the framework it touches, and rewrites."""
    words = lexicon_in(current_language()).messages
    if not findings:
        return f"{words.nothing_found}\n\n{words.tip}: {general_tip(tip_seed(text))}"
    rewritten = any(finding.rewrites for finding in findings)
    lines = [words.found if rewritten else words.found_question]
    for number, finding in enumerate(findings, start=1):
        lines += [
            "",
            f'{number}. "{finding.text}"',
            f"   {words.why}: {finding.why}",
            f"   {words.topic}: {title(finding.topic)} "
            + _("(try `learn {slug}`)").format(slug=finding.topic),
        ]
        # Whole sentences that keep another phrase found say only the new words for this one.
        shown = _fixing_no_other(finding, findings) or list(finding.replacements)
        if shown:
            lines += [f"   {words.rewrites}:", *(f"   - {rewrite}" for rewrite in shown)]
        else:  # found by the fallback model: it cannot know which words to change
            lines.append(f"   {words.question}: {finding.question}")
    if len(findings) > 1:  # each rewrite above fixes one phrase; this one fixes them all
        lines += ["", f"{words.all_together}:", f"   {rewrite_all(text, list(findings))}"]
    return "\n".join(lines)


def _fixing_no_other(finding: Finding, findings: Sequence[Finding]) -> list[str]:
    """The finding's rewrites that keep no other phrase found: with "those kids are animals",
    "Our students are animals" fixes one phrase and repeats the worse one."""
    others = [other.text.casefold() for other in findings if other is not finding]
    return [
        rewrite
        for rewrite in finding.rewrites
        if not any(other in rewrite.casefold() for other in others)
    ]
