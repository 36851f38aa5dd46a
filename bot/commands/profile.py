"""`profile`, `profile role ROLE`, `profile grades BAND`: who the educator is, so the coach
offers what fits their work first (content/fit.py). Asked once in the first hello, each
question one tap and skippable."""

from __future__ import annotations

import re

from bot import profile_messages as said
from bot.i18n import Msg
from bot.messages import says_skip
from bot.numbers import parse_small_int
from bot.offers import PROFILE_QUESTION, make_offer, profile_question_asked
from bot.profiles import profile_of
from bot.replies import Choice, Choices, Reply, Text
from bot.text import split_command, without_accents
from bot.turn import Turn
from bot.understanding.normalise import for_matching
from bot.understanding.normalise import words as words_in
from bot.understanding.reader import default_reader, is_asked
from content.profile_schema import ProfileWords
from content.schema import Role

SKIP_WORD = "skip"
ROLE, GRADES = "role", "grades"  # the two questions, as kept while they wait for an answer
ROLE_WORDS = ("role", "rol")
GRADE_WORDS = ("grades", "grade", "band", "grados")


def handle_profile(turn: Turn, args: str) -> list[Reply]:
    word, rest = split_command(args)
    word = word.casefold()
    if not word:
        return _shown(turn)
    if word in ROLE_WORDS:
        return _set_role(turn, rest)
    if word in GRADE_WORDS:
        return _set_grades(turn, rest)
    # `profile principal`, `profile high school`: the word says which one.
    words = turn.library.profiles
    if words.role_named(args) is not None:
        return _set_role(turn, args)
    if words.band_named(args) is not None:
        return _set_grades(turn, args)
    return [Text(str(said.USAGE))]


def role_question(words: ProfileWords, prompt: str | Msg = said.ROLE_QUESTION) -> Choices:
    options = [Choice(e.label, f"profile role {role.value}") for role, e in words.roles.items()]
    return Choices(str(prompt), (*options, Choice(str(said.SKIP), f"profile role {SKIP_WORD}")))


def grades_question(words: ProfileWords) -> Choices:
    options = [Choice(e.label, f"profile grades {band.value}") for band, e in words.grades.items()]
    return Choices(
        str(said.GRADES_QUESTION), (*options, Choice(str(said.SKIP), f"profile grades {SKIP_WORD}"))
    )


def first_hello(turn: Turn) -> list[Reply]:
    """The role question, once, for an educator who has not said who they are. Its options
    may be typed too ("6", "Docente", "omitir"), unless the reply above it offered a step of
    its own, which a typed "ok" takes."""
    educator = turn.educator
    if educator.profile_asked_at is not None or educator.role or educator.grade_band:
        return []
    educator.profile_asked_at = turn.now
    if educator.offer is None:
        _asks(turn, ROLE)
    return [role_question(turn.library.profiles, str(said.FIRST_HELLO))]


def _asks(turn: Turn, question: str) -> None:
    """The role or grades question is the last thing said: its options may be typed."""
    make_offer(turn.educator, profile_question_asked(question), turn.now)


# An answer to "Which grades?" this short may name them in any of their words ("all", "hs");
# a longer message is about something else unless it names them as a sentence would.
GRADES_ANSWER_WORDS = 8
# "not the teacher", "no soy la maestra": the role named is turned down.
_DENIES_THE_ROLE = re.compile(
    r"\b(?:not|no soy)\s+(?:a|an|the|un|una|el|la)?\s*(?:teacher|maestr[oa]|profesor[a]?|docente)\b"
)


def option_typed(turn: Turn, text: str, offered: str) -> str | None:
    """The role or grades question's option typed instead of tapped: its number, its label,
    or a skip word, as the command its button sends; None for anything else ("soy maestra"
    is read as it would be anywhere)."""
    words = turn.library.profiles
    asked = offered.removeprefix(PROFILE_QUESTION).strip()
    options = (role_question(words) if asked == ROLE else grades_question(words)).options
    number = parse_small_int(text.strip().rstrip("."))
    if number is not None:
        return options[number - 1].value if 1 <= number <= len(options) else None
    if says_skip(text):
        return options[-1].value
    typed = _label_key(text)
    labelled = next((o.value for o in options if _label_key(o.label) == typed), None)
    if labelled is not None or asked == ROLE:
        return labelled
    # "todos los grados", "k-5", "hs math, 9th and 10th": the grades in words (had: "k-5"
    # was asked the role again, and "todos los grados" read as a wish to delete everything).
    short = len(text.split()) <= GRADES_ANSWER_WORDS
    if not short and (
        is_asked(text) or default_reader().names_a_family(words_in(for_matching(text)))
    ):
        # "i teach PE to 400 kids a week, k-5. how am i supposed to...": a question, answered
        # as anywhere (it had been taken for the grades alone, the question dropped); "tengo
        # un papá que me escribe todos los días por whatsapp...": a story, not "Primaria".
        return None
    band = words.band_named(text) or words.band_in(text)
    if band is None and short and not is_asked(text):
        band = words.band_said(text)  # "hs math, 9th and 10th", not "...for all of them?"
    return None if band is None else f"profile grades {band.value}"


