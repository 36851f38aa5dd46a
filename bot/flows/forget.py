"""`forget`, confirmed: delete every row about the educator, in every table.

One question (delete everything? yes / no). On yes the flow's own row is ended first,
then every row found by bot/privacy/scope.py goes, in the message's one transaction.
"""

from __future__ import annotations

from bot.flows.base import Answer
from bot.flows.state import ActiveFlow, end_flow, save_flow
from bot.privacy import messages
from bot.privacy.forget import forget_educator
from bot.replies import Choices, Reply, Text
from bot.turn import Turn
from content.loader import Library

KIND = "forget"
OPTIONS = [(messages.FORGET_YES, "yes"), (messages.FORGET_NO, "no")]


def start_forget(turn: Turn) -> list[Reply]:
    flow = ActiveFlow(kind=KIND, step="confirm", data={})
    replies = _ask(flow)
    save_flow(turn, flow)
    return replies


def _ask(flow: ActiveFlow) -> list[Reply]:
    flow.data["_accepts_text"] = False
    return [Choices(str(messages.FORGET_CONFIRM), flow.options(OPTIONS))]


class ForgetFlow:
    optional = False

    def say_in(self, turn: Turn, flow: ActiveFlow, was: Library) -> None:
        """Its questions are read from the library each time they are asked."""

    def untouched(self, flow: ActiveFlow) -> bool:
        return True  # nothing is deleted until it is confirmed

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        return str(messages.FORGET_TITLE)

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        return _ask(flow)

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        if answer.key == "no":
            flow.finished = True
            return [Text(str(messages.FORGET_KEPT))]
        if answer.key != "yes":
            return _ask(flow)
        end_flow(turn, flow)  # the confirmation itself is not the educator's data
        flow.finished = True
        deleted = forget_educator(turn.session, turn.educator)
        others = [
            messages.kind_count(table, count)
            for table, count in deleted.items()
            if table != "educators"
        ]
        if not others:
            return [Text(str(messages.FORGET_NOTHING))]
        profile = messages.kind_count("educators", deleted.get("educators", 0))
        return [Text(messages.FORGET_DONE.format(what=messages.join_words([profile, *others])))]
