"""The hand-written SQL floor for bench tick: the least a claim of due nudges can cost on
PostgreSQL, measured in the same run as the scheduler's real claim.

Per batch of 200, on the driver's connection (no ORM, no SQLAlchemy): find the due rows
(`FOR UPDATE SKIP LOCKED`), one look-up of the latest reflections of their educators (the
check-in), one `INSERT ... ON CONFLICT DO NOTHING` of their ledger rows from arrays, one
lease update, one commit. It keeps none of the scheduler's rules (calendar, pause, rhythm,
back-off, rotation, retries, reminders): it is the yardstick, not a scheduler.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import Engine

from bot.weekly.schedule import week_key

BATCH = 200
LEASE = timedelta(minutes=15)

DUE = """
SELECT s.id, s.educator_id, s.slot_at, s.timezone
FROM subscriptions s JOIN educators e ON e.id = s.educator_id
WHERE s.next_send_at <= %(now)s AND s.enabled AND e.platform = 'slack'
ORDER BY s.next_send_at, s.id
LIMIT %(batch)s
FOR UPDATE OF s SKIP LOCKED
"""
LATEST_REFLECTIONS = """
SELECT DISTINCT ON (educator_id) educator_id, id, action_status
FROM reflections WHERE educator_id = ANY(%(educators)s)
ORDER BY educator_id, created_at DESC, id DESC
"""
INSERT_LEDGER = """
INSERT INTO nudge_ledger
    (subscription_id, week, due_at, status, attempts, topic, nudge_index, claimed_at, ask,
     checkin_reflection_id)
SELECT u.subscription_id, u.week, u.due_at, 'claimed', 0, 'relational', 0, %(now)s, false,
       u.checkin
FROM unnest(%(ids)s::int[], %(weeks)s::varchar[], %(due)s::timestamptz[], %(checkins)s::int[])
    AS u(subscription_id, week, due_at, checkin)
ON CONFLICT (subscription_id, week) DO NOTHING
RETURNING id
"""
LEASE_UPDATE = "UPDATE subscriptions SET next_send_at = %(lease)s WHERE id = ANY(%(ids)s)"


def claim_floor(engine: Engine, now: datetime) -> tuple[float, int]:
    """Seconds to claim everything due at `now`, and how many were claimed."""
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert connection is not None
        started = time.perf_counter()
        claimed = 0
        while True:
            with connection.cursor() as cursor:
                cursor.execute(DUE, {"now": now, "batch": BATCH})
                rows = cursor.fetchall()
                if not rows:
                    connection.commit()
                    break
                educators = [educator for _, educator, _, _ in rows]
                cursor.execute(LATEST_REFLECTIONS, {"educators": educators})
                waiting = {e: r for e, r, status in cursor.fetchall() if status == "planned"}
                ids = [sub for sub, _, _, _ in rows]
                cursor.execute(
                    INSERT_LEDGER,
                    {
                        "now": now,
                        "ids": ids,
                        "weeks": [week_key(slot or now, zone) for _, _, slot, zone in rows],
                        "due": [slot or now for _, _, slot, _ in rows],
                        "checkins": [waiting.get(educator) for educator in educators],
                    },
                )
                claimed += len(cursor.fetchall())
                cursor.execute(LEASE_UPDATE, {"lease": now + LEASE, "ids": ids})
            connection.commit()
        return time.perf_counter() - started, claimed
    finally:
        raw.close()