def _label_key(text: str) -> str:
    return without_accents(text.strip().rstrip(".!").casefold())


def offer_role(turn: Turn, sentence: str) -> list[Reply]:
    """ "I'm a principal": offer to set it (one tap), or ask when the role is not clear."""
    words = turn.library.profiles
    found = words.role_word_in(sentence)
    if found is None:
        _asks(turn, ROLE)
        return [role_question(words)]
    role, word = found
    if word in words.roles[role].beside and _DENIES_THE_ROLE.search(sentence.casefold()):
        # "no im a para not the teacher": the role it works beside was offered and turned
        # down (it had been offered again), so the role for everyone else.
        role, word = Role.OTHER, ""
    entry = words.roles[role]
    if word in entry.beside and turn.educator.role == Role.OTHER.value:
        return []  # a para who chose the role for everyone is not offered the teacher's again
    if role.value == turn.educator.role and word not in entry.beside:
        # "chem teacher, 11th and 12th, 150 kids" from a teacher: the grades it names are set
        # (it had offered the role they already have, and left the grades out).
        unset = turn.educator.grade_band is None
        band = (words.band_in(sentence) or words.band_said(sentence)) if unset else None
        if band is not None:
            return _set_grades(turn, band.value)
        return [Text(said.ROLE_ALREADY.format(label=entry.label.casefold()))]
    label, value = entry.label.casefold(), f"profile role {role.value}"
    band = words.band_in(sentence) if turn.educator.grade_band is None else None
    if band is not None:  # "an assistant principal at a middle school": both, in one tap
        label = f"{label}, {words.grades[band].label.casefold()}"
        value = f"{value} {band.value}"
    yes = Choice(said.OFFER_YES.format(label=label), value)
    make_offer(turn.educator, value, turn.now)  # "ok" typed means the button
    if word in entry.beside:  # a para is offered the teacher role, not told they are one
        # ...or the role for everyone else, in one tap with the grades said ("im not the
        # teacher tho" had been needed first, and "k-2" asked again after it).
        other = f"profile role {Role.OTHER.value}" + (f" {band.value}" if band else "")
        another = Choice(
            said.OFFER_OTHER.format(label=words.roles[Role.OTHER].label.casefold()), other
        )
        offered = said.OFFER_BESIDE.format(label=entry.label.casefold())
        return [Choices(offered, (yes, another))]
    return [Choices(said.OFFER.format(described=entry.described), (yes,))]


def _shown(turn: Turn) -> list[Reply]:
    words, profile = turn.library.profiles, profile_of(turn.educator)
    role = words.roles[profile.role].label if profile.role is not None else said.NOT_SET
    grades = words.grades[profile.grades].label if profile.grades is not None else said.NOT_SET
    text = said.PROFILE_SHOWN.format(role=role, grades=grades)
    # What is set is not asked again (a teacher with both set had both questions back); how
    # to change it is said.
    asked = [
        *([role_question(words)] if profile.role is None else []),
        *([grades_question(words)] if profile.grades is None else []),
    ]
    return [Text(text if asked else f"{text}\n{said.PROFILE_CHANGE}"), *asked]


def _set_role(turn: Turn, typed: str) -> list[Reply]:
    words, educator = turn.library.profiles, turn.educator
    typed = typed.strip()
    if not typed:
        _asks(turn, ROLE)
        return [role_question(words)]
    if typed.casefold() == SKIP_WORD:
        if educator.grade_band is not None:
            return [Text(str(said.SKIPPED))]
        _asks(turn, GRADES)
        return [grades_question(words)]
    role, band = words.role_named(typed), None
    if role is None:  # `profile role leader middle`: the offer's button, both heard at once
        named, _, last = typed.rpartition(" ")
        role, band = words.role_named(named), words.band_named(last)
        if role is None or band is None:
            _asks(turn, ROLE)
            return [Text(said.UNKNOWN_ROLE.format(typed=typed[:40])), role_question(words)]
    educator.role = role.value
    entry = words.roles[role]
    replies: list[Reply] = [
        Text(said.ROLE_SAVED.format(described=entry.described, offers=entry.offers))
    ]
    if band is not None:
        educator.grade_band = band.value
        replies.append(Text(said.GRADES_SAVED.format(label=words.grades[band].label)))
    elif educator.grade_band is None:
        _asks(turn, GRADES)
        replies.append(grades_question(words))
    return replies


def _set_grades(turn: Turn, typed: str) -> list[Reply]:
    words, educator = turn.library.profiles, turn.educator
    typed = typed.strip()
    if not typed:
        _asks(turn, GRADES)
        return [grades_question(words)]
    if typed.casefold() == SKIP_WORD:
        return [Text(str(said.SKIPPED if educator.role is None else said.READY))]
    band = words.band_named(typed)
    if band is None:
        _asks(turn, GRADES)
        return [Text(said.UNKNOWN_GRADES.format(typed=typed[:40])), grades_question(words)]
    educator.grade_band = band.value
    label = words.grades[band].label
    return [Text(f"{said.GRADES_SAVED.format(label=label)} {said.READY}")]
