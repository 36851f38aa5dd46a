"""The self-assessment flow: thirteen ratings, each saved as it is given."""

from __future__ import annotations

from collections.abc import Sequence

from bot import messages as core_messages
from bot.assess import messages
from bot.assess.models import AssessmentResult
from bot.assess.results import latest_results, read_scores
from bot.flows import listening
from bot.flows.base import Answer
from bot.flows.reflection_asides import pick_step_aside
from bot.flows.state import ActiveFlow, save_flow
from bot.i18n import _, current_language
from bot.localtime import local_date_label
from bot.profiles import profile_of
from bot.replies import Card, Choice, Choices, Reply, Text
from bot.turn import Turn
from bot.understanding import understand
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import is_non_answer
from content.loader import Library
from content.schema import AssessmentLevel, Role
from content.understanding_schema import AsidesAtAPick, replies_in

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
    flow.data["_accepts_text"] = True  # "sometimes", "pretty good i think", "a veces"
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


def level_typed(levels: Sequence[AssessmentLevel], text: str) -> str | None:
    """The level a typed answer says in words: the one with the longest of its `typed`
    phrases in the text ("not always" is growing, not routine; "casi nunca" is starting)."""
    said = for_matching(text)
    found = [
        (len(match.group(0)), str(level.value))
        for level in levels
        if level.typed
        for match in [phrases_pattern(tuple(level.typed)).search(said)]
        if match is not None
    ]
    return max(found)[1] if found else None


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
    if reading.strongest:
        strongest = messages.STRONGEST.format(areas=", ".join(title(s) for s in reading.strongest))
    else:  # every statement rated the same
        level = next(iter(scores.values()))
        label = next(lv.label for lv in turn.library.assessment.levels if lv.value == level)
        strongest = messages.ALL_THE_SAME.format(level=label)
    lines = [
        messages.RESULTS_HEADER.format(date=local_date_label(turn.now, turn)),
        strongest,
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

    def untouched(self, flow: ActiveFlow) -> bool:
        return flow.data["index"] == 0 and not flow.data["scores"]

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        total = len(turn.library.assessment.statements)
        return messages.TITLE.format(number=flow.data["index"] + 1, total=total)

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        return _ask(turn, flow)

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        assessment = turn.library.assessment
        valid = {str(level.value) for level in assessment.levels}
        if answer.key is None and (read_for := _read_for_a_role(turn, answer.text)) is not None:
            # "I'm an AP with 900 kids. I don't personally reach out to every family. Do you
            # mean my staff?": how to read the statements from that role (it had been only
            # what the part of the framework is about).
            return [Text(read_for), *_ask(turn, flow)]
        if answer.key is None and listening.asks_what_it_means(answer.text):
            # "honestly i dont know what this one means" (had: scored Not yet, for "i dont")
            meaning = _meaning(turn, assessment.statements[flow.data["index"]].topic)
            return [Text(meaning), *_ask(turn, flow)]
        typed = None if answer.key else level_typed(assessment.levels, answer.text)
        if typed is not None and len(words(for_matching(answer.text))) > LEVEL_READ_WORDS:
            label = _label(assessment.levels, typed)
            return [Text(messages.LEVEL_GUESSED.format(label=label)), *_ask(turn, flow)]
        key = answer.key or typed
        if key is None or key not in valid:
            total = len(assessment.statements)
            how_long = _at_a_pick().how_long_self_check.format(
                number=flow.data["index"] + 1, total=total
            )
            aside = pick_step_aside(answer.text, how_long)
            if aside is not None:  # "how many of these are there", "can i finish later"
                return [Text(aside), *_ask(turn, flow)]
            reading = understand(answer.text, deficit=False)
            if reading.intent == "frustration":  # "ya me cansé de esto": a way out
                weary = core_messages.WEARY_IN_FLOW.format(title=self.title(turn, flow))
                return [Text(weary), *_ask(turn, flow)]
            unsure = is_non_answer(answer.text) or "unsure" in reading.themes
            said = messages.NO_WRONG_ANSWER if unsure else core_messages.PICK_AN_OPTION
            return [Text(str(said)), *_ask(turn, flow)]
        topic = assessment.statements[flow.data["index"]].topic
        flow.data["scores"][topic] = int(key)
        flow.data["index"] += 1
        read = [Text(messages.LEVEL_READ.format(label=_label(assessment.levels, key)))]
        said_back = read if typed is not None else []
        if flow.data["index"] >= len(assessment.statements):
            return [*said_back, *_finish(turn, flow)]
        return [*said_back, *_ask(turn, flow)]


def _label(levels: Sequence[AssessmentLevel], value: str) -> str:
    return next(level.label for level in levels if str(level.value) == value)


def _read_for_a_role(turn: Turn, text: str) -> str | None:
    """How to read the statements from a role other than the classroom teacher's, when the
    text names the role or the staff and asks whether they fit ("do you mean my staff?",
    "i'm a counselor, does this apply?"); None when it asks no such thing."""
    said = for_matching(text)
    # "that one doesn't really apply to me, I don't teach a class": not a level (it had been
    # scored Not yet, for "doesn't", and made a growth area).
    not_mine = phrases_pattern(_NOT_MINE).search(said) is not None
    if "?" not in text and not listening.asks_what_it_means(text) and not not_mine:
        return None
    staff = phrases_pattern(("my staff", "my teachers", "our staff", "mi personal")).search(said)
    named = turn.library.profiles.role_in(text)
    if named is None and staff is None and not not_mine:
        return None  # "what does this one mean?": what the part is about, not a role
    role = named or profile_of(turn.educator).role
    if staff is not None or role is Role.LEADER:
        return str(messages.READ_AS_A_LEADER)
    if not_mine or role in (Role.COUNSELOR, Role.LIAISON, Role.OTHER):
        return str(messages.READ_FROM_YOUR_ROLE)
    return None


# A level is read from an answer of up to this many words; a longer one is asked to confirm.
LEVEL_READ_WORDS = 6
# Said of a statement that does not fit one's work.
_NOT_MINE = (
    "don't have my own families", "dont have my own families", "hard to answer for me",
    "no tengo familias propias", "no tengo mis propias familias",
    "doesn't apply", "doesnt apply", "does not apply", "don't teach", "dont teach",
    "do not teach", "not applicable", "n/a", "no aplica", "no doy clase", "no tengo clase",
    "don't have a class", "dont have a class", "not a teacher", "no soy maestra",
    "no soy maestro",
)  # fmt: skip


def _meaning(turn: Turn, slug: str) -> str:
    topic = turn.library.topics[slug]
    return messages.STATEMENT_MEANING.format(title=topic.title, summary=topic.summary, slug=slug)


def _at_a_pick() -> AsidesAtAPick:
    return replies_in(current_language()).reflection_asides.at_a_pick
