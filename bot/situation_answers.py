"""The answer to a question about an everyday situation no single part of the framework names
("a dad wants to volunteer in my room every day, how do i say no nicely"): what matters in it
and three things to try this week (content/understanding/situations.yaml), then the way to
read or think it through."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.flows.listening import what_is_told
from bot.i18n import current_language
from bot.offers import SITUATION_ADVICE, advised, make_offer
from bot.replies import Reply, Text
from bot.turn import Turn
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import (
    SITUATION_CONFIDENCE,
    SITUATION_OVER_TOLD,
    asks_a_question,
    clauses_of,
    default_reader,
    sentences_of,
)
from content.situations_schema import Situation, situations_in
from content.understanding_schema import Told, replies_in

# How a message opens when it names the educator's own role, and within how many words.
OWN_ROLE_OPENERS = frozenset(["im", "i'm", "i’m", "soy", "as"])
OWN_ROLE_WORDS = 5
# Fewer words than this say too little to be a situation ("no", "ugh"); "late pickup" is one.
SITUATION_WORDS = 2
# Words this short in a request for advice are its own ("to", "her", "a la"), not a topic...
SHORT_WORD = 3
# ...and so are these ("what should i say to her next time", "qué le digo mañana").
ASKING_FILLERS = frozenset(
    ["about", "tomorrow", "today", "tonight", "next", "time", "again", "then", "when", "this",
     "that", "with", "there", "here", "mañana", "ahora", "luego", "otra", "sobre", "después",
     "despues", "cuando", "esto", "ella"]
)  # fmt: skip
# A request for advice of at most this many words asks; a longer one also tells (an answer).
ASKED_ALONE_WORDS = 20
# Said beside a bare "help" at a message's end ("..., help pls").
PLEASE_WORDS = frozenset(["pls", "plz", "please", "me", "por", "favor", "asap"])
# What a story told is read with, in its own language, to find the situation it would be
# answered by if asked.
ASKED_AFTER_A_STORY = {"en": "what should i do?", "es": "¿qué hago?"}


def situation_answer(turn: Turn, text: str, *, sure: float = SITUATION_CONFIDENCE) -> list[Reply]:
    """The situation's answer when the message asks about one (the model at least `sure` of
    it), after what it tells of the educator (replies.yaml `told`: nerves, guilt...), with
    the way into a reflection on it offered; empty when it does not."""
    told = what_is_told(text)
    situation = _situation_in(text, sure, told)
    if situation is None:
        return []
    # "IEP meeting tomorrow and i'm really nervous": the feeling is heard before the answer.
    heard = [] if told is None or not told[1].heard_first else [told[1].acknowledge, ""]
    return _answer_with_offer(turn, situation, heard, text)


def situation_named(turn: Turn, name: str) -> list[Reply]:
    """A situation's answer by its name (one `situation_if_asked` found earlier), with the
    way into a reflection on it offered; empty for a name the content no longer has."""
    known = name in situations_in(current_language()).situations
    return _answer_with_offer(turn, name, []) if known else []


def situation_tries(name: str) -> list[str]:
    """A situation's three things to try, by name; empty for a name the content no longer has."""
    situation = situations_in(current_language()).situations.get(name)
    return [] if situation is None else list(situation.tries)


def situation_if_asked(text: str, language: str) -> str | None:
    """The situation a story told would be answered with had it ended "what should I do?"
    ("a mom yelled at me in the parking lot about her son's grades": a parent angry with
    you), by name; None when it would not be."""
    told = what_is_told(text)
    asked = ASKED_AFTER_A_STORY.get(language, ASKED_AFTER_A_STORY["en"])
    return _situation_in(f"{text}. {asked}", SITUATION_CONFIDENCE, told)


def _answer_with_offer(turn: Turn, name: str, heard: list[str], text: str = "") -> list[Reply]:
    """The situation's answer, the reflection on it offered ("sure" starts it), and what was
    advised kept, so "ok but how?" next gets where to start."""
    said = replies_in(current_language()).intents
    situation = _situation(name)
    answer = _answer_lines(situation)
    lines = [*heard, *answer, *_role_note(turn, text, answer)]
    slug = situation.topic
    if slug in turn.library.topics:
        lines += ["", said.question_more.format(slug=slug)]
        command = f"reflect {slug}"
    else:
        lines += ["", said.heard_offer.format(topic="")]
        command = "reflect"
    make_offer(turn.educator, advised(f"{SITUATION_ADVICE}:{name}", command), turn.now)
    return [Text("\n".join(lines))]


