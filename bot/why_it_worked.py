"""Why it worked, told just after a check-in said done.

"lo hice! la mamá lloró de felicidad", then, as its own message, "porque fue en español y no
por la oficina": the check-in was over, and the reason had been heard as a new message about
language ("Language came up... Want to think it through? Type `reflect`"). Told within
REASON_AFTER of the check-in and opening as a reason does ("because", "porque", "what helped
was"), it is what made the action work: kept with how it went (the journal shows it) and said
back as what to do again.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.flows.listening import payoff
from bot.i18n import current_language
from bot.messages import MAX_ANSWER_CHARS
from bot.replies import Reply, Text
from bot.storage.models import Reflection
from bot.turn import Turn
from bot.understanding.normalise import for_matching, phrases_pattern
from bot.understanding.reader import is_asked
from content.understanding_schema import replies_in

# Long enough to type a second thought after the check-in, short enough that a "because..."
# typed the next day is read as a message of its own.
REASON_AFTER = timedelta(minutes=30)


def why_it_worked(turn: Turn, text: str) -> list[Reply]:
    """The reason kept and said back, or nothing when the text gives none or no check-in
    said done moments ago."""
    checkin = replies_in(current_language()).checkin
    if len(text) > MAX_ANSWER_CHARS or is_asked(text):  # "because of that, should i call?"
        return []
    if phrases_pattern(tuple(checkin.reason_openers)).search(for_matching(text)) is None:
        return []
    done = _just_done(turn)
    if done is None:
        return []
    told = text.strip()
    before = turn.sealer.unseal(done.outcome_note) if done.outcome_note else ""
    done.outcome_note = turn.sealer.seal(f"{before} / {told}" if before else told)
    return [Text(checkin.reason_kept.format(snippet=payoff(told)))]


def _just_done(turn: Turn) -> Reflection | None:
    """The educator's latest reflection, when its check-in said done within REASON_AFTER."""
    latest = turn.session.scalar(
        select(Reflection)
        .where(Reflection.educator_id == turn.educator.id, Reflection.outcome_at.is_not(None))
        .order_by(Reflection.outcome_at.desc(), Reflection.id.desc())
        .limit(1)
    )
    if latest is None or latest.action_status != "done" or latest.outcome_at is None:
        return None
    return latest if turn.now - latest.outcome_at <= REASON_AFTER else None
