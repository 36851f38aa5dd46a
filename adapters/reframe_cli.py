"""`coach reframe TEXT [--json]`: asset-based coaching on one sentence, for content authors.

Prints what it found (or a tip when nothing was found) and never logs the sentence.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from bot.reframe import Finding
from bot.reframe.fallback import find_framing
from bot.reframe.render import render_findings


def render_text(text: str, findings: Sequence[Finding]) -> str:
    """The findings as readable lines for a terminal."""
    return render_findings(text, findings)


def render_json(text: str, findings: Sequence[Finding]) -> str:
    """The findings as one JSON document: {"text": ..., "findings": [...]}."""
    document = {"text": text, "findings": [finding.to_dict() for finding in findings]}
    return json.dumps(document, ensure_ascii=False, indent=2)


def run_reframe(text: str, as_json: bool) -> int:
    """Reframe one sentence and print the result; the exit code is 0."""
    findings = find_framing(text)
    print(render_json(text, findings) if as_json else render_text(text, findings))
    return 0


def reframe_command(args: argparse.Namespace) -> int:
    """Entry point for adapters/cli.py: `text` may arrive as several words."""
    words = args.text
    text = " ".join(words) if isinstance(words, list) else str(words)
    return run_reframe(text, as_json=bool(getattr(args, "json", False)))