def _role_note(turn: Turn, text: str, answer: list[str]) -> list[str]:
    """ "You may be the counselor this points to": said after an answer that sends the
    educator to someone in their own role ("let a counselor or social worker carry what lies
    beyond your role", said to a counselor), their role from the profile or said of themselves
    in the message ("i'm a counselor and a mom keeps calling me crying")."""
    role = turn.educator.role or _role_said_of_oneself(turn, text)
    note = replies_in(current_language()).role_in_the_answer.get(role or "")
    if note is None:
        return []
    names_it = phrases_pattern(tuple(note.words)).search(for_matching(" ".join(answer)))
    return [] if names_it is None else ["", note.note]


def _role_said_of_oneself(turn: Turn, text: str) -> str | None:
    """ "im a counselor and...", "as the principal, ...": the role the message opens by
    naming as the educator's own."""
    said = words(for_matching(text))
    if not said or not (said[0] in OWN_ROLE_OPENERS or said[:2] == ["i", "am"]):
        return None
    role = turn.library.profiles.role_in(" ".join(said[:OWN_ROLE_WORDS]))
    return None if role is None else role.value


def situation_aside(text: str) -> str | None:
    """ "wait, random q: a dad recorded our whole meeting, what do i do next time?" typed in
    the middle of a reflection: the situation's answer as an aside (nothing offered, as the
    place is kept and asked again), or None."""
    name = _situation_in(text, SITUATION_CONFIDENCE, what_is_told(text))
    if name is None:
        return None
    situation = _situation(name)
    said = replies_in(current_language()).intents
    after = said.aside_situation_after.format(topic=f" {situation.topic or ''}".rstrip())
    return "\n".join([*_answer_lines(situation), "", after])


def asks_for_advice(text: str) -> bool:
    """ "what should i say to her tomorrow", "qué le digo": the coach asked what to say or do
    (replies.yaml `advice_asks`)."""
    asks = replies_in(current_language()).intents.advice_asks
    return phrases_pattern(tuple(asks)).search(for_matching(text)) is not None


def advice_on_what_was_told(text: str, told_before: Sequence[str]) -> str | None:
    """ "what should i say to her tomorrow" typed at a reflection's question after "a parent
    yelled at me at pickup about her son's grade": the situation the answers before it tell
    (the latest first), answered as an aside. A short question naming a situation of its own
    is answered by that; None when the text asks no advice, tells a story of its own (an
    answer), or nothing before names one."""
    if not asks_for_advice(text):
        return None
    if _says_more_than_the_asking(text) and _situation_in(text, SITUATION_CONFIDENCE, None):
        # "Honestly, what do you think I should do about the bullying itself?": a question
        # of its own, answered (it had been kept as the answer, "Thanks, I see what you
        # mean"); a story that ends asking is an answer that tells, and is kept.
        return (
            situation_aside(text) if len(words(for_matching(text))) <= ASKED_ALONE_WORDS else None
        )
    for before in reversed([told for told in told_before if told]):
        answer = situation_aside(f"{before}. {text}")
        if answer is not None:
            return answer
    return None


def question_put_at_the_end(text: str) -> str | None:
    """ "just got a voicemail from a dad yelling about recess. do i call back tonight or wait
    til tmrw", "a parent wants my cell number. do i give it??": what happened, then the coach
    asked what to do about it, typed at a reflection's question. The answer to it as an aside
    (it had been kept as the reflection's answer), or None when the last sentence asks the
    coach nothing ("...should I call or text first? I think text since dad works days"), or
    nothing in the content answers it."""
    if not asks_at_the_end(text):
        return None
    told = what_is_told(text)
    if told is not None and told[1].answers:
        return told[1].acknowledge
    return situation_aside(text)


def asked_not_answered(text: str) -> bool:
    """ "wait before that, can i ask something. ... is that normal or did i do something wrong",
    "quick question - is it weird to text parents on a saturday?": a question put to the
    coach at a reflection's question, announced as one or asking whether something was normal
    or wrong, and asking (not "quick question: none of them came, so I called")."""
    intents = replies_in(current_language()).intents
    said = for_matching(text)
    if not asks_a_question(text) and "?" not in text:
        return False
    announced = phrases_pattern(tuple(intents.question_announced)).search(said) is not None
    sentences = sentences_of(text)
    last = for_matching(sentences[-1]) if sentences else said
    normal = phrases_pattern(tuple(intents.asked_if_normal)).search(last) is not None
    return announced or normal


