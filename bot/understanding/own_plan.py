"""A step the educator names in an answer, in their own words.

"the garcias. i could text mom something about how maria helped a classmate" names this
week's action before the coach asks for one: the coach offers "Text mom something about how
maria helped a classmate" first. The words that find it (what comes before a step, what
undoes it, where it stops) are content: content/understanding/replies.yaml `own_plan`.

Precision first: a wrong "your own idea" on the list reads as not listening, a missed one
only leaves the usual options. A sentence that asks something, reports what was done, or
undoes its step ("not going to call again") names none. Measured on labelled answers
(tests/data/understanding/own_plans_*.yaml) by `python -m bench understanding`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.i18n import current_language
from bot.understanding.language import detect_language
from bot.understanding.named import who_is_named
from bot.understanding.normalise import alternation, for_matching, words
from bot.understanding.reader import (
    asks_a_question,
    default_reader,
    hedged_rest,
    sentences_with_their_ends,
)
from content.understanding_schema import OwnPlan, replies_in

# How many words before an opener a negation undoes it ("don't think i'll reach out").
NEGATION_REACH = 3
# Fewer words than this after the opener is no step ("i'll try"); more is a paragraph.
STEP_WORDS = (2, 30)
# Sentences end at . ! ? ; or a line break, but not at "Ms." or "Dr.".
_TRAILING = re.compile(r"[\s,:;.!\-–—)(]+$")
# "text them", "call her": who the step is for, named elsewhere in the answer.
OBJECT_PRONOUNS = frozenset(["them", "her", "him"])
# "mandarles", "llamarle", "escribirles": a Spanish step whose verb carries "to them" / "to
# her" (le, les) in itself.
_INFINITIVE_TO_SOMEONE = re.compile(r"^\w+(?:ar|er|ir)les?$", re.I)


@dataclass(frozen=True)
class _Patterns:
    opener: re.Pattern[str]
    others: frozenset[str]
    negation: re.Pattern[str]
    not_step: re.Pattern[str]
    cut: re.Pattern[str]
    filler: re.Pattern[str]
    note_verb: re.Pattern[str]
    leave: re.Pattern[str]
    instead: re.Pattern[str]
    pointing: frozenset[str]
    choice: re.Pattern[str]
    to_someone: frozenset[str]
    recipients: frozenset[str]


@cache
def _patterns(language: str) -> _Patterns:
    words: OwnPlan = replies_in(language).own_plan
    # An opener written "^could" counts only where the sentence starts ("could do a
    # student-led conference"; not "the office could send flyers").
    anywhere = [opener for opener in words.openers if not opener.startswith("^")]
    opening = [opener[1:] for opener in words.openers if opener.startswith("^")]
    return _Patterns(
        opener=re.compile(
            rf"(?:(?<![\w'])(?:{alternation(anywhere)})|^(?:{alternation(opening)}))"
            rf"(?![\w'])\s*",
            re.I,
        ),
        others=frozenset(word.casefold() for word in words.others),
        negation=re.compile(rf"(?<![\w'])(?:{alternation(words.negations)})(?![\w'])", re.I),
        not_step=re.compile(rf"(?:{alternation(words.not_steps)})(?![\w'])", re.I),
        cut=re.compile(alternation(words.cuts), re.I),
        filler=re.compile(rf"(?:(?:{alternation(words.fillers)})(?![\w'])\s*)+", re.I),
        note_verb=re.compile(rf"(?:{alternation(words.note_verbs)})(?![\w'])", re.I),
        leave=re.compile(rf"[¿¡\s]*(?:{alternation(words.leave_openers)})(?![\w'])\s*", re.I),
        instead=re.compile(rf"(?<![\w'])(?:{alternation(words.instead_words)})(?![\w'])", re.I),
        pointing=frozenset(word.casefold() for word in words.pointing_words),
        choice=re.compile(rf"(?<![\w'])(?:{alternation(words.choice_words)})(?![\w'])", re.I),
        to_someone=frozenset(word.casefold() for word in words.to_someone_verbs),
        recipients=frozenset(word.casefold() for word in words.recipient_words),
    )


def own_plan(text: str) -> str | None:
    """The first step of their own the text names, as they wrote it (first letter raised),
    or None."""
    patterns = _patterns(current_language())
    straight = text.replace("’", "'")
    for sentence in sentences_with_their_ends(straight):
        step = _step_in(sentence, patterns)
        if step is not None:
            return step[:1].upper() + step[1:]
    return None


def step_asked_leave_for(text: str) -> str | None:
    """ "can i just text his mom instead?", "¿puedo mejor llamarle a la abuela?": one sentence
    that asks leave for a step of their own names that step ("Text his mom"). None for
    anything else: a choice ("can i call or text first?"), a step about an option ("can i do
    it with my co-teacher", "can i do 1 and 2"), a step with no note verb ("can i go back"),
    or more than one sentence."""
    patterns = _patterns(current_language())
    sentences = sentences_with_their_ends(text.replace("’", "'"))
    if len(sentences) != 1:
        return None
    asked = patterns.leave.match(sentences[0])
    if asked is None:
        return None
    rest = _without_filler(sentences[0][asked.end() :], patterns)
    instead = patterns.instead.search(rest)
    step = _TRAILING.sub("", (rest[: instead.start()] if instead else rest).rstrip(" ?"))
    typed = step.split()
    if (
        not patterns.note_verb.match(step)
        or not STEP_WORDS[0] <= len(typed) <= STEP_WORDS[1]
        or typed[1].casefold() in patterns.pointing
        or patterns.choice.search(step)
        or any(character.isdigit() for character in step)
    ):
        return None
    return step[:1].upper() + step[1:]


def naming_who(step: str, text: str) -> str:
    """The step with the person the text names in place of the pronoun right after its verb
    ("Text them about his science project", from "...the Johnsons... maybe i could text them
    about his science project": "Text the Johnsons about his science project"), so it still
    says who once it stands alone in the journal. Unchanged when the text names no one."""
    typed = step.split()
    spanish = (
        len(typed) >= 2
        and _INFINITIVE_TO_SOMEONE.match(typed[0]) is not None
        and detect_language(for_matching(step)) == "es"  # not "Charles..."
        # "Mandarle un audio a mamá" already says to whom.
        and not {"a", "al"} & {word.casefold() for word in typed}
    )
    patterns = _patterns(current_language())
    to_no_one = (
        len(typed) >= 2 and typed[0].casefold() in patterns.to_someone and _names_no_one(step)
    )
    if len(typed) < 2 or not (spanish or to_no_one or typed[1].casefold() in OBJECT_PRONOUNS):
        return step
    who = who_is_named(text)
    if who is None or len(who.split()) < 2:
        # One name alone is most often the child ("Jaylen did great, i could text her
        # about it": her is mom), so the pronoun stays.
        return step
    if spanish:
        # "Mandarles algo bueno" keeps its "les" and says to whom, as Spanish does:
        # "Mandarles a la familia de Brayan algo bueno"; "a el papá" is "al papá".
        to_whom = f"al {who[3:]}" if who.casefold().startswith("el ") else f"a {who}"
        return " ".join([typed[0], to_whom, *typed[1:]])
    if to_no_one:  # "Send a pic of his science project": "Send the Okafors a pic..."
        return " ".join([typed[0], who, *typed[1:]])
    return " ".join([typed[0], who, *typed[2:]])


def _names_no_one(step: str) -> bool:
    """ "Send a pic of his science project": no one the step goes to (no family member, name,
    or recipient word: "them", "to ...", replies.yaml `own_plan.recipient_words`)."""
    said = words(for_matching(step))
    return (
        who_is_named(step) is None
        and not default_reader().names_a_family(said)
        and _patterns(current_language()).recipients.isdisjoint(said)
    )


def without_hedge(text: str) -> str | None:
    """The text after a tentative opening, as written, first letter raised ("maybe text mom
    about the field trip" -> "Text mom about the field trip"; "tal vez mandarle una nota"); None
    when it does not open with one or nothing is left."""
    rest = hedged_rest(text)
    if not rest:
        return None
    typed = text.split()
    kept = typed[len(typed) - len(rest) :] if len(rest) <= len(typed) else []
    step = _TRAILING.sub("", " ".join(kept)).lstrip(" ,:;-–—")
    if not step or words(for_matching(step)) != rest[-len(words(for_matching(step))) :]:
        return None  # the words did not line up one for one (punctuation glued to a word)
    return step[:1].upper() + step[1:]


def _without_filler(sentence: str, patterns: _Patterns) -> str:
    filler = patterns.filler.match(sentence)
    return sentence[filler.end() :] if filler else sentence


def _step_in(sentence: str, patterns: _Patterns) -> str | None:
    if asks_a_question(sentence) or "?" in sentence:
        return None
    opener = patterns.opener.search(sentence)
    if opener is not None:
        before = sentence[: opener.start()].split()[-NEGATION_REACH:]
        if patterns.negation.search(" ".join(before)):
            return None
        if before and before[-1].casefold().strip(",") in patterns.others:
            return None  # someone else's step
        rest = sentence[opener.end() :]
    elif patterns.note_verb.match(_without_filler(sentence, patterns)):
        # A note to self, hedged or not: "text grandma friday", "maybe text mom", "tal vez
        # le mando un audio por whatsapp".
        rest = _without_filler(sentence, patterns)
    else:
        return None
    filler = patterns.filler.match(rest)
    rest = rest[filler.end() :] if filler else rest
    if patterns.not_step.match(rest):
        return None
    cut = patterns.cut.search(rest)
    step = _TRAILING.sub("", rest[: cut.start()] if cut else rest)
    return step if STEP_WORDS[0] <= len(step.split()) <= STEP_WORDS[1] else None
