"""A correction of the answer just given, typed at the next question: "sorry i meant the
Nguyen family not the Tran family", "*Nguyen", "quise decir la familia Nguyen, no Tran".

It had been kept as the next question's answer, and the first answer still named the wrong
family. Now the answer before is mended where it named the other one (or the correction is
added to it when nothing there can be replaced), said plainly, and the question waits.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz

from bot.flows.state import ActiveFlow
from bot.i18n import current_language
from bot.understanding.named import TITLES, who_is_named
from bot.understanding.normalise import for_matching, words
from content.understanding_schema import Corrected, replies_in

# "*Nguyen" after "Ngyuen": a word of the answer this like the starred one is what it mends.
_LIKE_A_TYPO = 75
# "i mean the Garcias" corrects; "i mean, her mom works nights so..." goes on with the story.
_MEANT_MOST_WORDS = 5
# Words around a name that are not the name ("the Tran family", "la mamá de Luis").
_NOT_THE_NAME = frozenset(
    {"the", "family", "familia", "la", "el", "de", "mom", "dad", "mamá", "papá", "mama", "papa"}
)


# "...that was a question not my answer. My answer: Mr. Haddad, through the interpreter."
_ANSWER_GIVEN = re.compile(
    r"\b(?:my (?:real |actual )?answer(?: is)?|mi respuesta(?: es)?|to (?:actually )?answer "
    r"(?:the|your) question|para (?:contestar|responder) (?:la|su|tu) pregunta)\s*[:\-,]\s*"
    r"(?P<answer>.+)$",
    re.IGNORECASE | re.DOTALL,
)
ANSWER_GIVEN_LEAST_WORDS = 3
# ...said of the answer before ("that was a question, not my answer"): "my answer is the
# Lopez family" alone answers the question asked now.
_POINTS_BACK = re.compile(
    r"\b(?:sorry|oops|that was a question|not my answer|wasn'?t my answer|was not my answer"
    r"|perd[oó]n|era una pregunta|no era mi respuesta)\b",
    re.IGNORECASE,
)


# "sorry, hit enter.", "oops sent too soon -", "perdón, se envió antes": the answer before
# goes on.
_GOES_ON = re.compile(
    r"^\W*(?:(?:sorry|sry|oops|ugh|ay|perd[oó]n)\W+)?(?:i\s+)?"
    r"(?:hit enter(?: too soon| too early)?|hit send(?: too soon| too early)?|"
    r"pressed enter(?: too soon)?|sent (?:it |that )?too "
    r"(?:soon|early)|to finish (?:my|that) (?:thought|sentence)|cont(?:inued|'d)?|le di (?:enter|"
    r"enviar)(?: antes)?|se (?:envi[oó]|mand[oó]) antes(?: de tiempo)?)\b[\s.:,\-]*",
    re.IGNORECASE,
)


class Mended(NamedTuple):
    """The answer as mended, which question it answers, and what is said back."""

    number: int
    answer: str
    said: str


def correction_of_last_answer(flow: ActiveFlow, text: str) -> Mended | None:
    """The answer before mended by `text`, or None when `text` corrects nothing (or there is
    no answer to correct yet)."""
    corrected = replies_in(current_language()).reflection_asides.corrected
    given = _ANSWER_GIVEN.search(text)
    points_back = _POINTS_BACK.search(text) is not None
    if (
        given is not None
        and points_back
        and len(words(given["answer"])) >= ANSWER_GIVEN_LEAST_WORDS
    ):
        number, answer = _last_answer(flow)
        if answer:
            said = corrected.replaced.format(number=number)
            return Mended(number, given["answer"].strip(), said)
    going_on = _GOES_ON.match(text)
    if going_on is not None and len(words(text[going_on.end() :])) >= ANSWER_GIVEN_LEAST_WORDS:
        # "sorry, hit enter. I tried to redirect but the meeting had a script": the answer
        # before, finished (it had been kept as the next question's answer).
        number, answer = _last_answer(flow)
        if answer:
            rest = text[going_on.end() :].strip()
            said = corrected.continued.format(number=number)
            return Mended(number, _finished(answer, rest), said)
    meant = _what_was_meant(corrected, text)
    if meant is None:
        return None
    number, answer = _last_answer(flow)
    if not answer:
        return None
    new, old, outright = meant
    if not outright and not (_has_word(answer, old) or _has_word(answer, _the_name(old))):
        return None  # "it's the schedule not the parents": an answer, nothing it replaces
    starred = text.strip().startswith("*")
    for written, meant_instead in _replacements(answer, new, old, starred=starred):
        if written and meant_instead and _has_word(answer, written):
            mended = re.sub(
                rf"(?<![\w'’]){re.escape(written)}(?![\w])", meant_instead, answer, flags=re.I
            )
            said = corrected.changed.format(new=new, old=old or written, number=number)
            return Mended(number, mended, said)
    said = corrected.added.format(new=new, number=number)
    return Mended(number, f"{answer.rstrip()} ({new})", said)


def _replacements(
    answer: str, new: str, old: str, *, starred: bool = False
) -> list[tuple[str, str]]:
    """What in the answer may be replaced, and by what, best first: the answer's word most
    like the new one (a typo of it: the only one for "*Nguyen"), then the phrase as it was
    written ("the Tran family" -> "the garcias"), then the name alone ("Tran" -> "Nguyen")."""
    like = None if old else _word_like(answer, _the_name(new))
    typo = [(like, _the_name(new))] if like is not None else []
    if starred:
        return typo
    written = old or who_is_named(answer) or ""
    return [*typo, (written, new), (_the_name(written), _the_name(new))]


def _finished(answer: str, rest: str) -> str:
    """The answer with the rest of it, the words it was cut off at said once ("...I tried to
    redirect but" and "I tried to redirect but the meeting had a script")."""
    cut_off = re.split(r"(?<=[.!?])\s+", answer.rstrip())[-1]
    if cut_off and rest.casefold().startswith(cut_off.casefold()):
        return f"{answer.rstrip()[: -len(cut_off)]}{rest}".strip()
    return f"{answer.rstrip()} {rest}"


def mend(flow: ActiveFlow, mended: Mended) -> None:
    """Keep the mended answer in place of the one it corrects."""
    if flow.step == "probe" and flow.data.get("thin_answer"):
        flow.data["thin_answer"] = mended.answer
    else:
        flow.data["answers"][mended.number - 1] = mended.answer


def _last_answer(flow: ActiveFlow) -> tuple[int, str]:
    """The number of the question last answered, and its answer ('' when none is written)."""
    answers: list[str] = flow.data.get("answers", [])
    if flow.step == "probe" and flow.data.get("thin_answer"):
        return len(answers) + 1, str(flow.data["thin_answer"])
    if flow.step not in ("prompt", "probe", "action") or not answers:
        return 0, ""
    return len(answers), answers[-1]


def _what_was_meant(corrected: Corrected, text: str) -> tuple[str, str, bool] | None:
    """What was meant, what was written instead when it is said ("the Nguyen family", "the
    Tran family"), and whether it opened as a correction outright ("i meant", not "i mean"),
    from a short message that opens as a correction does."""
    typed = text.strip().rstrip(".!")
    if typed.startswith("*") and 1 <= len(words(typed)) <= 3:  # "*Nguyen", texting's mend
        return typed.lstrip("*").strip(), "", True
    said = for_matching(typed)
    if not said or len(words(said)) > corrected.most_words:
        return None
    opened = _after_opener(corrected, typed)
    if opened is None:
        return None
    rest, outright = opened
    instead = "|".join(re.escape(word) for word in corrected.instead_of)
    split = re.split(rf"[,;]?\s+(?:{instead})\s+", rest, maxsplit=1, flags=re.I)
    new = split[0].strip(" ,.")
    old = split[1].strip(" ,.") if len(split) == 2 else ""
    if not new or (not old and (not outright or len(words(new)) > _MEANT_MOST_WORDS)):
        return None  # "i mean probably the garcias": an answer that hedges, not a mend
    return new, old, outright


def _after_opener(corrected: Corrected, typed: str) -> tuple[str, bool] | None:
    """The words after the opener ("sorry, i meant" -> "the Nguyen family not ..."), and
    whether the opener corrects outright ("i meant"; "i mean" only with what it replaces),
    or None when the message does not open with one after its fillers."""
    tokens = typed.split()
    at = 0
    while at < len(tokens) and for_matching(tokens[at]).strip(",.!:- ") in corrected.fillers:
        at += 1
    rest = " ".join(tokens[at:])
    lowered = for_matching(rest)
    openers = [(opener, True) for opener in corrected.openers]
    openers += [(opener, False) for opener in corrected.openers_with_instead]
    for opener, outright in sorted(openers, key=lambda pair: len(pair[0]), reverse=True):
        if lowered.startswith(for_matching(opener) + " "):
            return rest[len(opener) :].strip(" ,:"), outright
    return None


def _the_name(phrase: str) -> str:
    """The name in "the Nguyen family", "Ms. Patel", "la mamá de Luis": its own words."""
    kept = [
        word
        for word in re.findall(r"[\w'’-]+", phrase)
        if word.casefold() not in _NOT_THE_NAME and word.rstrip(".") not in TITLES
    ]
    return " ".join(kept)


def _has_word(answer: str, name: str) -> bool:
    if not name:
        return False
    return re.search(rf"(?<![\w'’]){re.escape(name)}(?![\w])", answer, flags=re.I) is not None


def _word_like(answer: str, name: str) -> str | None:
    """The answer's word most like `name` (a typo of it), when one is alike enough."""
    best = max(
        re.findall(r"[\w'’-]+", answer),
        key=lambda word: fuzz.ratio(word.casefold(), name.casefold()),
        default=None,
    )
    if best is None or best.casefold() == name.casefold():
        return None
    return best if fuzz.ratio(best.casefold(), name.casefold()) >= _LIKE_A_TYPO else None
