"""An answered card, updated in place: it shows what was chosen and offers no more buttons.

Teams leaves a clicked card as it was, so an educator could click an old question again
and could not see later what they had picked. The click carries the card's words and its
options' labels (`choices.ANSWERED_KEY`); the card it came from (`replyToId`) is replaced
through the connector's updateActivity with the same words and "You chose: ...".

Only in a personal chat: a card in a channel is shared, and one person's answer must not
take the buttons away from everyone else.
"""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import TurnContext

from adapters.teams import cards
from adapters.teams.choices import ANSWERED_KEY, SUBMIT_KEY
from bot.i18n import Msg

log = logging.getLogger("coach.teams")

YOU_CHOSE = Msg("You chose: {label}")
# The click's data comes back from the client: anything larger was not written by us.
MAX_ANSWERED_CHARS = 20_000


def answered_card(data: Any) -> dict[str, Any] | None:
    """The card to show once `data` (a click's value) was chosen, or None if it cannot say."""
    if not isinstance(data, dict):
        return None
    answered, value = data.get(ANSWERED_KEY), data.get(SUBMIT_KEY)
    if not isinstance(answered, dict) or not isinstance(value, str):
        return None
    title, text, labels = answered.get("title"), answered.get("text"), answered.get("labels")
    if not isinstance(text, str) or not isinstance(labels, dict):
        return None
    label = labels.get(value)
    if not isinstance(label, str) or (title is not None and not isinstance(title, str)):
        return None
    if len(text) + len(title or "") + len(label) > MAX_ANSWERED_CHARS:
        return None
    body = [cards.heading(title)] if title else []
    body.append(cards.text_block(text))
    body.append(cards.text_block(YOU_CHOSE.format(label=label), isSubtle=True))
    return cards.adaptive_card(body)


async def show_answer(context: TurnContext) -> None:
    """Replace the clicked card; a failure only leaves the old card as it was."""
    activity = context.activity
    card = answered_card(activity.value)
    if card is None or not activity.reply_to_id:
        return
    update = cards.card_activity(card)
    update.id = activity.reply_to_id
    try:
        await context.update_activity(update)
    except Exception as exc:  # cosmetic: the answer itself has been taken
        log.warning("teams_card_update_failed", extra={"error": type(exc).__name__})