def asks_about_a_family_at_the_end(text: str) -> bool:
    """A question put to the coach at the end about a family member it names ("what should i
    say to a parent who thinks im picking on her daughter"), answered or not by the content:
    too much of its own to be saved as a reflection's answer."""
    said = [word.strip(".,!?¡¿") for word in words(for_matching(text))]
    return asks_at_the_end(text) and default_reader().names_a_family(said)


def asks_at_the_end(text: str) -> bool:
    """Whether the text's last sentence asks the coach what to do or whether to: advice
    asked ("what do i say", "qué le contesto"), or a choice or leave ("should i...", "do i
    call back...", "is that ok??", "a quien le aviso?"), or a bare "help" at the very end."""
    sentences = sentences_of(text)
    if not sentences:
        return False
    last = for_matching(sentences[-1]).strip()
    clauses = clauses_of(sentences[-1])
    last_clause = for_matching(clauses[-1]).strip() if clauses else last
    intents = replies_in(current_language()).intents
    choice = phrases_pattern(tuple(intents.leave_or_choice_asks))
    return (
        phrases_pattern(tuple(intents.advice_asks)).search(last) is not None
        or choice.match(last) is not None
        or choice.match(last_clause) is not None
        or _help_alone_at_the_end(text, intents.help_at_the_end)
    )


def _help_alone_at_the_end(text: str, help_words: list[str]) -> bool:
    """ "...shes not on the emergency card. help", "..., help pls": a clause of its own ("ask
    him to help" is a plan)."""
    clauses = clauses_of(text)
    said = set(words(for_matching(clauses[-1]))) if clauses else set()
    return not said.isdisjoint(help_words) and said <= {*help_words, *PLEASE_WORDS}


def _says_more_than_the_asking(text: str) -> bool:
    """Whether a request for advice names something besides the asking and whom it is about:
    "what do i say to dad" names nothing of its own (the model, from one example, had heard a
    death in the family in it, after a note about a dad left out of an update); "what should
    i do about the bullying itself" does."""
    said = for_matching(text)
    asks = replies_in(current_language()).intents.advice_asks
    rest = words(phrases_pattern(tuple(asks)).sub(" ", said))
    family = default_reader().family_words
    # Short words are the asking's own ("to", "her", "a la", "him"), not what it is about.
    named = [
        word
        for word in rest
        if len(word) > SHORT_WORD and word not in family and word not in ASKING_FILLERS
    ]
    return bool(named)


# "what to SAY to her?": asked in the fewest words (not an advice ask of replies.yaml, where
# "i never know what to say" would make an answer a question).
_WHAT_TO_SAY = re.compile(r"\bwhat to (?:say|tell|write)\b", re.IGNORECASE)


def _situation_in(text: str, sure: float, told: tuple[str, Told] | None) -> str | None:
    """The name of the situation to answer, given what the text tells (`what_is_told`, read
    once by the caller, which also says it)."""
    if len(words(for_matching(text))) < SITUATION_WORDS:
        return None  # "no", "Maya and Leo": too few words to be about anything yet
    if (asks_for_advice(text) or _WHAT_TO_SAY.search(text)) and not _says_more_than_the_asking(
        _WHAT_TO_SAY.sub(" ", text)
    ):
        # "i asked what to SAY to her": nothing of its own to answer (the model had heard a
        # death in the family in it, after a question about parents who live apart).
        return None
    if told is not None and told[1].answers:
        return None  # "is it ok to give parents my personal cell": answered as told
    if told is not None and told[1].situation is not None:
        # "un papá de mi alumno fue deportado": its words name the situation, unless the model
        # is sure of another ("dad recorded our whole iep meeting": the recording).
        read = default_reader().situation(text, SITUATION_OVER_TOLD)
        return told[1].situation if read is None or read in told[1].narrows else read
    if told is not None and told[1].heard_first:
        # A feeling or a story told keeps its own reply unless the model is surer; general
        # advice told ("how do i say a hard thing") gives way at the usual bar, as the
        # situation's answer says it better ("...about their kid's hygiene").
        sure = max(sure, SITUATION_OVER_TOLD)
    return default_reader().situation(text, sure)


def _situation(name: str) -> Situation:
    return situations_in(current_language()).situations[name]


def _answer_lines(situation: Situation) -> list[str]:
    """What the coach took it to be about, what matters, and three things to try."""
    said = replies_in(current_language()).intents
    lines = [f"**{situation.title}**", situation.says, "", said.situation_tries]
    return lines + [f"• {line}" for line in situation.tries]
