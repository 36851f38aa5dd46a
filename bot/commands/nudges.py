"""`nudges` and its settings; plus the hidden words the nudge's buttons send.

- `nudges`, `nudges on|off`, `nudges day DAY`, `nudges time HH:MM`, `nudges tz AREA/CITY`,
  `nudges focus TOPIC|rotate`, `nudges pause WEEKS` (read and applied as `channel`'s are, in
  bot/commands/schedule_settings.py)
- `nudge done ID`, `nudge skip ID` ("Not this week"), `nudge tomorrow ID` ("Remind me
  tomorrow"): the nudge card's buttons
- `nudge keep|monthly|stop ID`: the answers to the keep-going question (bot/weekly/backoff.py)
- `checkin ID done|partly|not_yet` (the check-in question's buttons)
"""

from __future__ import annotations

from bot import messages as core_messages
from bot.commands.base import CommandHandler
from bot.commands.nudge_settings import handle_nudges
from bot.commands.nudges_in_words import nudges_asked_in_words
from bot.commands.schedule_settings import read_setting
from bot.flows.checkin import start_checkin
from bot.flows.state import load_flow
from bot.followthrough import (
    OUTCOMES,
    action_awaiting_check_in,
    ask_how_it_went,
    record_outcome,
)
from bot.nudges import messages
from bot.nudges.compose import local_label
from bot.nudges.keep_going import answer_keep_going
from bot.nudges.settings import next_label, subscription_zone
from bot.nudges.snooze import call_off_reminder, remind_tomorrow
from bot.numbers import parse_small_int
from bot.replies import Reply, Text
from bot.storage.models import Reflection
from bot.turn import Turn
from bot.weekly.models import NudgeLedger, Subscription
from bot.weekly.settings_parser import EVERY_SETTING, UnknownSetting

CARD_ACTIONS = ("done", "skip", "tomorrow")
QUESTION_ACTIONS = ("keep", "monthly", "stop")


def _text(text: str) -> list[Reply]:
    return [Text(text)]


def handle_nudge_button(turn: Turn, args: str) -> list[Reply]:
    """`nudge done|skip|tomorrow ID`: what the educator did with one week's nudge;
    `nudge keep|monthly|stop ID`: their answer to the keep-going question."""
    parts = args.split()
    ledger_id = parse_small_int(parts[1]) if len(parts) == 2 else None
    action = parts[0].casefold() if parts else ""
    if ledger_id is None or action not in CARD_ACTIONS + QUESTION_ACTIONS:
        return _text(str(messages.NUDGE_ACTION_HELP))
    row = turn.session.get(NudgeLedger, ledger_id)
    subscription = turn.session.get(Subscription, row.subscription_id) if row else None
    if row is None or subscription is None or subscription.educator_id != turn.educator.id:
        return _text(str(messages.NUDGE_UNKNOWN))
    if (action in QUESTION_ACTIONS) != row.ask:  # an answer needs the question's own row
        return _text(str(messages.NUDGE_UNKNOWN))
    if row.ask:
        return answer_keep_going(turn, subscription, action)
    if row.response is not None:
        return _text(messages.NUDGE_ALREADY.format(response=row.response))
    if action == "tomorrow":
        return _remind_tomorrow(turn, row, subscription)
    call_off_reminder(turn.session, row, subscription, turn.now)
    if action == "done":
        row.response = "done"
        return _text(messages.NUDGE_MARKED_DONE.format(topic=row.topic or ""))
    row.response = "skipped"
    return _text(str(messages.NUDGE_MARKED_SKIPPED))


def _remind_tomorrow(turn: Turn, row: NudgeLedger, subscription: Subscription) -> list[Reply]:
    snooze = remind_tomorrow(turn.session, row, subscription, turn.now)
    if snooze.outcome == "set" and snooze.at is not None:
        when = local_label(snooze.at, subscription_zone(subscription))
        return _text(messages.REMIND_SET.format(when=when))
    if snooze.outcome == "off":
        return _text(str(messages.REMIND_NOT_ON))
    sentence = messages.REMIND_ONCE if snooze.outcome == "once" else messages.REMIND_TOO_LATE
    return _text(sentence.format(next=next_label(subscription)))


def handle_checkin(turn: Turn, args: str) -> list[Reply]:
    """`checkin ID OUTCOME`: how a planned action went, from the nudge's buttons."""
    parts = args.split()
    if len(parts) < 2:  # typed by hand: "checkin", "checkin done"
        return _typed_checkin(turn, parts)
    reflection_id = parse_small_int(parts[0]) if len(parts) == 2 else None
    if reflection_id is None and len(parts) == 2 and parts[1].casefold() in OUTCOMES:
        # "checkin ² done", "checkin x done": not a button's number, so typed by hand; the
        # action waiting is the one meant.
        return _typed_checkin(turn, parts[1:])
    if reflection_id is None or parts[1].casefold() not in OUTCOMES:
        return _text(str(messages.CHECKIN_UNKNOWN))
    reflection = turn.session.get(Reflection, reflection_id)
    if reflection is None or reflection.educator_id != turn.educator.id:
        return _text(str(messages.CHECKIN_UNKNOWN))
    if reflection.action_status != "planned":
        status = core_messages.STATUS_LABELS.get(reflection.action_status, "noted")
        return _text(messages.CHECKIN_ALREADY.format(status=status))
    outcome = parts[1].casefold()
    if load_flow(turn) is not None:  # mid-conversation: note it, keep their place
        record_outcome(reflection, outcome, None, turn.sealer, turn.now)
        return _text(str(messages.CHECKIN_THANKS[outcome]))
    return start_checkin(turn, reflection, outcome)


def _typed_checkin(turn: Turn, parts: list[str]) -> list[Reply]:
    """ "checkin" typed, not tapped: the action waiting for a check-in is asked about (or,
    with "done" / "partly" / "not_yet" after it, checked in); with none waiting, said so."""
    pending = action_awaiting_check_in(turn)
    if pending is None:
        return _text(str(messages.CHECKIN_NOTHING_WAITING))
    if parts and parts[0].casefold() in OUTCOMES:
        return handle_checkin(turn, f"{pending.id} {parts[0].casefold()}")
    # As the journal asks (an action chosen minutes ago is not asked "How did it go?"), but
    # what is typed next is read as how it went: checking in was asked for.
    return [ask_how_it_went(turn, pending, asked_for=True)]


def handle_nudges_typed(turn: Turn, args: str) -> list[Reply]:
    """`nudges ...` as typed: a setting's own words, or a sentence after the command word
    ("recordatorios los lunes a las 7am", "nudges every monday at 7:15 please"), read as the
    same sentence without it would be (it had been "I don't know the option `los`")."""
    if isinstance(read_setting(turn, args, EVERY_SETTING), UnknownSetting):
        in_words = nudges_asked_in_words(turn, f"nudges {args}", in_a_conversation=False)
        if in_words:
            return in_words
    return handle_nudges(turn, args)


# Registered in bot/commands/table.py; `nudge` and `checkin` are the buttons' words.
NUDGE_COMMANDS: dict[str, CommandHandler] = {
    "nudges": handle_nudges_typed,
    "nudge": handle_nudge_button,
    "checkin": handle_checkin,
}
