"""Errors an operator can act on, raised at startup and printed as one sentence."""

from __future__ import annotations


class ConfigurationError(Exception):
    """The settings cannot run safely (for example production without a signing secret).

    The message is a complete sentence for the operator: it names the setting and the fix,
    and never contains a secret's value.
    """
