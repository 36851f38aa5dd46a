"""Which Flow implementation runs which kind of saved flow."""

from __future__ import annotations

from bot.flows import assessment, checkin, draft, forget, reflection
from bot.flows.base import Flow


def flow_table() -> dict[str, Flow]:
    return {
        reflection.KIND: reflection.ReflectionFlow(),
        assessment.KIND: assessment.AssessmentFlow(),
        forget.KIND: forget.ForgetFlow(),
        checkin.KIND: checkin.CheckinFlow(),
        draft.KIND: draft.DraftFlow(),
    }
