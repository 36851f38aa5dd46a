"""The one next step the coach just offered, taken by a typed yes.

"Want to think it through? Type `reflect time`" and the role offer's one button name a single
next step. Educators often answer in words ("ok", "sure", "sí, dale", "👍") rather than
typing the command or tapping: the offer is kept on the educator's row until their next
message, which takes it with a yes and lets it be with a no. A later message, or one sent
after the offer went stale, is read as it would be without it. The weekly nudge's questions
are read the same way, though nothing is kept for them: the first message after a nudge
finds it in the nudge's own row (bot/followthrough.py `nudge_left_open`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from bot.storage.models import Educator
from bot.understanding.normalise import for_matching, phrases_pattern
from content.understanding_schema import default_understanding

# How long a typed yes still means the offer: an evening's conversation, not the next day.
OFFER_LASTS = timedelta(hours=6)
HOW_IT_WENT = "how-it-went"
NUDGE_CARD = "nudge-card"
MARKED_DONE = "marked-done"  # a nudge just marked done from typed words: "wait no" unmarks it
KEEP_GOING = "keep-going"
TAKES_NEXT = "takes-next"
PROFILE_QUESTION = "profile-question"
HEARD = "heard"
LISTENING = "listening"  # "just listen": the next thing told is only heard
# The width of the stored offer (Educator.offer).
OFFER_CHARS = 80
ADVISED = "advised"
# What advice a heard or advised offer keeps: a situation by name, or a theme's tries by number.
SITUATION_ADVICE = "situation"
THEME_ADVICE = "theme"
TOPIC_ADVICE = "topic"  # a part of the framework's practice lines, by number
COACH_ADVICE = "coach"  # an answer of replies.yaml `to_the_coach` (a safety answer), by name
# Kept in a heard offer when there is no advice on the story to keep, or no command to run.
NO_ADVICE = "-"
_PUNCTUATION = re.compile(r"[.,!?¡¿…:;\-]+")
_DRAWN_OUT = re.compile(r"(\w)\1{2,}")  # "yesss", "okkkk", "siii"


def make_offer(educator: Educator, command: str, now: datetime) -> None:
    """Remember `command` ("reflect time", "profile role counselor middle") as what a yes
    to this reply means."""
    educator.offer = command
    educator.offer_made_at = now


def how_it_went_asked(reflection_id: int) -> str:
    """What is kept when "How did it go?" was just asked about one action (the journal's, a
    hello's, `checkin`'s): the next message is read as its answer, not run as a command."""
    return f"{HOW_IT_WENT} {reflection_id}"


def nudge_card_asked(ledger_id: int) -> str:
    """What is kept when the weekly nudge's card (Mark done, Not this week, Remind me
    tomorrow) is the last thing the coach sent: "did it already lol" typed under it."""
    return f"{NUDGE_CARD} {ledger_id}"


def keep_going_asked(ledger_id: int) -> str:
    """What is kept when the keep-going question (keep going, every 4 weeks, stop for now)
    is the last thing the coach sent: "less often pls" typed under it."""
    return f"{KEEP_GOING} {ledger_id}"


def profile_question_asked(question: str) -> str:
    """What is kept when the role or grades question (`question`: "role", "grades") is the
    last thing the coach asked: its options may be typed ("6", "Docente", "omitir")."""
    return f"{PROFILE_QUESTION} {question}"


def heard_asked(advice: str | None, command: str) -> str:
    """What is kept when a story told was heard ("a mom yelled at me at pickup"): what the
    coach would advise on it (bot/heard_follow_up.py: a situation's name or a theme's tries,
    never the educator's words), and the command a yes runs (`reflect relational`)."""
    return _fitting(f"{HEARD} {advice or NO_ADVICE} {command}", command)


def advised(advice: str, command: str) -> str:
    """What is kept when that advice was given: "ok but how?" next asks where to start."""
    return _fitting(f"{ADVISED} {advice} {command}", command)


def _fitting(offer: str, command: str) -> str:
    """The offer, or its command alone if the advice would not fit the stored offer's width (a
    long situation name with a long topic): the yes still works, the follow-up is lost."""
    return offer if len(offer) <= OFFER_CHARS else command


def heard_kept(offered: str) -> tuple[str | None, str]:
    """A heard or advised offer's advice (None when there was none) and its command."""
    _, advice, command = offered.split(" ", 2)
    return (None if advice == NO_ADVICE else advice), command


def next_message_for(command: str) -> str:
    """What is kept when a command was typed without what it works on (`reframe` alone): the
    next message is that, unless it is a command itself."""
    return f"{TAKES_NEXT} {command}"


def take_offer(educator: Educator, now: datetime) -> str | None:
    """The offer the last reply made, if it is still fresh; either way it is used up."""
    command, made = educator.offer, educator.offer_made_at
    educator.offer, educator.offer_made_at = None, None
    if command is None or made is None or now - made > OFFER_LASTS:
        return None
    return command


def _said(text: str) -> str:
    plain = _PUNCTUATION.sub(" ", for_matching(text))
    return " ".join(_DRAWN_OUT.sub(r"\1", plain).split())


@lru_cache(maxsize=1)
def _answers() -> tuple[frozenset[str], frozenset[str]]:
    answers = default_understanding().replies.offer_answers
    return frozenset(map(_said, answers.yes_words)), frozenset(map(_said, answers.no_words))


def _one_or_two_of(said: str, phrases: frozenset[str]) -> bool:
    if said in phrases:
        return True
    words = said.split()
    return any(
        " ".join(words[:cut]) in phrases and " ".join(words[cut:]) in phrases
        for cut in range(1, len(words))
    )


def says_yes(text: str) -> bool:
    """ "ok", "yes please", "sure, let's do it", "sí, dale", "👍": the whole message."""
    return _one_or_two_of(_said(text), _answers()[0])


def says_no(text: str) -> bool:
    """ "no thanks", "not now", "nah, maybe later", "ahora no"."""
    return _one_or_two_of(_said(text), _answers()[1])


def turns_down(text: str) -> bool:
    """ "no i dont want to do a reflection rn", "can we not do the quiz", "ahorita no": a
    request that says no to what it names (a no alone, or one of replies.yaml's `turned_down`
    phrases)."""
    return says_no(text) or _turned_down().search(for_matching(text)) is not None


@lru_cache(maxsize=1)
def _turned_down() -> re.Pattern[str]:
    return phrases_pattern(tuple(default_understanding().replies.offer_answers.turned_down))
