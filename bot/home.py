"""An educator's home page, channel-agnostic: focus, weekly nudges, recent reflections.

`home_sections` reads (never writes) and returns neutral `Card`s; Slack renders them as
its App Home tab, and any other channel could show the same cards. Buttons carry the same
words an educator could type (`nudges off`, `reflect relational`), so a click runs
exactly what typing would.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot import home_messages as hm
from bot import messages
from bot.assess.results import growth_order, latest_results
from bot.dates import weekday_short
from bot.followthrough import follow_through_summary, journal_lines, recent_reflections
from bot.i18n import _, speaking
from bot.inbound import Inbound, Platform
from bot.language import educator_language, library_for
from bot.localtime import educator_zone, local_date_label
from bot.profiles import topic_order
from bot.replies import Card, Choice
from bot.settings import Settings
from bot.storage.keyring import Keyring
from bot.storage.models import Educator
from bot.topics import suggested_topic
from bot.turn import Turn
from bot.weekly.models import Subscription
from bot.weekly.subscriptions import paused_at
from content.loader import Library
from content.schema import NUDGE_TOPICS

log = logging.getLogger("coach.home")

RECENT_REFLECTIONS = 5
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIME_CHOICES = ("07:30", "12:00", "15:30", "19:00")


@dataclass(frozen=True)
class NudgeSettings:
    """What the weekly-nudge tables say about one educator (None fields: not set)."""

    enabled: bool
    weekday: int | None
    local_time: str | None
    timezone: str | None
    focus_topic: str | None
    paused_until: datetime | None
    pause_from: datetime | None = None  # a break asked for ahead starts then


def home_sections(
    session: Session,
    *,
    platform: Platform,
    workspace: str,
    user: str,
    library: Library,
    settings: Settings,
    sealer: Keyring,
    now: datetime,
) -> list[Card]:
    """The home page for one educator; a first-time visitor gets a welcome and a start."""
    educator = session.scalar(
        select(Educator).where(
            Educator.platform == platform.value,
            Educator.workspace == workspace,
            Educator.user_id == user,
        )
    )
    if educator is None:
        return [_welcome(), _start_card()]
    language = educator_language(educator)
    turn = Turn(
        inbound=Inbound(platform=platform, workspace=workspace, user=user),
        session=session,
        educator=educator,
        library=library_for(library, language),
        language=language,
        sealer=sealer.for_educator(session, educator),
        settings=settings,
        now=now,
    )
    nudges = read_nudge_settings(session, educator.id)
    with speaking(language):
        return [
            _focus_card(turn, nudges),
            _nudges_card(turn, nudges),
            _reflections_card(turn),
            _start_card(),
        ]


def _welcome() -> Card:
    return Card(title=str(hm.HOME_TITLE), body=str(hm.HOME_WELCOME))


def _start_card() -> Card:
    return Card(
        title=str(hm.HOME_START_TITLE),
        body=str(hm.HOME_START_BODY),
        buttons=(
            Choice(_("Start a reflection"), "reflect"),
            Choice(_("Learn the framework"), "learn"),
            Choice(_("Self-assessment"), "assess"),
            Choice(_("My journal"), "journal"),
        ),
    )


def _focus_card(turn: Turn, nudges: NudgeSettings | None) -> Card:
    slug: str | None = None
    source = hm.HOME_FOCUS_FROM_ROTATION
    if nudges is not None and nudges.focus_topic in NUDGE_TOPICS:
        slug, source = nudges.focus_topic, hm.HOME_FOCUS_FROM_NUDGES
    if slug is None:
        results = latest_results(turn.session, turn.educator.id, count=1)
        if results:
            growth = growth_order(results[0].scores, topic_order(turn.library, turn.educator))
            if growth:
                slug, source = growth[0], hm.HOME_FOCUS_FROM_ASSESSMENT
    if slug is None or slug not in turn.library.topics:
        slug = suggested_topic(turn)
    topic = turn.library.topics[slug]
    return Card(
        title=str(hm.HOME_FOCUS_TITLE),
        body=f"*{topic.title}*: {topic.summary}\n{source}",
        buttons=(
            Choice(_("Reflect on {title}").format(title=topic.title), f"reflect {slug}"),
            Choice(_("Learn about {title}").format(title=topic.title), f"learn {slug}"),
        ),
    )


def _nudges_card(turn: Turn, nudges: NudgeSettings | None) -> Card:
    if nudges is None or not nudges.enabled:
        return Card(
            title=str(hm.HOME_NUDGES_TITLE),
            body=str(hm.HOME_NUDGES_OFF),
            buttons=(Choice(_("Turn nudges on"), "nudges on"),),
        )
    day = (
        weekday_short(nudges.weekday)
        if nudges.weekday is not None and 0 <= nudges.weekday < 7
        else "?"
    )
    zone = nudges.timezone or str(educator_zone(turn))
    focus = turn.library.title(nudges.focus_topic) if nudges.focus_topic else None
    lines = [
        hm.HOME_NUDGES_ON.format(day=day, time=nudges.local_time or "?", zone=zone),
        hm.HOME_NUDGES_FOCUS.format(focus=focus) if focus else str(hm.HOME_NUDGES_ROTATE),
    ]
    if nudges.paused_until is not None and paused_at(nudges, turn.now):
        lines.append(hm.HOME_NUDGES_PAUSED.format(date=local_date_label(nudges.paused_until, turn)))
    lines.append(str(hm.HOME_NUDGES_CHANGE))
    buttons = [
        *(
            Choice(weekday_short(index), f"nudges day {key}")
            for index, key in enumerate(WEEKDAY_KEYS)
        ),
        *(Choice(hhmm, f"nudges time {hhmm}") for hhmm in TIME_CHOICES),
        Choice(_("Rotate topics"), "nudges focus rotate"),
        Choice(_("Pause 2 weeks"), "nudges pause 2"),
        Choice(_("Turn nudges off"), "nudges off"),
    ]
    return Card(title=str(hm.HOME_NUDGES_TITLE), body="\n".join(lines), buttons=tuple(buttons))


def _reflections_card(turn: Turn) -> Card:
    entries = recent_reflections(turn, RECENT_REFLECTIONS)
    if not entries:
        return Card(
            title=str(hm.HOME_REFLECTIONS_TITLE),
            body=str(messages.JOURNAL_EMPTY),
            buttons=(Choice(_("Start a reflection"), "reflect"),),
        )
    body = "\n".join([*journal_lines(turn, entries), "", follow_through_summary(turn)])
    return Card(
        title=str(hm.HOME_REFLECTIONS_TITLE),
        body=body,
        buttons=(Choice(_("My journal"), "journal"),),
    )


def read_nudge_settings(session: Session, educator_id: int) -> NudgeSettings | None:
    """The educator's weekly-nudge row, if there is one.

    A database not yet migrated to the nudge tables shows nudges as off instead of failing.
    """
    try:
        with session.begin_nested():
            row = session.scalar(
                select(Subscription).where(Subscription.educator_id == educator_id)
            )
    except SQLAlchemyError as exc:
        log.warning("nudge_settings_unreadable", extra={"error": type(exc).__name__})
        return None
    if row is None:
        return None
    return NudgeSettings(
        enabled=bool(row.enabled),
        weekday=row.weekday,
        local_time=row.local_time,
        timezone=row.timezone,
        focus_topic=row.focus_topic,
        paused_until=row.paused_until,
        pause_from=row.pause_from,
    )
