"""Structured logging: key=value lines in development, JSON lines in production.

Only fields passed in `extra` are written, and call sites never pass what an
educator wrote: events are names, not sentences.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


def _fields(record: logging.LogRecord) -> dict[str, object]:
    return {k: v for k, v in record.__dict__.items() if k not in _STANDARD}


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extras = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        return f"{record.levelname.lower()} {record.name} {record.getMessage()} {extras}".rstrip()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        document: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
            **_fields(record),
        }
        return json.dumps(document, default=str)


def configure_logging(*, quiet: bool = False) -> None:
    """Quiet commands (chat, reframe) log warnings only, so the conversation stays readable."""
    production = os.environ.get("COACH_ENV", "").strip().lower() == "production"
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if production else KeyValueFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    # SQLAlchemy at DEBUG logs result rows, which hold what educators wrote: never below INFO
    # (statements at INFO carry no values: engines hide bound parameters).
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    # Alembic narrates every plugin it loads at INFO on each start; only its problems matter.
    logging.getLogger("alembic").setLevel(logging.WARNING)
