"""The buttons under a channel's team prompts: `channel heard ID` ("We talked about it") and
`channel keep|monthly|stop ID`, the answers to the keep-going question (bot/weekly/backoff.py).

Each carries the week's ledger row and counts only when clicked in that row's own channel.
Any of them is word back from the channel (`last_heard_at`). "Keep going" changes nothing
while the prompts are on, so anyone there may say it; "every 4 weeks" and "stop" change the
settings, so they follow the settings' rule (the keeper, a workspace admin, or anyone when
nobody looks after them).
"""

from __future__ import annotations

from bot.channels import messages
from bot.channels.settings import keeper_label, may_change
from bot.commands.schedule_settings import OFF_BY_EDUCATOR, next_send_label
from bot.numbers import parse_small_int
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.weekly.backoff import take_answer
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription

HEARD = "heard"
ANSWERS = ("keep", "monthly", "stop")


def button_words(args: str) -> tuple[str, int] | None:
    """`heard 12`, `keep 12`...: a button's action and ledger row, or None for a setting."""
    parts = args.split()
    if len(parts) != 2 or parts[0].casefold() not in (HEARD, *ANSWERS):
        return None
    row = parse_small_int(parts[1])
    return None if row is None else (parts[0].casefold(), row)


def handle_channel_button(turn: Turn, action: str, ledger_id: int) -> list[Reply]:
    row = turn.session.get(ChannelLedger, ledger_id)
    subscription = turn.session.get(ChannelSubscription, row.subscription_id) if row else None
    if row is None or subscription is None or not _said_there(turn, subscription):
        return _text(str(messages.PROMPT_UNKNOWN))
    if (action in ANSWERS) != row.ask:  # an answer needs the question's own row
        return _text(str(messages.PROMPT_UNKNOWN))
    subscription.last_heard_at = turn.now
    if action == HEARD:
        if not subscription.enabled:
            return _text(str(messages.HEARD_OFF))
        return _text(messages.HEARD_THANKS.format(next=next_send_label(turn, subscription)))
    changes = action != "keep" or not subscription.enabled
    if changes and not may_change(turn, subscription):
        return _text(messages.NOT_YOURS.format(who=keeper_label(turn, subscription)))
    if subscription.turned_on_by is None and action != "stop":
        subscription.turned_on_by = turn.educator.id  # whoever answers looks after them now
    return _answer(turn, subscription, action)


def _answer(turn: Turn, subscription: ChannelSubscription, action: str) -> list[Reply]:
    take_answer(turn.session, subscription, action, turn.now, OFF_BY_EDUCATOR)
    if action == "stop":
        return _text(str(messages.STOPPED))
    sentence = messages.WENT_MONTHLY if action == "monthly" else messages.KEPT_GOING
    return _text(sentence.format(next=next_send_label(turn, subscription)))


def _said_there(turn: Turn, subscription: ChannelSubscription) -> bool:
    inbound = turn.inbound
    return (
        inbound.platform.value == subscription.platform
        and inbound.workspace == subscription.workspace
        and inbound.conversation == subscription.channel
    )


def _text(text: str) -> list[Reply]:
    return [Text(text)]
