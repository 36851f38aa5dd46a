"""A question right after a story told: "a mom yelled at me in the parking lot about her son's
grades" is heard, and a reflection offered; "what should I do?" or "ok but how?" next asks
about that story (it had got the general "Good question. The framework...", and "ok but how?"
the whole menu).

What the coach would advise is worked out when the story is heard and kept with the offer
(bot/offers.py `heard_asked`) as a situation's name or a theme's tries by number, never the
educator's words, and used up by the next message like every offer.
"""

from __future__ import annotations

from bot.closest_lines import closest_indices
from bot.flows.listening import hardest_theme
from bot.i18n import current_language
from bot.offers import make_offer
from bot.replies import Reply, Text
from bot.situation_answers import asks_for_advice, situation_if_asked, situation_named
from bot.turn import Turn
from bot.understanding import Understanding
from bot.understanding.normalise import for_matching, words
from bot.understanding.reader import SITUATION_CONFIDENCE, default_reader
from content.understanding_schema import replies_in

SITUATION = "situation"
THEME = "theme"
# A follow-up is a few words ("so what do i do now?"); a longer message says something new.
FOLLOW_UP_WORDS = 8
# How many of a theme's tries answer "what should I do?" (as many as a how-to question gets).
TRIES = 2


def advice_on(text: str, reading: Understanding) -> str | None:
    """What to answer if the story `text` is followed by "what should I do?": the situation it
    would be answered with ("situation:upset_parent"), else the tries closest to it for what
    is in the way ("theme:conflict:0,3"); None when there is neither."""
    situation = situation_if_asked(text, reading.language)
    if situation is not None:
        return f"{SITUATION}:{situation}"
    actions = replies_in(current_language()).theme_actions
    theme = hardest_theme([t for t in reading.themes if t in actions])
    if theme is None:
        return None
    tries = closest_indices(text, actions[theme], TRIES)
    return f"{THEME}:{theme}:{','.join(map(str, tries))}"


def asks_about_the_story(text: str) -> bool:
    """ "what should I do?", "ok but how?", "qué hago": a few words that ask for advice and
    name no situation of their own ("what do I do about a dad who records meetings" is a new
    question)."""
    said = words(for_matching(text))
    if len(said) > FOLLOW_UP_WORDS:
        return False
    follow_ups = replies_in(current_language()).intents.follow_up_asks
    typed = " ".join(said) in {" ".join(words(for_matching(f))) for f in follow_ups}
    if not (typed or asks_for_advice(text)):
        return False
    return default_reader().situation(text, SITUATION_CONFIDENCE) is None


def answer_on_the_story(turn: Turn, advice: str, command: str) -> list[Reply]:
    """The advice kept for the story, with the reflection still offered (`command`); empty
    when what was kept no longer names anything in the content."""
    kind, _, rest = advice.partition(":")
    if kind == SITUATION:
        return situation_named(turn, rest)
    theme, _, numbers = rest.partition(":")
    replies = replies_in(current_language())
    actions = replies.theme_actions.get(theme, [])
    tries = [actions[int(n)] for n in numbers.split(",") if n.isdigit() and int(n) < len(actions)]
    if kind != THEME or not tries:
        return []
    topic = command.removeprefix("reflect")
    make_offer(turn.educator, command, turn.now)  # "sure" still starts the reflection
    lines = [replies.intents.heard_then_tries, *(f"• {line}" for line in tries)]
    lines += ["", replies.intents.heard_offer.format(topic=topic)]
    return [Text("\n".join(lines))]
