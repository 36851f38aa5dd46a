"""What an educator writes never reaches a log record, at any level, from any logger."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator

import pytest

from bot.app import CoachApp
from bot.logging_setup import JsonFormatter, KeyValueFormatter
from tests.dialog import Conversation
from tests.privacy.conftest import AppFactory
from tests.privacy.helpers import assess, reflect

MARKER = "LEAKCHECK-4f9a1e"


class Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def every_record() -> Iterator[Everything]:
    handler = Everything()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def _record_text(record: logging.LogRecord) -> str:
    parts = [
        record.getMessage(),
        repr(record.args),
        repr(record.__dict__),
        record.exc_text or "",
        KeyValueFormatter().format(record),
        JsonFormatter().format(record),
    ]
    if record.exc_info and record.exc_info[1] is not None:
        parts.append("".join(traceback.format_exception(*record.exc_info)))
    return "\n".join(parts)


def _every_flow(app: CoachApp) -> None:
    educator = Conversation(app.coach, f"user-{MARKER}"[:20])
    for said in ("help", "hi", "learn", "learn relational", "learn banana"):
        educator.says(said)
    reflect(educator, MARKER)
    reflect(educator, MARKER, "connections")  # checks in on the first, with a note
    assert MARKER in educator.says("journal")  # the marker really went through the coach
    educator.says("reflect confidence")
    educator.says("Done")
    educator.says(f"{MARKER} note before cancel")
    educator.says(f"{MARKER} answer then cancel")
    educator.says("help")
    educator.says("cancel")
    assess(educator)
    for said in (
        "nudges",
        "nudges on",
        "nudges day wed",
        "nudges time 07:30",
        f"nudges tz {MARKER}",
        "nudges off",
        f"reframe These families never {MARKER} care",
        "reframe off",
        "channel on",
        f"{MARKER} not a command",
        f"reflect {MARKER}",  # no part of the framework: this week's reflection starts
        "cancel",
        "x" * 5000 + MARKER,
        "",
        "export",
        "forget",
        f"{MARKER} maybe",
        "no",
        "forget",
        "yes",
        "forget",
        "yes",
        "export",
    ):
        educator.says(said)
    educator.says("reflect relational", message_id=f"{MARKER}-delivery")
    educator.says(f"{MARKER} duplicate", message_id=f"{MARKER}-delivery")


@pytest.mark.parametrize("keyed", [False, True], ids=["plain", "encrypted"])
def test_no_log_record_holds_what_an_educator_wrote(
    make_app: AppFactory,
    new_key: Callable[[], str],
    every_record: Everything,
    keyed: bool,
) -> None:
    key = new_key()
    app = make_app(coach_encryption_key=key if keyed else None)
    app.engine.echo = True  # SQLAlchemy logs every statement (parameters are hidden)
    try:
        _every_flow(app)
    finally:
        app.engine.echo = False
    records = every_record.records
    assert any(r.name.startswith("sqlalchemy.engine") for r in records), "echo was not on"
    assert any(r.name.startswith("coach.") for r in records)
    leaks = [r for r in records if MARKER in _record_text(r) or key in _record_text(r)]
    assert leaks == [], [f"{r.name}: {r.getMessage()[:200]}" for r in leaks]


def test_configured_logging_keeps_sqlalchemy_rows_out() -> None:
    from bot.logging_setup import configure_logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        configure_logging()
        assert not logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.DEBUG)
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
