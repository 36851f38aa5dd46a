"""A guided conversation left for days is set aside, not answered into.

A reflection stopped on Monday and a question typed the next week ("hey, what should I do
about a mom who never answers?") used to be saved as the answer to Monday's question 2. Once
a conversation has waited longer than STALE_AFTER, a message that reads as something other
than an answer (a question, a request, a hello) is answered for itself, and the old
conversation waits to one side with two buttons: pick it up where it stopped, or let it go.
Its answers so far are kept with it until the educator chooses. Starting another guided
conversation lets the set-aside one go (one at a time). A message that reads as an answer
still goes on the old conversation, as before: the educator may simply be back to finish.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.dates import day_label
from bot.flows.checkin import first_typed
from bot.flows.state import ActiveFlow
from bot.i18n import Msg, current_language
from bot.localtime import educator_zone
from bot.numbers import parse_small_int
from bot.replies import Choices, Reply
from bot.turn import Turn
from bot.understanding import understand
from bot.understanding.normalise import for_matching
from bot.understanding.reader import asks_a_question
from content.understanding_schema import replies_in

# A reflection is five minutes; one left overnight is picked up again as it was.
STALE_AFTER = timedelta(hours=24)
PARKED = "_set_aside"
PICK_UP = "set_aside_pick_up"
LET_GO = "set_aside_let_go"
# What an answer to a guided conversation's question reads as: nothing the coach would act
# on by itself (`unknown`), or a hard week told in the answer (`frustration`).
ANSWER_INTENTS = frozenset({"unknown", "frustration", "cancel"})
SMALL_TALK_INTENTS = frozenset({"greeting", "thanks"})
# Conversations not offered again once set aside: a days-old "delete everything?" just ends.
ENDS_WHEN_SET_ASIDE = frozenset({"forget"})

SET_ASIDE_OFFER = Msg("On {date} we stopped partway through your {title}. Pick it up?")
PICK_IT_UP = Msg("Pick it up")
LET_IT_GO = Msg("Let it go")
LET_GO_SAID = Msg("Okay, I've let your {title} go.")
# Another conversation asked for ("reflect", "draft") a week after this one stopped.
LET_GO_FOR_NEW = Msg(
    "We stopped partway through your {title} on {date}; I've let it go for this one."
)
# "yes" / "sure" / "no, let it go" typed at the offer: as long as a reply to it.
TYPED_CHOICE_WORDS = 4


def is_parked(flow: ActiveFlow) -> bool:
    return bool(flow.data.get(PARKED))


def has_waited(turn: Turn, flow: ActiveFlow) -> bool:
    """Left longer than STALE_AFTER since its last step."""
    return flow.row is not None and turn.now - flow.row.updated_at >= STALE_AFTER


def sets_aside(turn: Turn, flow: ActiveFlow, text: str) -> bool:
    """Whether a typed message sets the conversation aside: it waited over STALE_AFTER
    and the message reads as something other than an answer to its question."""
    if not has_waited(turn, flow):
        return False
    intent = understand(text, deficit=False).intent
    if intent in ANSWER_INTENTS:
        return False
    # The intent alone is not enough: "the Okafors, I've only emailed about homework" reads
    # as `draft`, and is an answer. A hello, a thank-you or a question back is not.
    return intent in SMALL_TALK_INTENTS or asks_a_question(text)


def park(turn: Turn, flow: ActiveFlow, title: str, stopped: datetime) -> list[Reply]:
    """Mark the conversation set aside (stopped at `stopped`), and the offer to pick it up:
    its buttons become the conversation's options, the question's own kept for later."""
    flow.data[PARKED] = True
    flow.data["_options_before"] = flow.data.get("_options", [])
    offer = SET_ASIDE_OFFER.format(date=stopped_on(turn, stopped), title=title)
    return [Choices(offer, flow.options([(PICK_IT_UP, PICK_UP), (LET_IT_GO, LET_GO)]))]


def stopped_on(turn: Turn, stopped: datetime) -> str:
    """Days or weeks ago: the day is enough ("Mon Nov 16"), the year says nothing."""
    return day_label(stopped.astimezone(educator_zone(turn)).date())


def let_go_for_new(turn: Turn, title: str, stopped: datetime) -> str:
    """Said when another conversation takes the place of one that stopped days ago."""
    return LET_GO_FOR_NEW.format(title=title, date=stopped_on(turn, stopped))


def unpark(flow: ActiveFlow) -> None:
    """Back where it stopped: the question's own options as they were."""
    flow.data.pop(PARKED, None)
    flow.data["_options"] = flow.data.pop("_options_before", [])


def typed_choice(text: str) -> str | None:
    """PICK_UP or LET_GO when a short typed reply says which ("yes", "sure", "nah", "let it
    go"; the words typed at "carry it into this week?"), else None."""
    number = parse_small_int(text.strip().rstrip("."))
    if number is not None:  # "2": the offer's buttons, in their order (had: nothing picked)
        return {1: PICK_UP, 2: LET_GO}.get(number)
    if len(for_matching(text).split()) > TYPED_CHOICE_WORDS:
        return None
    typed = replies_in(current_language()).checkin.typed_carry
    said = first_typed(text, typed, ("no", "same"))
    return {"no": LET_GO, "same": PICK_UP}.get(said or "")
