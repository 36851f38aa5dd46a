"""Does a text typed where the coach asks for this week's action name a step the educator
will take ("call ana's mom thurs", "le voy a mandar una nota a la abuela")? Or is it
something else worth hearing but not worth saving as the plan ("he works two jobs", "dad is
deployed rn", "my co-teacher will call them")?

The plan model (content/understanding/plan_model.npz, learned from plan_examples.yaml) says
how likely a step is; the words that name an own step (own_plan.py) say so outright.
"""

from __future__ import annotations

from functools import cache

from bot.understanding.normalise import for_matching
from bot.understanding.own_plan import own_plan
from bot.understanding.text_model import TextModel
from content.text_model_schema import PLAN, PLAN_MODEL_PATH, packaged_model

# The model's chance of a step at or above which a text is taken as one. Chosen by leaving
# each writer of plan_examples.yaml out in turn (`python -m bench plan-cv`, BENCHMARKS.md): at
# 0.6, 96.3% of their steps kept and 13.6% of everything else taken; at 0.5, 97.6% and 17.0%.
# A step kept out costs a retype; anything else taken in is the week's plan, asked about
# next week.
PLAN_SURE = 0.6


@cache
def _plan_model() -> TextModel:
    return TextModel(packaged_model(PLAN_MODEL_PATH))


def plan_chance(text: str) -> float:
    """How likely the model finds it that the text names a step (0-1)."""
    return _plan_model().chances_text(for_matching(text))[PLAN]


def names_a_step(text: str) -> bool:
    """A step of the educator's own, in words that say so or as the model reads it."""
    return own_plan(text) is not None or plan_chance(text) >= PLAN_SURE
