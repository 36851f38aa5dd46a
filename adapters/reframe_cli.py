"""`coach reframe TEXT [--json]`: asset-based coaching on one sentence, for content authors.

Prints what it found (or a tip when nothing was found) and never logs the sentence.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Sequence

from bot.reframe import Finding, default_lexicon, find_deficit_framing, general_tip


def _tip_seed(text: str) -> int:
    # The same sentence always gets the same tip, so authors can compare runs.
    return zlib.crc32(text.encode("utf-8"))


def render_text(text: str, findings: Sequence[Finding]) -> str:
    """The findings as readable lines for a terminal."""
    messages = default_lexicon().messages
    if not findings:
        tip = general_tip(_tip_seed(text))
        return f"{messages.nothing_found}\n\n{messages.tip}: {tip}"
    lines = [messages.found]
    for number, finding in enumerate(findings, start=1):
        lines.append("")
        lines.append(f'{number}. "{finding.text}"')
        lines.append(f"   {messages.why}: {finding.why}")
        lines.append(f"   {messages.topic}: {finding.topic} (try `learn {finding.topic}`)")
        lines.append(f"   {messages.rewrites}:")
        lines.extend(f"   - {rewrite}" for rewrite in finding.rewrites)
    return "\n".join(lines)


def render_json(text: str, findings: Sequence[Finding]) -> str:
    """The findings as one JSON document: {"text": ..., "findings": [...]}."""
    document = {"text": text, "findings": [finding.to_dict() for finding in findings]}
    return json.dumps(document, ensure_ascii=False, indent=2)


def run_reframe(text: str, as_json: bool) -> int:
    """Reframe one sentence and print the result; the exit code is 0."""
    findings = find_deficit_framing(text)
    print(render_json(text, findings) if as_json else render_text(text, findings))
    return 0


def reframe_command(args: argparse.Namespace) -> int:
    """Entry point for adapters/cli.py: `text` may arrive as several words."""
    words = args.text
    text = " ".join(words) if isinstance(words, list) else str(words)
    return run_reframe(text, as_json=bool(getattr(args, "json", False)))
