"""The guided reflection: check in on last week's action, two questions, one new action.

Steps, each saved before the next question is asked:
  followup -> followup_note   (only when the last action has not been checked in on)
  prompt (twice)
  action -> action_own        (own words, when no suggested action fits)
"""

from __future__ import annotations

import json

from sqlalchemy import func, select

from bot import messages
from bot.commands.reframe import reframe_offer
from bot.flows.base import Answer
from bot.flows.state import ActiveFlow, save_flow
from bot.followthrough import action_awaiting_check_in, record_outcome
from bot.localtime import local_date_label
from bot.replies import AskText, Choices, Reply, Text
from bot.storage.models import Reflection
from bot.turn import Turn

KIND = "reflection"
PROMPTS_PER_REFLECTION = 2
ACTIONS_OFFERED = 3
FOLLOWUP_OPTIONS = [("Done", "done"), ("Partly", "partly"), ("Not yet", "not_yet")]


def _rotating(items: list[str], start: int, count: int) -> list[str]:
    return [items[(start + i) % len(items)] for i in range(min(count, len(items)))]


def start_reflection(turn: Turn, slug: str) -> list[Reply]:
    """Begin a reflection on one topic; earlier reflections on it pick fresh prompts."""
    topic = turn.library.topics[slug]
    done_before = (
        turn.session.scalar(
            select(func.count())
            .select_from(Reflection)
            .where(Reflection.educator_id == turn.educator.id, Reflection.topic == slug)
        )
        or 0
    )
    flow = ActiveFlow(
        kind=KIND,
        step="",
        data={
            "topic": slug,
            "prompts": _rotating(
                topic.reflection_prompts,
                done_before * PROMPTS_PER_REFLECTION,
                PROMPTS_PER_REFLECTION,
            ),
            "actions": _rotating(
                topic.quick_actions, done_before * ACTIONS_OFFERED, ACTIONS_OFFERED
            ),
            "answers": [],
        },
    )
    replies: list[Reply] = [
        Text(messages.REFLECT_INTRO.format(title=topic.title, summary=topic.summary))
    ]
    pending = action_awaiting_check_in(turn)
    if pending is not None:
        flow.data["followup_id"] = pending.id
        replies += _ask_followup(turn, flow, pending)
    else:
        replies += _ask_prompt(flow)
    save_flow(turn, flow)
    return replies


def _ask_followup(turn: Turn, flow: ActiveFlow, pending: Reflection) -> list[Reply]:
    flow.step = "followup"
    flow.data["_accepts_text"] = False
    question = messages.FOLLOWUP_QUESTION.format(
        date=local_date_label(pending.created_at, turn),
        title=turn.library.title(pending.topic),
        action=turn.sealer.unseal(pending.action),
    )
    return [Choices(question, flow.options(FOLLOWUP_OPTIONS))]


def _ask_followup_note(flow: ActiveFlow) -> list[Reply]:
    flow.step = "followup_note"
    flow.data["_accepts_text"] = True
    return [Choices(messages.FOLLOWUP_NOTE, flow.options([("No note", "none")]))]


def _ask_prompt(flow: ActiveFlow) -> list[Reply]:
    number = len(flow.data["answers"]) + 1
    flow.step = "prompt"
    flow.data["_accepts_text"] = True
    flow.data["_options"] = []
    prompt = flow.data["prompts"][number - 1]
    total = len(flow.data["prompts"])
    return [AskText(messages.PROMPT_LABEL.format(number=number, total=total, prompt=prompt))]


def _ask_action(flow: ActiveFlow) -> list[Reply]:
    flow.step = "action"
    flow.data["_accepts_text"] = True
    pairs = [(action, f"a{i}") for i, action in enumerate(flow.data["actions"])]
    pairs.append(("Write my own", "own"))
    return [Choices(messages.ACTION_QUESTION, flow.options(pairs))]


def _ask_own_action(flow: ActiveFlow) -> list[Reply]:
    flow.step = "action_own"
    flow.data["_accepts_text"] = True
    flow.data["_options"] = []
    return [AskText(messages.ACTION_OWN)]


def _save(turn: Turn, flow: ActiveFlow, action: str) -> list[Reply]:
    prompts: list[str] = flow.data["prompts"]
    answers: list[str] = flow.data["answers"]
    turn.session.add(
        Reflection(
            educator_id=turn.educator.id,
            topic=flow.data["topic"],
            created_at=turn.now,
            answers=turn.sealer.seal(
                json.dumps(
                    [{"prompt": p, "answer": a} for p, a in zip(prompts, answers, strict=False)],
                    ensure_ascii=False,
                )
            ),
            action=turn.sealer.seal(action),
            action_status="planned",
        )
    )
    flow.finished = True
    return [Text(messages.REFLECTION_SAVED.format(action=action))]


class ReflectionFlow:
    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        return f"reflection on *{turn.library.title(flow.data['topic'])}*"

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        # Re-asking rebuilds the same step's question; the options keep their keys.
        match flow.step:
            case "followup":
                pending = turn.session.get(Reflection, flow.data.get("followup_id"))
                if pending is not None:
                    return _ask_followup(turn, flow, pending)
                return _ask_prompt(flow)
            case "followup_note":
                return _ask_followup_note(flow)
            case "prompt":
                return _ask_prompt(flow)
            case "action":
                return _ask_action(flow)
            case _:
                return _ask_own_action(flow)

    def _wording_note(self, turn: Turn, flow: ActiveFlow, own: str | None) -> list[Reply]:
        """At most one reframe offer per reflection, and only when the educator wants them."""
        note = reframe_offer(turn, flow.data.get("reframe_offered", False), own or "")
        if note is None:
            return []
        flow.data["reframe_offered"] = True
        return [note]

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        match flow.step:
            case "followup":
                pending = turn.session.get(Reflection, flow.data.get("followup_id"))
                if pending is not None and pending.educator_id == turn.educator.id and answer.key:
                    record_outcome(pending, answer.key, None, turn.sealer, turn.now)
                return _ask_followup_note(flow)
            case "followup_note":
                pending = turn.session.get(Reflection, flow.data.get("followup_id"))
                note = _own_words(answer)
                if pending is not None and pending.educator_id == turn.educator.id and note:
                    pending.outcome_note = turn.sealer.seal(note)
                return [Text(messages.FOLLOWUP_THANKS), *_ask_prompt(flow)]
            case "prompt":
                own = _own_words(answer)
                flow.data["answers"].append(own or "")
                notes = self._wording_note(turn, flow, own)
                if len(flow.data["answers"]) < len(flow.data["prompts"]):
                    return [*notes, *_ask_prompt(flow)]
                return [*notes, *_ask_action(flow)]
            case "action":
                if answer.key == "own":
                    return _ask_own_action(flow)
                if answer.key is not None and answer.key.startswith("a"):
                    index = int(answer.key[1:])
                    return _save(turn, flow, flow.data["actions"][index])
                own = _own_words(answer)
                return _save(turn, flow, own) if own else _ask_action(flow)
            case _:
                own = _own_words(answer)
                return _save(turn, flow, own) if own else _ask_own_action(flow)


def _own_words(answer: Answer) -> str | None:
    """The educator's text, or None when they chose to skip."""
    if answer.key is not None:
        return None
    text = answer.text.strip()
    return None if not text or text.casefold() in messages.SKIP_WORDS else text
