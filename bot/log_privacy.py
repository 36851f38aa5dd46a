"""What a log record may carry, decided once for every logger in the process.

The coach's own log events (loggers named `coach` or `coach.*`) are names with a few
typed fields, and call sites never pass what an educator wrote. Libraries are another
matter: Bolt logs a whole request body when its signature or timestamp fails, slack_sdk
logs every request it sends at DEBUG, aiohttp and asyncio log exceptions whose messages
quote what was being handled, SQLAlchemy at DEBUG logs result rows. Rather than chase each
message, every record is made private when it is created (`logging.setLogRecordFactory`),
so no handler, formatter or level anywhere can show more:

- a library's record keeps its logger, level and source line; its text is withheld;
- no record keeps an exception's message or traceback (a database error quotes its row, a
  validation error its input): only the exception's type is kept.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Any

OWN_LOGGER = "coach"
WITHHELD = "library_log"  # the event name a library's record is written under

# Attributes set here; prefixed so no caller's `extra` can collide with them (a collision
# would make `Logger.makeRecord` raise inside the library that logged).
SOURCE_ATTR = "_coach_source"
EXCEPTION_ATTR = "_coach_exception"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def is_own(logger_name: str) -> bool:
    return logger_name == OWN_LOGGER or logger_name.startswith(OWN_LOGGER + ".")


class PrivateRecord(logging.LogRecord):
    """A LogRecord that never holds what an educator wrote (see the module notes)."""

    def __init__(
        self,
        name: str,
        level: int,
        pathname: str,
        lineno: int,
        msg: object,
        args: Any,
        exc_info: ExcInfo | None,
        func: str | None = None,
        sinfo: str | None = None,
        **kwargs: Any,
    ) -> None:
        own = is_own(name)
        super().__init__(
            name,
            level,
            pathname,
            lineno,
            msg if own else WITHHELD,
            args if own else (),
            None,  # the exception's message and traceback are dropped; its type is kept below
            func,
            sinfo if own else None,
            **kwargs,
        )
        raised = exc_info[0] if exc_info else None
        setattr(self, EXCEPTION_ATTR, raised.__name__ if raised is not None else None)
        setattr(self, SOURCE_ATTR, None if own else f"{self.module}:{lineno}")


def install_private_records() -> None:
    """From now on every record, from every logger, is a PrivateRecord."""
    logging.setLogRecordFactory(PrivateRecord)


def uninstall_private_records() -> None:
    """Back to the standard records (tests restore the process as they found it)."""
    logging.setLogRecordFactory(logging.LogRecord)


def summary_fields(record: logging.LogRecord) -> dict[str, object]:
    """What the formatters add for where a library's record came from and what was raised."""
    fields: dict[str, object] = {}
    source = getattr(record, SOURCE_ATTR, None)
    if source is not None:
        fields["source"] = source
    raised = getattr(record, EXCEPTION_ATTR, None)
    if raised is not None:
        fields["exception"] = raised
    return fields
