"""The weekly nudge as reply parts: a check-in on last week's action, then the nudge card.

Every button value is a plain command the engine handles, so a click works days later
and on any platform: `checkin ID OUTCOME`, `reflect TOPIC`, `nudge done ID`, `nudge skip ID`
("Not this week"), `nudge tomorrow ID` ("Remind me tomorrow", offered once: the reminder
itself comes without it). What is typed under it instead ("sent it, mom wrote back", "not
this week") is read against what it asked: bot/followthrough.py `nudge_left_open`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.dates import day_and_time_label, day_label
from bot.drafts.suggest import draft_button
from bot.i18n import Msg
from bot.nudges import messages
from bot.planned_day import day_still_ahead
from bot.replies import Card, Choice, Choices, Reply
from bot.storage.keyring import Keyring
from bot.storage.models import Reflection
from bot.storage.sealing import Sealer
from content.loader import Library


def checkin_value(reflection_id: int, outcome: str) -> str:
    return f"checkin {reflection_id} {outcome}"


def checkin_question(
    reflection: Reflection,
    library: Library,
    sealer: Sealer,
    zone: ZoneInfo,
    wording: Msg = messages.CHECKIN_QUESTION,
) -> Choices:
    """Done, Partly or Not yet on a planned action; `wording` fits where it is asked (before
    a nudge by default)."""
    local = reflection.created_at.astimezone(zone)
    question = wording.format(
        date=day_label(local.date()),
        title=library.title(reflection.topic),
        action=sealer.unseal(reflection.action),
    )
    return Choices(
        question,
        (
            Choice(str(messages.CHECKIN_DONE), checkin_value(reflection.id, "done")),
            Choice(str(messages.CHECKIN_PARTLY), checkin_value(reflection.id, "partly")),
            Choice(str(messages.CHECKIN_NOT_YET), checkin_value(reflection.id, "not_yet")),
        ),
    )


def nudge_card(
    library: Library, topic: str, nudge_index: int, ledger_id: int, *, reminder: bool = False
) -> Card:
    content = library.topics[topic]
    nudge = content.nudges[nudge_index % len(content.nudges)]
    buttons = [
        Choice(str(messages.BUTTON_REFLECT), f"reflect {topic}"),
        Choice(str(messages.BUTTON_DONE), f"nudge done {ledger_id}"),
        Choice(str(messages.BUTTON_SKIP), f"nudge skip {ledger_id}"),
    ]
    if not reminder:
        buttons.append(Choice(str(messages.BUTTON_TOMORROW), f"nudge tomorrow {ledger_id}"))
    drafting = draft_button(nudge.action)
    if drafting is not None:  # the nudge asks for a note home: offer to write it now
        buttons.insert(1, drafting)
    title = messages.REMINDER_TITLE if reminder else messages.NUDGE_TITLE
    return Card(
        title=title.format(title=content.title),
        body=messages.NUDGE_BODY.format(
            why=nudge.why, action=nudge.action, question=nudge.question
        ),
        buttons=tuple(buttons),
    )


def keep_going_question(ledger_id: int) -> Choices:
    """Asked once, after nudges in a row with no word back (bot/weekly/backoff.py)."""
    return Choices(
        str(messages.KEEP_GOING_QUESTION),
        (
            Choice(str(messages.KEEP_GOING), f"nudge keep {ledger_id}"),
            Choice(str(messages.KEEP_GOING_MONTHLY), f"nudge monthly {ledger_id}"),
            Choice(str(messages.KEEP_GOING_STOP), f"nudge stop {ledger_id}"),
        ),
    )


def compose_nudge(
    session: Session,
    *,
    library: Library,
    sealer: Keyring,
    educator_id: int,
    zone: ZoneInfo,
    topic: str,
    nudge_index: int,
    ledger_id: int,
    checkin_reflection_id: int | None,
    now: datetime,
    reminder: bool = False,
) -> list[Reply]:
    """The whole weekly message; the check-in only while that action still awaits one."""
    replies: list[Reply] = []
    if checkin_reflection_id is not None and not reminder:
        reflection = session.get(Reflection, checkin_reflection_id)
        if (
            reflection is not None
            and reflection.educator_id == educator_id
            and reflection.action_status == "planned"
        ):
            own = sealer.for_educator(session, educator_id)
            action = own.unseal(reflection.action)
            if day_still_ahead(action, reflection.created_at, now, zone) is None:
                replies.append(checkin_question(reflection, library, own, zone))
    replies.append(nudge_card(library, topic, nudge_index, ledger_id, reminder=reminder))
    return replies


def local_label(moment: datetime, zone: ZoneInfo) -> str:
    """ "Tue Nov 17, 07:30" in the educator's zone and language."""
    return day_and_time_label(moment.astimezone(zone))
