"""What is asked about a reflection at one of its questions, instead of an answer: "how long
is this gonna take?", "can we finish this friday during my prep", "do i have to answer this
one?", "is this saved anywhere? who can see it", "can i change my action?".

Each had been met with the stuck help ("No problem. Here's a way in...") or, worse, saved as
the answer ("i have to run, can i come back to this" was heard as a week short of time). The
content's phrases find the plain ways of asking (replies.yaml `reflection_asides`), the
reflection aside model the rest (bot/understanding/reflection_asides.py); the answer is said,
the question asked again, and nothing is saved.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.flows import listening
from bot.flows.state import ActiveFlow
from bot.i18n import current_language
from bot.understanding.action_questions import (
    STEP_OVER_QUESTION,
    action_question,
    question_chances,
)
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.plan import plan_chance
from bot.understanding.reader import is_asked
from bot.understanding.reflection_asides import aside_chances, reflection_aside_asked
from content.understanding_schema import ReflectionAside, ReflectionAsides, replies_in

# Asked over the action options too, answered there with their `at_action` (who can see it
# and a change of action are the action question model's and change_action's there).
AT_THE_ACTION_STEP = frozenset({"later", "how_long", "how_often", "must_answer", "weary"})
OPTION_NUMBERS = frozenset("123456789")
# Where an option is to be picked, what is typed ranges wider than at a question (a note's
# details typed ahead: "his name is jayden" is who_sees at 0.56): the model must be surer.
# Of the 590 texts typed under "How did it go?" in the check-in and nudge-reply dev sets, 23
# get an aside's answer at this level (26 at 0.4), nearly all asking to be asked again later
# or who sees it ("Oye, ¿esto lo ve mi director?").
PICK_STEP_ASIDE_SURE = 0.75
# Numbers as typed (the matching form reads texting's "2" as "to"), but not a time or a count
# of minutes: "will this take more than 2 min?".
_DIGITS = re.compile(
    r"(?<![\w:/])\d+(?![\w:/])(?!\s*(?:min|mins|minute|minutes|hr|hrs|hour|hours|sec|am|pm)\b)",
    re.IGNORECASE,
)


def reflection_aside(flow: ActiveFlow, text: str) -> str | None:
    """The answer to a question about the reflection itself, or None for an answer."""
    asides = replies_in(current_language()).reflection_asides
    name, _ = _asked(asides, text)
    if phrases_pattern(tuple(asides.not_kept.words)).search(for_matching(text)) is not None and (
        name != "who_sees"  # "esto queda entre nosotros": who sees it, answered below
    ):
        # "please dont save this but the dad was deported...": heard, and nothing kept.
        told = listening.what_is_told(text)
        return (
            asides.not_kept.answer
            if told is None
            else f"{told[1].acknowledge} {asides.not_kept.answer}"
        )
    if name is None:
        return None
    if name == "who_sees":
        return replies_in(current_language()).to_the_coach["privacy"].answer
    if name == "change_action":
        return asides.change_action
    aside: ReflectionAside = getattr(asides, name)
    number = len(flow.data["answers"]) + 1
    return aside.answer.format(number=number, count=len(flow.data["prompts"]))


# What `takes_back` finds asked before any answer was written.
NOTHING_WRITTEN = 0


def takes_back(flow: ActiveFlow, text: str) -> int | None:
    """ "actually can you delete what i just wrote", or "please don't save her name or the
    part about nights, that's private" typed after an answer (at the next question, the
    probe, or the action options): the number of the question whose answer it asks to be
    deleted (NOTHING_WRITTEN before any), or None when it asks no such thing. The caller
    empties it (`take_back`)."""
    asides = replies_in(current_language()).reflection_asides
    said = for_matching(text)
    taken_back = asides.taken_back
    named = phrases_pattern(tuple(taken_back.words)).search(said) is not None
    if not named and not _points_back(said, tuple(taken_back.pointing)):
        not_kept = phrases_pattern(tuple(asides.not_kept.words)).search(said)
        if not_kept is None or is_asked(text) or _asked(asides, text)[0] == "who_sees":
            return None  # "esto queda entre nosotros" asks who sees it: nothing to delete
        rest = words(said[: not_kept.start()] + " " + said[not_kept.end() :])
        if len(rest) > asides.taken_back.pointing_most_words:
            return None  # "please dont save this but the dad was deported...": its own story
    if flow.step == "probe" and flow.data.get("thin_answer"):
        return len(flow.data["answers"]) + 1
    given = [number for number, answer in enumerate(flow.data["answers"], start=1) if answer]
    return given[-1] if given else NOTHING_WRITTEN  # the latest written, not a skipped one


# What may follow a pointing phrase and still end its clause: "delete that pls", "scratch
# that, i mean the garcias".
_CLAUSE_ENDS = re.compile(r"\s*(?:$|[,.;:!?)]|(?:please|pls|plz|por favor|actually|lol)\b)")


def _points_back(said: str, pointing: tuple[str, ...]) -> bool:
    """A pointing phrase ("scratch that") where its clause ends: "i should delete that old
    contacts list" deletes nothing."""
    return any(
        _CLAUSE_ENDS.match(said, found.end()) for found in phrases_pattern(pointing).finditer(said)
    )


