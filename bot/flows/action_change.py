"""Another action for this week, asked for in words ("can i change my action? this one
doesn't really work for a counselor", "¿cómo le cambio la acción?").

The action options for the same part of the framework come again (the next ones, fitted to
the educator's role), and the one picked or written takes the place of the action chosen,
in the same journal entry (bot/flows/reflection.py REPLACES). An action chosen long enough
ago to be last week's is checked in on first: how it went is kept, never overwritten.
"""

from __future__ import annotations

from datetime import timedelta

from bot.flows.reflection import (
    KIND,
    NOT_AGAIN,
    REPLACES,
    ask_action,
    keep_role_said,
    reflections_on,
)
from bot.flows.state import ActiveFlow, save_flow
from bot.followthrough import action_awaiting_check_in, ask_how_it_went
from bot.i18n import current_language
from bot.replies import Reply, Text
from bot.turn import Turn
from content.understanding_schema import replies_in

# Chosen this long ago or more, an action is last week's: how it went comes first.
CHANGE_WITHIN = timedelta(days=5)


def change_action(turn: Turn, text: str) -> list[Reply]:
    """This week's action options again, to take the place of the action chosen; nothing
    planned, or last week's action, said so."""
    change = replies_in(current_language()).change_action
    pending = action_awaiting_check_in(turn)
    if pending is None:
        return [Text(change.none_planned)]
    if turn.now - pending.created_at >= CHANGE_WITHIN:
        return [Text(change.last_week), ask_how_it_went(turn, pending)]
    chosen = turn.sealer.unseal(pending.action)
    flow = ActiveFlow(
        kind=KIND,
        step="",
        data={
            "topic": pending.topic,
            "prompts": [],
            "answers": [],
            "actions": [],
            # The next options on this topic, not the ones chosen from last time.
            "rotation": reflections_on(turn, pending.topic),
            "themes": [],
            REPLACES: pending.id,
            NOT_AGAIN: chosen,
        },
    )
    keep_role_said(turn, flow, text)  # "...doesn't work for a counselor": fits a counselor
    asked = ask_action(turn, flow)
    save_flow(turn, flow)
    return [Text(change.offered.format(action=chosen.rstrip("."))), *asked]
