"""The `coach chat` subcommand."""

from __future__ import annotations

import argparse
import sys

from adapters.console.chat import run_chat


def chat(args: argparse.Namespace) -> int:
    # Pasted text can hold bytes that are not UTF-8; read them as replacement characters.
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    return run_chat(args.user)
