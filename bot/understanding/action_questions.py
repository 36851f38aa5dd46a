"""What a question typed over this week's action options asks ("can i pick two?", "does email
count?", "what if they don't speak english?"), so it is answered, not met with "that doesn't
look like an action yet".

The action question model (content/understanding/action_question_model.npz, learned from
action_question_examples.yaml) names the question, or `none` for anything else typed there:
a step of their own, how last week went, a feeling, another question.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from bot.understanding.normalise import for_matching
from bot.understanding.plan import plan_chance
from bot.understanding.reader import is_asked
from bot.understanding.text_model import TextModel
from content.text_model_schema import (
    ACTION_QUESTION_MODEL_PATH,
    NO_ACTION_QUESTION,
    packaged_model,
)

# The model's chance of a question at or above which it is answered. Chosen by leaving each
# writer of action_question_examples.yaml out in turn (`python -m bench action-questions`,
# BENCHMARKS.md): a wrong answer to a question reads as not listening, and an answer to a
# step of their own holds up saving it, so few answers given wrongly come before many given.
ACTION_QUESTION_SURE = 0.5
# A text that asks nothing (no question mark, no asking words) and that the plan model
# (bot/understanding/plan.py) finds a step at least this surely is the plan, whatever this
# model says ("learn how to say hello in somali" is no request for wording). Not lower: the
# plan model also finds many questions typed without a question mark to be steps ("call or
# text for a dad who works nights"): at 0.8, 45 of the 532 such examples are kept from their
# answer, at 0.7, 62 (BENCHMARKS.md).
STEP_OVER_QUESTION = 0.8
# "im a para, i dont have my own families": also how a weekly nudge that fits no part of their
# job is told (bot/plain_requests.py), in the same words.
NOT_MY_ROLE = "not_my_role"
# "does email count?", "does it count if the parent emailed me first?": also asked right after
# "How did it go?", and answered there for the check-in (bot/plain_requests.py).
WHAT_COUNTS = "what_counts"


@cache
def _model() -> TextModel:
    return TextModel(packaged_model(ACTION_QUESTION_MODEL_PATH))


def question_chances(text: str) -> dict[str, float]:
    """The model's probability of each question (and of `none`), summing to 1."""
    return _model().probabilities_text(for_matching(text))


def action_question(text: str, sure: float = ACTION_QUESTION_SURE) -> str | None:
    """The question the text asks (a name in replies.yaml `action_questions`), when the model
    is at least `sure` of it; None for anything else."""
    return question_of(question_chances, text, sure)


def question_of(
    chances_of: Callable[[str], dict[str, float]], text: str, sure: float
) -> str | None:
    """The question the model (`chances_of` each, from the text) finds at least `sure`,
    unless the text asks nothing and names a step (STEP_OVER_QUESTION)."""
    chances = chances_of(text)
    name = max(chances, key=lambda label: chances[label])
    if name == NO_ACTION_QUESTION or chances[name] < sure:
        return None
    return name if is_asked(text) or plan_chance(text) < STEP_OVER_QUESTION else None
