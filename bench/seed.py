"""Fast bulk rows for benchmarks: educators with weekly nudge subscriptions.

PostgreSQL gets COPY; SQLite gets one executemany per chunk through the real tables (so
timestamps are stored exactly as the coach stores them).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy import Engine, insert, text, update

from bot.storage.models import Educator, Reflection
from bot.weekly.models import Subscription

CHUNK = 50_000
WEEK_MINUTES = 7 * 24 * 60


def _rows(
    start: int, stop: int, due: int, due_at: datetime, workspace: str
) -> Iterator[tuple[tuple[object, ...], tuple[object, ...]]]:
    for i in range(start, stop):
        if i <= due:
            next_at = due_at
        else:  # spread over the coming week, never due now
            next_at = due_at + timedelta(hours=1, minutes=(i * 7919) % WEEK_MINUTES)
        local = due_at.astimezone().strftime("%H:%M")
        educator = ("slack", workspace, f"U{i:08d}", "UTC", True, due_at, due_at)
        subscription = (
            i,
            True,
            next_at.weekday(),
            local,
            "UTC",
            None,
            None,
            0,
            "",
            0,
            None,
            next_at,
            next_at,
            None,
            due_at,
            due_at,
        )
        yield (i, *educator), subscription


EDUCATOR_COLUMNS = (
    "id",
    "platform",
    "workspace",
    "user_id",
    "timezone",
    "reframe_offers",
    "created_at",
    "last_seen_at",
)
SUBSCRIPTION_COLUMNS = (
    "educator_id",
    "enabled",
    "weekday",
    "local_time",
    "timezone",
    "focus_topic",
    "topic_order",
    "rotation_cycle",
    "rotation_seen",
    "focus_step",
    "paused_until",
    "slot_at",
    "next_send_at",
    "off_reason",
    "created_at",
    "updated_at",
)


def add_subscriptions(
    engine: Engine,
    start: int,
    stop: int,
    *,
    due: int,
    due_at: datetime,
    workspace: str = "T0001",
) -> None:
    """Educators and subscriptions with ids start..stop-1; ids 1..due are due at `due_at`."""
    for chunk in range(start, stop, CHUNK):
        rows = list(_rows(chunk, min(stop, chunk + CHUNK), due, due_at, workspace))
        if engine.dialect.name == "postgresql":
            _copy(engine, rows)
        else:
            _insert(engine, rows)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for table in ("educators", "subscriptions"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
            connection.execute(text("ANALYZE educators"))
            connection.execute(text("ANALYZE subscriptions"))


def _copy(engine: Engine, rows: list[tuple[tuple[object, ...], tuple[object, ...]]]) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY educators ({', '.join(EDUCATOR_COLUMNS)}) FROM STDIN") as copy:
            for educator, _ in rows:
                copy.write_row(educator)
        with cursor.copy(
            f"COPY subscriptions ({', '.join(SUBSCRIPTION_COLUMNS)}) FROM STDIN"
        ) as copy:
            for _, subscription in rows:
                copy.write_row(subscription)
        raw.commit()
    finally:
        raw.close()


def _insert(engine: Engine, rows: list[tuple[tuple[object, ...], tuple[object, ...]]]) -> None:
    educators = [dict(zip(EDUCATOR_COLUMNS, e, strict=True)) for e, _ in rows]
    subscriptions = [dict(zip(SUBSCRIPTION_COLUMNS, s, strict=True)) for _, s in rows]
    with engine.begin() as connection:
        connection.execute(insert(Educator), educators)
        connection.execute(insert(Subscription), subscriptions)


REFLECTION_COLUMNS = ("educator_id", "topic", "created_at", "answers", "action", "action_status")


def add_reflections(engine: Engine, educators: int, at: datetime) -> None:
    """Two reflections for each of educators 1..`educators` (so the claim's check-in look-up
    has rows to read): the newest still awaits its check-in for every other one. The text
    columns hold a placeholder: the claim never opens them."""
    rows = [
        (educator, "relational", at - timedelta(days=age), "x", "x", status)
        for educator in range(1, educators + 1)
        for age, status in ((14, "done"), (7, "planned" if educator % 2 else "done"))
    ]
    if engine.dialect.name == "postgresql":
        raw = engine.raw_connection()
        try:
            with raw.cursor().copy(
                f"COPY reflections ({', '.join(REFLECTION_COLUMNS)}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            raw.commit()
        finally:
            raw.close()
        with engine.begin() as connection:
            connection.execute(text("ANALYZE reflections"))
        return
    with engine.begin() as connection:
        connection.execute(
            insert(Reflection), [dict(zip(REFLECTION_COLUMNS, row, strict=True)) for row in rows]
        )


def reset_due(engine: Engine, due: int, due_at: datetime) -> None:
    """Make ids 1..due due again and forget their ledger rows (between repetitions)."""
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM nudge_ledger"))
        connection.execute(
            update(Subscription)
            .where(Subscription.id <= due)
            .values(next_send_at=due_at, slot_at=due_at)
        )
