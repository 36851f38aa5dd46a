"""school calendars: each workspace's closed days, and each subscription's planned local day

Revision ID: 0024_calendar
Revises: 0023_backoff
"""

from datetime import UTC
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision = "0024_calendar"
down_revision = "0023_backoff"
branch_labels = None
depends_on = None

SUBSCRIPTIONS = ("subscriptions", "channel_subscriptions")


def _utc() -> bot.storage.base.UTCDateTime:
    return bot.storage.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "school_calendars",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("imported_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_calendars")),
        sa.UniqueConstraint(
            "platform", "workspace", name=op.f("uq_school_calendars_platform_workspace")
        ),
    )
    op.create_table(
        "closed_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("workspace", sa.String(length=128), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_days")),
        sa.UniqueConstraint(
            "platform", "workspace", "day", name=op.f("uq_closed_days_platform_workspace_day")
        ),
    )
    for table in SUBSCRIPTIONS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("slot_day", sa.Date(), nullable=True))
        _backfill_slot_day(table)


def _backfill_slot_day(table: str) -> None:
    """The local date of each planned send, worked out in Python (zones are not SQL's)."""
    connection = op.get_bind()
    rows = sa.table(
        table,
        sa.column("id", sa.Integer()),
        sa.column("slot_at", _utc()),
        sa.column("timezone", sa.String()),
        sa.column("slot_day", sa.Date()),
    )
    planned = connection.execute(
        sa.select(rows.c.id, rows.c.slot_at, rows.c.timezone).where(rows.c.slot_at.is_not(None))
    ).all()
    for row_id, slot_at, zone in planned:
        try:
            day = slot_at.astimezone(ZoneInfo(zone)).date()
        except (ValueError, KeyError):
            day = slot_at.astimezone(UTC).date()
        connection.execute(sa.update(rows).where(rows.c.id == row_id).values(slot_day=day))


def downgrade() -> None:
    for table in SUBSCRIPTIONS:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("slot_day")
    op.drop_table("closed_days")
    op.drop_table("school_calendars")
