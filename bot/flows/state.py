"""Load, save and end the one flow an educator can be in, sealed and row-versioned."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select

from bot.i18n import Msg
from bot.numbers import parse_small_int
from bot.replies import Choice
from bot.storage.models import FlowState
from bot.storage.sealing import plain_for_storage
from bot.turn import Turn

FLOW_VALUE_PREFIX = "flow:"
# Flows whose data never holds an educator's words (the forget confirmation): stored
# unsealed, so they run even when no configured key opens the educator's data key.
UNSEALED_KINDS = frozenset({"forget"})
# Set in a conversation's data while it waits on a question nothing depends on (a finished
# draft's Another version / Save / Done): a command typed then runs, and the conversation
# steps aside, as an `optional` flow does.
STEPS_ASIDE = "_steps_aside"
# A question put to the coach in the middle of a conversation with nothing ready for it
# there ("what do i do if a grandparent shows up to pick up and isnt on the list"): kept in
# the conversation's data ({"text": ..., "note_home": bool}: a note home asked for is begun
# then), and answered as a plain request once it ends.
ASKED_FOR_LATER = "_asked_for_later"


@dataclass
class ActiveFlow:
    """A flow in progress: its kind, current step, and the data gathered so far."""

    kind: str
    step: str
    data: dict[str, Any]
    version: int = 0
    finished: bool = False
    row: FlowState | None = field(default=None, repr=False)

    def option_value(self, key: str) -> str:
        """A button value valid only for the step being asked now.

        The engine saves the flow once per turn, which moves the row version on
        by one, so the value names that next version; a second click finds the
        version has moved again and does nothing.
        """
        return f"{FLOW_VALUE_PREFIX}{self.version + 1}:{key}"

    def options(self, pairs: Sequence[tuple[str | Msg, str]]) -> tuple[Choice, ...]:
        """Buttons for (label, key) pairs, remembered so typed numbers and words work too.

        Labels are said (in the educator's language) here, and remembered as said."""
        said = [(str(label), key) for label, key in pairs]
        self.data["_options"] = [[label, key] for label, key in said]
        return tuple(Choice(label, self.option_value(key)) for label, key in said)


def parse_flow_value(value: str) -> tuple[int, str] | None:
    """Split a flow button value into (version, key), or None if it is not one."""
    if not value.startswith(FLOW_VALUE_PREFIX):
        return None
    version, _, key = value.removeprefix(FLOW_VALUE_PREFIX).partition(":")
    number = parse_small_int(version)
    return (number, key) if number is not None and key else None


def load_flow(turn: Turn) -> ActiveFlow | None:
    row = turn.session.scalar(
        select(FlowState).where(FlowState.educator_id == turn.educator.id).with_for_update()
    )
    if row is None:
        return None
    data = json.loads(turn.sealer.unseal(row.payload))
    return ActiveFlow(kind=row.kind, step=row.step, data=data, version=row.version, row=row)


def save_flow(turn: Turn, flow: ActiveFlow) -> None:
    """Persist the flow; the row version moves on so stale buttons stop working."""
    document = json.dumps(flow.data, ensure_ascii=False)
    if flow.kind in UNSEALED_KINDS:
        payload = plain_for_storage(document)
    else:
        payload = turn.sealer.seal(document)
    if flow.row is None:
        flow.row = FlowState(
            educator_id=turn.educator.id,
            kind=flow.kind,
            step=flow.step,
            content_version=turn.library.version,
            payload=payload,
            started_at=turn.now,
            updated_at=turn.now,
        )
        turn.session.add(flow.row)
    else:
        flow.row.kind = flow.kind
        flow.row.step = flow.step
        flow.row.payload = payload
        flow.row.updated_at = turn.now
    turn.session.flush()
    flow.version = flow.row.version


def discard_flow(turn: Turn) -> None:
    """Drop the flow in progress without reading it (no configured key opens it)."""
    turn.session.execute(delete(FlowState).where(FlowState.educator_id == turn.educator.id))


def end_flow(turn: Turn, flow: ActiveFlow) -> None:
    if flow.row is not None:
        turn.session.delete(flow.row)
        turn.session.flush()
        flow.row = None
