"""The answer to a question about an everyday situation no single part of the framework names
("a dad wants to volunteer in my room every day, how do i say no nicely"): what matters in it
and three things to try this week (content/understanding/situations.yaml), then the way to
read or think it through."""

from __future__ import annotations

from bot.flows.listening import what_is_told
from bot.i18n import current_language
from bot.offers import make_offer
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.understanding.normalise import for_matching, words
from bot.understanding.reader import SITUATION_CONFIDENCE, SITUATION_OVER_TOLD, default_reader
from content.situations_schema import situations_in
from content.understanding_schema import replies_in

# Fewer words than this say too little to be a situation ("no", "ugh"); "late pickup" is one.
SITUATION_WORDS = 2


def situation_answer(turn: Turn, text: str, *, sure: float = SITUATION_CONFIDENCE) -> list[Reply]:
    """The situation's answer when the message asks about one (the model at least `sure` of
    it); empty when it does not."""
    if len(words(for_matching(text))) < SITUATION_WORDS:
        return []  # "no", "Maya and Leo": too few words to be about anything yet
    told = what_is_told(text)
    if told is not None and told[1].answers:
        return []  # "is it ok to give parents my personal cell": answered as told
    if told is not None:
        sure = max(sure, SITUATION_OVER_TOLD)
    name = default_reader().situation(text, sure)
    if name is None:
        return []
    language = current_language()
    situation = situations_in(language).situations[name]
    said = replies_in(language).intents
    lines = [f"**{situation.title}**", situation.says, "", said.situation_tries]
    lines += [f"• {line}" for line in situation.tries]
    slug = situation.topic
    if slug in turn.library.topics:
        lines += ["", said.question_more.format(slug=slug)]
        make_offer(turn.educator, f"reflect {slug}", turn.now)  # "sure" starts it
    else:
        lines += ["", said.heard_offer.format(topic="")]
        make_offer(turn.educator, "reflect", turn.now)
    return [Text("\n".join(lines))]
