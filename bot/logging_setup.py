"""Structured logging: key=value lines in development, JSON lines in production.

Only the coach's own events are written with their fields, and call sites never pass what an
educator wrote: events are names, not sentences. Every record from every logger, libraries
included, is made private as it is created (bot/log_privacy.py), whatever the level.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.log_privacy import EXCEPTION_ATTR, SOURCE_ATTR, install_private_records, is_own
from bot.log_privacy import summary_fields as _summary

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {
    "message",
    "asctime",
    SOURCE_ATTR,
    EXCEPTION_ATTR,
}
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# Libraries that are chatty below these levels. Their text is withheld at every level
# anyway (bot/log_privacy.py); this only keeps a DEBUG log readable.
QUIETER: dict[str, int] = {
    # SQLAlchemy at DEBUG would log result rows (withheld, but one line per row).
    "sqlalchemy": logging.WARNING,
    # Alembic narrates every plugin it loads at INFO on each start; only its problems matter.
    "alembic": logging.WARNING,
    "slack_sdk": logging.INFO,
    "slack_bolt": logging.INFO,
    "botbuilder": logging.INFO,
    "botframework": logging.INFO,
    "msrest": logging.INFO,
    "urllib3": logging.INFO,
}


def _fields(record: logging.LogRecord) -> dict[str, object]:
    """The coach's own `extra` fields; a library's are not written (they may hold a request)."""
    own = (
        {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        if is_own(record.name)
        else {}
    )
    return {**own, **_summary(record)}


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


class _LogSettings(BaseSettings):
    """The two settings logging needs, read (like Settings) from the environment or `.env`
    before Settings itself is built: a bad value elsewhere must not stop logging, and these
    two are validated again, with a clear message, by Settings."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)

    coach_env: str = ""
    coach_log_level: str = ""


def log_level(named: str, *, quiet: bool = False) -> int:
    """COACH_LOG_LEVEL when set (an unknown name is left to Settings to report), else INFO;
    quiet commands (chat, reframe) log warnings only, so the conversation stays readable."""
    if named.strip().upper() in LEVELS:
        return logging.getLevelNamesMapping()[named.strip().upper()]
    return logging.WARNING if quiet else logging.INFO


def configure_logging(*, quiet: bool = False, stream: TextIO | None = None) -> None:
    install_private_records()
    settings = _LogSettings()
    production = settings.coach_env.strip().lower() == "production"
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if production else KeyValueFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(log_level(settings.coach_log_level, quiet=quiet))
    for name, level in QUIETER.items():
        logging.getLogger(name).setLevel(max(level, root.level))
