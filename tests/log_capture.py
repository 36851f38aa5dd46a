"""Everything the process logs while a test runs, as configured for `coach serve` at DEBUG.

`captured_logs(production=...)` configures logging the way the command line does, in either
format, with COACH_LOG_LEVEL=DEBUG, and then turns every library logger down to DEBUG too
(as an operator chasing a problem might), so a test sees the most the coach could ever log.
"""

from __future__ import annotations

import io
import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

from bot.log_privacy import uninstall_private_records
from bot.logging_setup import JsonFormatter, KeyValueFormatter, configure_logging

LIBRARIES = (
    "slack_bolt",
    "slack_sdk",
    "aiohttp",
    "asyncio",
    "botbuilder",
    "botframework",
    "msrest",
    "sqlalchemy",
    "urllib3",
)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def record_text(record: logging.LogRecord) -> str:
    """All a record holds, however a handler might write it."""
    parts = [
        record.getMessage(),
        repr(record.args),
        repr(record.__dict__),
        record.exc_text or "",
        record.stack_info or "",
        KeyValueFormatter().format(record),
        JsonFormatter().format(record),
    ]
    if record.exc_info and record.exc_info[1] is not None:
        parts.append("".join(traceback.format_exception(*record.exc_info)))
    return "\n".join(parts)


@dataclass
class Captured:
    stream: io.StringIO
    handler: _Records = field(default_factory=_Records)

    @property
    def written(self) -> str:
        return self.stream.getvalue()

    @property
    def records(self) -> list[logging.LogRecord]:
        return self.handler.records

    def leaks(self, marker: str) -> list[str]:
        """Each written line and record that holds the marker (none, when all is well)."""
        lines = [line for line in self.written.splitlines() if marker in line]
        held = [
            f"{r.name}: {r.getMessage()[:200]}" for r in self.records if marker in record_text(r)
        ]
        return lines + held


@contextmanager
def captured_logs(monkeypatch: pytest.MonkeyPatch, *, production: bool) -> Iterator[Captured]:
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    monkeypatch.setenv("COACH_LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("COACH_ENV", "production" if production else "development")
    captured = Captured(io.StringIO())
    configure_logging(stream=captured.stream)
    root.addHandler(captured.handler)
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield captured
    finally:
        uninstall_private_records()
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)