def take_back(flow: ActiveFlow, number: int) -> str:
    """Empty the answer to question `number` (as a skipped question is kept) and say so."""
    taken_back = replies_in(current_language()).reflection_asides.taken_back
    if number == NOTHING_WRITTEN:
        return taken_back.nothing_yet
    if flow.step == "probe":
        flow.data.pop("thin_answer", None)
        flow.data["answers"].append("")
    else:
        flow.data["answers"][number - 1] = ""
    return taken_back.answer.format(number=number)


def action_step_aside(text: str) -> str | None:
    """The answer to "can we finish this later?", "is this the last step?" or "do i have to
    pick one?" typed over the action options, or None. A text that asks nothing and that the
    plan model finds a step in ("text mom later this week") is the plan."""
    asides = replies_in(current_language()).reflection_asides
    if any(word in OPTION_NUMBERS for word in _DIGITS.findall(text)):
        return None  # "#2 tomorrow at dismissal": an option picked, with when
    name, phrased = _asked(asides, text)
    if name not in AT_THE_ACTION_STEP:
        return None
    if not is_asked(text) and plan_chance(text) >= STEP_OVER_QUESTION:
        return None
    if not phrased and _a_question_about_the_options(text, name):
        return None
    aside: ReflectionAside = getattr(asides, name)
    return aside.at_action


class PickAside(NamedTuple):
    """An aside typed where an option is to be picked: the coach's answer, and whether the
    text asks it ("how long is this?") rather than says it ("gonna do it later this week")."""

    reply: str
    asked: bool


def pick_step_aside(text: str, how_long: str | None = None) -> str | None:
    """The answer to "can we do this later?", "who can see this?" or (with `how_long`, the
    flow's own answer) "how long is this?", typed where an option is to be picked and read
    as none; None for anything else (which gets "Please pick one of the options")."""
    aside = read_pick_step_aside(text, how_long)
    return None if aside is None else aside.reply


def read_pick_step_aside(text: str, how_long: str | None = None) -> PickAside | None:
    """As `pick_step_aside`, with whether it is asked: "who can see this?" always is."""
    said = replies_in(current_language())
    name, phrased = _asked(said.reflection_asides, text)
    if name is None or (not phrased and aside_chances(text)[name] < PICK_STEP_ASIDE_SURE):
        return None
    if name == "who_sees":
        return PickAside(said.to_the_coach["privacy"].answer, asked=True)
    if name == "later":
        return PickAside(said.reflection_asides.at_a_pick.later, asked=is_asked(text))
    if name == "how_long" and how_long is not None:
        return PickAside(how_long, asked=is_asked(text))
    return None


def _a_question_about_the_options(text: str, aside: str) -> bool:
    """The action question model is surer of its question ("what if they don't answer?")
    than the aside model of the aside: the question is answered there."""
    asked = action_question(text)
    if asked is None:
        return False
    return question_chances(text)[asked] > aside_chances(text)[aside]


def _asked(asides: ReflectionAsides, text: str) -> tuple[str | None, bool]:
    """Which aside is asked (a name in REFLECTION_ASIDES, or None), and whether the content's
    phrases found it (else the model did)."""
    phrased = phrased_aside(asides, text)
    name = phrased or reflection_aside_asked(text)
    if name is None or _ruled_out(asides, name, text):
        return None, False
    return name, phrased is not None


def _ruled_out(asides: ReflectionAsides, name: str, text: str) -> bool:
    """The aside's `unless_words` are in the text ("do i have to call or can i text?")."""
    aside = getattr(asides, name, None)  # `change_action` is only its answer
    if not isinstance(aside, ReflectionAside) or not aside.unless_words:
        return False
    return phrases_pattern(tuple(aside.unless_words)).search(for_matching(text)) is not None


def phrased_aside(asides: ReflectionAsides, text: str) -> str | None:
    """The aside the content's phrases find, or None."""
    said = for_matching(text)
    length = len(words(said))
    most = asides.privacy_asked_most_words if is_asked(text) else asides.privacy_most_words
    if length <= most and _privacy_asked(said):
        return "who_sees"
    if listening.asks_to_change_action(text):
        return "change_action"
    phrased = (
        ("how_long", asides.how_long),
        ("how_often", asides.how_often),
        ("must_answer", asides.must_answer),
        ("later", asides.later),
        ("weary", asides.weary),
    )
    for name, aside in phrased:
        # An aside its own `unless_words` rule out leaves the next its turn ("brain is fried.
        # tomorrow?" is not only weary: it asks to come back).
        if _found(aside, said, length) and not _ruled_out(asides, name, text):
            return name
    return None


def _found(aside: ReflectionAside, said: str, length: int) -> bool:
    if length > aside.most_words:
        return False
    return phrases_pattern(tuple(aside.words)).search(said) is not None


def _privacy_asked(said: str) -> bool:
    privacy = replies_in(current_language()).to_the_coach["privacy"]
    return phrases_pattern(tuple(privacy.words)).search(said) is not None
