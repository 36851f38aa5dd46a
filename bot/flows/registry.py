"""Which Flow implementation runs which kind of saved flow."""

from __future__ import annotations

from bot.flows import assessment, checkin, draft, forget, reflection
from bot.flows.base import Flow

# The command word that starts each kind of guided conversation (the check-in has none: a
# nudge's buttons or a reflection start it).
KIND_STARTED_BY = {
    "reflect": reflection.KIND,
    "assess": assessment.KIND,
    "forget": forget.KIND,
    "draft": draft.KIND,
}


def flow_table() -> dict[str, Flow]:
    return {
        reflection.KIND: reflection.ReflectionFlow(),
        assessment.KIND: assessment.AssessmentFlow(),
        forget.KIND: forget.ForgetFlow(),
        checkin.KIND: checkin.CheckinFlow(),
        draft.KIND: draft.DraftFlow(),
    }
