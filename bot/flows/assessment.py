"""The self-assessment flow: thirteen ratings, each saved as it is given."""

from __future__ import annotations

from bot.assess import messages
from bot.assess.models import AssessmentResult
from bot.assess.results import latest_results, read_scores
from bot.flows.base import Answer
from bot.flows.state import ActiveFlow, save_flow
from bot.i18n import _
from bot.localtime import local_date_label
from bot.profiles import profile_of
from bot.replies import Card, Choice, Choices, Reply, Text
from bot.turn import Turn
from content.loader import Library

KIND = "assessment"


def start_assessment(turn: Turn) -> list[Reply]:
    flow = ActiveFlow(kind=KIND, step="rate", data={"index": 0, "scores": {}})
    replies: list[Reply] = [Text(turn.library.assessment.intro), *_ask(turn, flow)]
    save_flow(turn, flow)
    return replies


def _ask(turn: Turn, flow: ActiveFlow) -> list[Reply]:
    assessment = turn.library.assessment
    index: int = flow.data["index"]
    item = assessment.statements[index]
    flow.data["_accepts_text"] = False
    pairs = [(level.label, str(level.value)) for level in assessment.levels]
    prompt = messages.STATEMENT.format(
        number=index + 1,
        total=len(assessment.statements),
        title=turn.library.title(item.topic),
        statement=item.statement,
    )
    scale = "\n".join(
        f"{level.value}. {level.label}: {level.meaning}" for level in assessment.levels
    )
    return [Choices(f"{prompt}\n{scale}" if index == 0 else prompt, flow.options(pairs))]


def _finish(turn: Turn, flow: ActiveFlow) -> list[Reply]:
    scores: dict[str, int] = flow.data["scores"]
    previous = latest_results(turn.session, turn.educator.id, count=1)
    turn.session.add(
        AssessmentResult(educator_id=turn.educator.id, taken_at=turn.now, scores=scores)
    )
    flow.finished = True
    earlier = previous[0] if previous else None
    role = profile_of(turn.educator).role
    owned = turn.library.profiles.roles[role].first_topics if role is not None else []
    reading = read_scores(scores, earlier.scores if earlier else None, owned)
    title = turn.library.title
    lines = [
        messages.RESULTS_HEADER.format(date=local_date_label(turn.now, turn)),
        messages.STRONGEST.format(areas=", ".join(title(s) for s in reading.strongest)),
        messages.GROWTH.format(areas=", ".join(title(s) for s in reading.growth)),
    ]
    if earlier is not None:
        since = local_date_label(earlier.taken_at, turn)
        for template, moves in (
            (messages.MOVED_UP, reading.moved_up),
            (messages.MOVED_DOWN, reading.moved_down),
        ):
            if moves:
                areas = ", ".join(f"{title(slug)} ({before}→{now})" for slug, before, now in moves)
                lines.append(template.format(date=since, areas=areas))
        if not reading.moved_up and not reading.moved_down:
            lines.append(messages.NOTHING_MOVED.format(date=since))
    first_growth = reading.growth[0]
    buttons = (
        Choice(
            messages.FOCUS_BUTTON.format(title=title(first_growth)), f"nudges focus {first_growth}"
        ),
        Choice(str(messages.GROWTH_FIRST_BUTTON), "assess growth-first"),
        Choice(
            messages.REFLECT_BUTTON.format(title=title(first_growth)), f"reflect {first_growth}"
        ),
    )
    return [
        Text("\n".join(lines)),
        Card(title=_("Next step"), body=str(messages.OFFER), buttons=buttons),
    ]


class AssessmentFlow:
    optional = False

    def say_in(self, turn: Turn, flow: ActiveFlow, was: Library) -> None:
        """Its questions are read from the library each time they are asked."""

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        total = len(turn.library.assessment.statements)
        return messages.TITLE.format(number=flow.data["index"] + 1, total=total)

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        return _ask(turn, flow)

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        assessment = turn.library.assessment
        valid = {str(level.value) for level in assessment.levels}
        if answer.key not in valid:
            return _ask(turn, flow)
        topic = assessment.statements[flow.data["index"]].topic
        flow.data["scores"][topic] = int(answer.key)
        flow.data["index"] += 1
        if flow.data["index"] >= len(assessment.statements):
            return _finish(turn, flow)
        return _ask(turn, flow)
