"""A question nothing else answered ("what do i do if a parent shows up unannounced"): said
plainly that there is no ready answer, with the one line in the content that shares the most
words with it (a situation's try or a part of the framework's practice), or a request for a
little more when no line comes close. It had been "Good question. The framework starts from
trust...", an answer to no question."""

from __future__ import annotations

from dataclasses import dataclass

from bot.closest_lines import shared_words
from bot.i18n import current_language
from bot.offers import make_offer
from bot.replies import Reply, Text
from bot.turn import Turn
from content.situations_schema import situations_in
from content.understanding_schema import replies_in

# Words a line must share with the question (beyond function words) to be offered as near it.
NEAREST_SHARED_WORDS = 2
# Stems nearly every line and question share ("families", "parents", "students"): no sign
# that a line is about what was asked.
EVERYWHERE = frozenset([
    "famil", "paren", "stude", "child", "schoo", "teach", "class", "kids", "moms", "dads",
    "padre", "madre", "mamá", "papá", "escue", "alumn", "estud", "niños", "hijos", "maest",
    # ...and words of asking and telling, which any question and line may hold ("how do i tell
    # her yes without..." had been near a line on families without a home, by "tell" and
    # "without").
    "tell", "witho", "sayin", "wants", "think", "someo", "somet", "thing", "going", "reall",
])  # fmt: skip


@dataclass(frozen=True)
class NearLine:
    title: str
    line: str
    topic: str  # the part of the framework to read on, "" when none


def nearest_answer(turn: Turn, text: str) -> list[Reply]:
    """The honest answer to a question with no ready answer, near line or not."""
    said = replies_in(current_language()).intents
    near = _nearest_line(turn, text)
    if near is None:
        return [Text(said.question_general)]
    lines = [said.question_nearest.format(title=near.title), f"• {near.line}", ""]
    if near.topic:
        make_offer(turn.educator, f"reflect {near.topic}", turn.now)  # "ok" thinks it through
        lines.append(said.question_nearest_more.format(slug=near.topic))
    else:
        lines.append(said.question_nearest_more_plain)
    return [Text("\n".join(lines))]


def _nearest_line(turn: Turn, text: str) -> NearLine | None:
    """The line sharing the most words with `text`, first found on a tie; None below
    NEAREST_SHARED_WORDS."""
    best = max(
        _candidates(turn), key=lambda near: shared_words(text, near.line, EVERYWHERE), default=None
    )
    if best is None or shared_words(text, best.line, EVERYWHERE) < NEAREST_SHARED_WORDS:
        return None
    return best


def _candidates(turn: Turn) -> list[NearLine]:
    """Every situation's tries, then every part of the framework's practice lines."""
    found = [
        NearLine(situation.title, line, situation.topic or "")
        for situation in situations_in(current_language()).situations.values()
        if situation.nearest
        for line in situation.tries
    ]
    found += [
        NearLine(topic.title, line, slug)
        for slug, topic in turn.library.topics.items()
        for line in topic.in_practice
    ]
    return found
