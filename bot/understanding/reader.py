"""Read one message: which intent, which topic, which themes, what deficit framing, which language.

Cues are compiled once from content/understanding/ with the reframe pattern language. When
no intent cue matches, the nearest of each intent's example messages vote (examples.py);
below their cut-off it is `unknown`. Everything is deterministic: the same text always
reads the same way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from bot.reframe import Finding
from bot.understanding.deficit import deficit_findings
from bot.understanding.examples import ExampleVote
from bot.understanding.language import ENGLISH_WORDS, SPANISH_WORDS, detect_language
from bot.understanding.normalise import alternation, for_matching, phrases_pattern, words
from bot.understanding.text_model import Grams, Guess, TextModel, Vocabulary
from content.languages import DEFAULT_LANGUAGE
from content.reframe_patterns import PatternError
from content.situations_schema import NO_SITUATION, situations_in
from content.text_model_schema import (
    INTENT_MODEL_PATH,
    NO_TOPIC,
    SITUATION_MODEL_PATH,
    THEME_MODEL_PATH,
    TOPIC_MODEL_PATH,
    packaged_model,
)
from content.understanding_cues import CueSet, Speller, Text, key
from content.understanding_schema import (
    INTENTS,
    UnderstandingContent,
    UnderstandingError,
    default_understanding,
)

UNKNOWN = "unknown"
MODEL_PATHS = (INTENT_MODEL_PATH, TOPIC_MODEL_PATH, THEME_MODEL_PATH)
# How sure the situation model must be (of one situation among ~50, so far below a half)
# before its situation is answered; under it, the question is answered as before (a topic, a
# theme, the general answer). Chosen with each writer of the examples left out in turn for
# false answers under 5% (`python -m bench situations`).
SITUATION_CONFIDENCE = 0.25
# ...and where the message also tells something heard in a reply of its own (replies.yaml
# `told`: "i'm nervous"), kept unless the model is surer.
SITUATION_OVER_TOLD = 0.5
# A fragment ("field trip forms", "late pickup") is a search typed, often for something else:
# answered only when the model is this sure (chosen like SITUATION_CONFIDENCE: false answers
# 47 -> 37 of 702 for 17 fewer right of 1,874).
SITUATION_FRAGMENT_WORDS = 4
SITUATION_FRAGMENT_CONFIDENCE = 0.6
# A story this long dilutes what it is about ("My student Leo's mom passed away Saturday...
# Dad is now on his own... I don't know if I should call, email, send a card..."): when the
# whole leans to a situation under the bar (gives it SITUATION_STORY_LEAN or more, first or
# not: a broad situation can edge ahead on a story's everyday words), one of its sentences
# plainly about that situation is enough (python -m bench situations chose the numbers).
SITUATION_STORY_WORDS = 30
SITUATION_SENTENCE_WORDS = 5
SITUATION_SENTENCE_CONFIDENCE = 0.35
SITUATION_STORY_LEAN = 0.1
_STORY_SENTENCES = re.compile(r"[^.!?\n]+")
_SENTENCE_END = re.compile(
    r"(?<!\bms)(?<!\bmr)(?<!\bdr)(?<!\bmrs)(?<!\bsra)[.!?;]+(?=\s|$)|\n+", re.I
)
_CLAUSES = re.compile(r"[^.!?\n,;]+")
_CLAUSE_BREAKS = re.compile(r"[.!?\n,;]+|\s[-–—]\s")
# A message that opens like a question, and matched nothing more specific, is a question.
# "spanish please", "en español": a language named in this few words is for the coach.
LANGUAGE_ALONE_WORDS = 3
# Students named in a long "how am i supposed to..." make it about the work, not the coach:
# "this sounds nice but i have 150 kids. how am i supposed to do this for all of them".
STUDENT_WORDS = frozenset(["kids", "students", "kiddos", "alumnos", "estudiantes", "niños"])
# Who may be the speakers of a language named, other than a family word ("what if they dont
# speak english"): then the message is about families, not the coach's language.
THEY_WORDS = frozenset(["they", "them", "their", "theyre", "they're", "ellos", "ellas"])
# A family word among a message's first words makes the family its subject ("his mom only
# reads spanish", "la abuela habla mixteco"), not the coach.
FAMILY_SUBJECT_WORDS = 2
# ...and before the negation a sentence turns on, within its first this many words, a family
# word is who the sentence is about ("a lot of our families dont know how to use the portal").
SUBJECT_WORDS = 7
SUBJECT_ENDS = frozenset(
    ["dont", "don't", "do", "doesnt", "doesn't", "does", "cant", "can't", "cannot", "never", "no"]
)
FAMILY_SET = "family"
# The coach's own word for its weekly messages, or the educator as the one reminded: a message
# with one means the coach's reminders, whoever else it names ("stop the nudges about parents",
# "can you remind me on friday to call the nguyen family").
COACH_NUDGE_WORDS = frozenset(
    ["nudge", "nudges", "coach", "coaching", "me", "my", "recuérdame", "recuerdame"]
)
# The sets of intents.yaml that say a message asks ("tips", "ideas", "consejos") and that it
# is said to the coach ("can u talk to me in...", "cambia el idioma"), read without a cue.
ASKING_SET = "asking"
TO_THE_COACH_SET = "to-the-coach"
# The first words that open a question, and those of them that rarely open a plan.
QUESTION_OPENERS_SET = "question-openers"
ASKING_OPENERS_SET = "asking-openers"
ASKING_PAIRS_SET = "asking-pairs"
HEDGES_SET = "hedges"
# Words that ask the coach for something: a thanks with one of them is also a request.
REQUEST_WORDS_SET = "request-words"
# Words said before what is asked without changing it ("ok which one first").
OPENING_FILLERS_SET = "opening-fillers"
SENT_ALREADY_SET = "sent-already"
SAY_SET = "say-words"
WRITE_SET = "write"
ADVICE_IN_PASSING_SET = "advice-in-passing"
THANKS_WORDS_SET = "thanks-words"
# Thanks someone else said, told of: not a thanks to the coach.
_REPORTED_THANKS = re.compile(
    r"\b(?:said|says|saying|say|told me|texted|wrote|thanked|me dio las|me dijo|dijo"
    r"|me dieron las|para dar las|para darme las|para darle las)\s+\"?\s*"
    r"(?:(?:me|us|him|her|them)\s+)?(?:thank|thanks|gracias)\b"
    # "thank you note to room parent": a note to write, not a thanks to the coach.
    r"|\bthank(?:s| you)[ -](?:note|notes|card|cards|letter|email|message|text)\b"
)
THANKS_FOR_WORDS = 5  # fewer is a thanks and a command word ("thx, journal")
# What an educator thanks the coach for ("thanks for the help with the letter", "thank you for
# the reminder"): named beside a thanks that asks nothing, still a thanks.
THANKED_FOR = frozenset(
    ["thanks", "draft", "nudges", "reframe", "journal", "reflect", "learn", "assess", "help"]
)
# Digits and what goes around them, with no word: a number on its own.
_ONLY_NUMBERS = re.compile(r"[\d\s.,:#/()+-]*\d[\d\s.,:#/()+-]*")
# A text of at most this many words is short: the themes' `short` cues count in it.
SHORT_WORDS = 4
# Words that are not typos of a cue word, however close: everyday words the cues do not use.
# ...and surnames ("the Garcias" had read as "gracias": thanks).
_LOOK_ALIKES = (
    "older either garage using farming creo there their form from trial united silent "
    "garcia garcias"
)
COMMON_WORDS = ENGLISH_WORDS | SPANISH_WORDS | frozenset(f"{_LOOK_ALIKES} quiet tree pude".split())
# Slack's slash command, sometimes typed as text where it does not run (a DM, Teams).
SLASH_COMMAND = "/coach"
# A command word with its arguments is at most this many words ("nudges tz America/Chicago").
COMMAND_WORDS = 4
# Longer texts skip the fuzzy comparison with the (short) example messages.
FUZZY_MAX_WORDS = 20
# The intent model decides only when it is at least this sure (0-1); below, the message is
# read by the fallbacks after it. Chosen on the dev set (see BENCHMARKS.md).
# A frustration the model alone reads needs more words than this (see intent()).
FRUSTRATION_MIN_WORDS = 3
# A frustration the model alone reads, less sure than this, in a question about families or
# school, is the question.
FRUSTRATION_OVER_A_QUESTION = 0.6
MODEL_CONFIDENCE = 0.4
# The same for the topic model, when no topic cue matched; where one did, the model must be
# surer than this to overrule it. Chosen on the dev set (see BENCHMARKS.md).
TOPIC_CONFIDENCE = 0.4
TOPIC_OVER_CUES = 0.7
# A message longer than this, about families or school, that asks for nothing the cues know
# is asking for advice (a `question`); in it a greeting, a thank-you, "I'm a principal" or
# "help" is the way in, not the request. Shorter messages (every command measured in the dev
# set) are read as before.
ADVICE_WORDS = 40
# A message of at most this many words with an asking word anywhere asks ("conferences
# tips", "home visit how"); a longer one asks in how a sentence opens or in words that ask.
SHORT_ASKING_WORDS = 6
ASIDE_INTENTS = frozenset(["greeting", "thanks", "help", "profile"])
# A message longer than this that asks for no writing in words (no draft cue, no "can" or
# "write") is not a draft, whatever the examples or the model read: it tells of notes.
DRAFT_UNASKED_WORDS = 12
# A `help` longer than this that names a family asks for help with them, not the menu.
HELP_MOST_WORDS = 10
# Hello words that, inside a message, more often say when something happened.
DAYPARTS = frozenset(["morning", "afternoon", "evening"])
# A message longer than this with a hello word in it is read for what else it asks.
GREETING_MOST_WORDS = 8
# Export and erasure touch the educator's own data: read only where asked for plainly.
YOUR_DATA_INTENTS = frozenset(["export", "forget"])
YOUR_DATA_MOST_WORDS = 8
NOT_ASKED_WORDS = frozenset(["dont", "don't", "never", "nunca"])
OWN_DATA_WORDS = frozenset([
    "data", "everything", "account", "info", "information", "history", "journal",
    "reflection", "reflections", "copy", "download", "downloadable", "delete", "deleted",
    "erase", "erased", "stored", "saved", "records", "datos", "todo", "cuenta", "información",
    "informacion", "historial", "diario", "reflexiones", "copia", "descargar", "borrar",
    "borra", "borren", "guardado", "guardada", "export", "exportar", "wipe", "entries",
])  # fmt: skip
# A "stop" or "not right now" in a message this long that names a family tells of them ("i
# dont want to stop contacting them but idk how to fix it"); a wish to stop is short.
CANCEL_MOST_WORDS = 15
# Someone stuck on a question says so briefly; a longer answer with "not sure" in it has
# answered ("I'm not sure the newsletter even gets home"). On the dev set, unsure precision
# went from 87% to 92% with this limit, recall from 99% to 97%.
UNSURE_WORDS = 20
# The theme model (content/understanding/theme_model.npz) names a theme the cues missed when
# it is at least this sure, and a cue's theme stands only when the model gives it at least
# THEME_CUE_VETO (a cue word can mislead: "showed up yelling" is not a success). Chosen by
# leaving each writer of theme_examples.yaml out in turn (`python -m bench theme-cv`, fifteen
# writers: 80.5% recall, 88.0% precision here, against 80.9% and 85.5% at the earlier 0.7 and
# 0.02; BENCHMARKS.md).
THEME_MODEL_SURE = 0.6
THEME_CUE_VETO = 0.1
# The model this sure of a bright spot, and surer than of any hard theme beside it, lets the
# bright spot lead the acknowledgement (`Understanding.bright_leads`).
BRIGHT_LEADS_SURE = 0.9
# A bright spot the words name is heard before a hard theme only the model guessed, unless the
# model rates that theme this much above it (`Understanding.bright_over_guessed`): of the
# labelled answers, "last year 6 families came out of 31" (0.32 above) stays a silence, and
# "ava's dad replied... she loves the class hamster" (0.23) is the bright spot.
GUESS_OVER_BRIGHT = 0.25
# The model learned from far fewer Spanish texts (about 1 in 12) and doubts Spanish cues more
# ("ando ocupadísima con las boletas": time 0.03): in Spanish a cue stands unless the
# model all but rules it out. Writer folds, Spanish texts: 77.8% / 92.0% -> 80.9% / 89.8%
# (recall / precision); all texts 81.8% / 88.6% -> 82.1% / 88.5% (session 12).
THEME_CUE_VETO_ES = 0.02
# A theme's cue starting this many words or fewer into an overruling cue's match is that
# match's words ("[i still haven't] answered": the cue starts at "haven't").
OVERRULED_REACH = 3
# `unsure` is read from the text's shape (a non-answer, "idk", a question back) by its cues,
# and by the model only in a text of at most UNSURE_WORDS that asks nothing: the model, which
# learned it from answers, takes most questions for it. Chosen by leaving each writer out in
# turn (BENCHMARKS.md, session 8).
CUED_THEMES = frozenset(["unsure"])
THEME_UNSURE_SURE = 0.6
# ...and in a text of any shape when the model is this sure ("not sure what you mean by a
# family i haven't heard from", "ejemplo?"): on the writer folds, `unsure` recall 67.0% ->
# 78.8% and its precision 87.3% -> 88.2% (session 12, BENCHMARKS.md).
THEME_UNSURE_ANYWHERE = 0.8
UNSURE_MODEL_WORDS = 8
# ...but beside another theme found, in a text that asks nothing, the model must be this
# sure: "we have a family that never answers" (no-response cued; the model's unsure 0.80)
# tells, and had got the help for someone stuck. Writer folds (`bench theme-cv` rows): 9,170
# -> 9,163 of 11,006 found, 10,325 -> 10,313 named (recall 83.32% -> 83.25%, precision
# 88.81% -> 88.85%); dev precision 88.1% -> 88.2%, heldout unchanged.
THEME_UNSURE_BESIDE = 0.9
# A hello or a thank-you to the coach of at most this many words, naming no family, child or
# school, is about the chat, not a bright spot with a family: "thx!!", "morning! made it to
# wednesday 🎉" are not `positive` ("gracias!! la mamá ya me contestó" still is). Chosen on
# the dev set: 8 of its 27 `positive` false alarms were such messages, none a labelled one.
TO_THE_COACH = frozenset(["greeting", "thanks"])
TO_THE_COACH_WORDS = 8
# Themes whose cues mean the opposite after a negation ("nobody came", "not helpful").
NEGATABLE_THEMES = frozenset(["positive"])
# The contract's command words, read as intents when they start a message.
COMMAND_INTENTS = frozenset(INTENTS) - {"greeting", "thanks", "frustration", "question"}
# Replies that answer nothing: a reflection never saves one as an answer or an action.
NON_ANSWERS = frozenset(
    [
        "no",
        "nope",
        "nah",
        "n/a",
        "na",
        "none",
        "nothing",
        "ok",
        "okay",
        "k",
        "kk",
        "yes",
        "yeah",
        "yep",
        "sure",
        "fine",
        "whatever",
        "idk",
        "dunno",
        "pass",
        "skip",
        "?",
        "??",
        "???",
        "...",
        ".",
        "-",
        "hmm",
        "hm",
        "um",
        "umm",
        "uh",
        "eh",
        "meh",
        "nada",
        "ninguna",
        "ninguno",
        "no tengo ninguna",
        "no tengo ninguno",
        "paso",
        "sí",
        "si",
        "no.",
        "what",
        "huh",
        "qué",
        "que",
        # "no sé" as typed on a phone in a hurry: "nose", "no se", "nosé"
        "nose",
        "no se",
        "no sé",
        "nosé",
        "ni idea",
        "no lo sé",
        "no lo se",
    ]
)


@dataclass(frozen=True)
class Understanding:
    """What the coach read in one message (see CONTRACT.md, `coach understand`)."""

    intent: str
    topic: str | None
    themes: tuple[str, ...]
    deficit: tuple[Finding, ...] = field(default=())
    language: str = "en"
    # The themes the message's own words name (themes.yaml's cues), before the model's veto:
    # evidence enough where the message asks outright or names a second worry.
    cued: frozenset[str] = field(default=frozenset(), compare=False)
    # A bright spot the theme model is all but sure of, and surer of than of any hard theme
    # found beside it: what was said ("texted w mom for an hour... she works nights... learned
    # the twins read to their little brother" is the reading, not the night shift).
    bright_leads: bool = field(default=False, compare=False)
    # A bright spot the message's own words name, which the theme model rates near enough to
    # every hard theme it only guessed ("ava's dad replied to my class dojo msg saying she
    # loves the class hamster": not a silence; "last year 6 families came out of 31": one).
    bright_over_guessed: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "topic": self.topic,
            "themes": list(self.themes),
            "deficit": [finding.to_dict() for finding in self.deficit],
            "language": self.language,
        }


def _bright_over_guessed(
    themes: Sequence[str], cued: Collection[str], chances: Mapping[str, float]
) -> bool:
    if "positive" not in cued:
        return False
    guessed = [theme for theme in themes if theme not in cued and theme != "positive"]
    return all(chances[theme] - chances["positive"] < GUESS_OVER_BRIGHT for theme in guessed)


def _bright_leads(themes: Sequence[str], chances: Mapping[str, float]) -> bool:
    if "positive" not in themes or chances["positive"] < BRIGHT_LEADS_SURE:
        return False
    return all(chances[theme] < chances["positive"] for theme in themes if theme != "positive")


def in_phrase_set(name: str, said: str) -> bool:
    """Whether the normalised text (`for_matching`) holds one of the phrases of an
    intents.yaml set ("own-nudges", "request-openers"...)."""
    phrases = default_understanding().intents.sets.get(name, [])
    return phrases_pattern(tuple(phrases)).search(said) is not None


def is_non_answer(text: str) -> bool:
    """'idk', '?', 'no', 'ok': a reply that says nothing about the question."""
    normalised = for_matching(text).strip()
    if not normalised:
        return True
    if not any(_says_something(token) for token in words(normalised)):
        return True  # only punctuation, emoji or symbols like "²"
    return normalised in NON_ANSWERS or normalised.rstrip("?!. ") in NON_ANSWERS


def _says_something(token: str) -> bool:
    """A letter or an ASCII digit: "²" and "①" count as letters-or-digits to Python, not to a
    reader."""
    return any(char.isalpha() or char in "0123456789" for char in token)


def asks_a_question(text: str) -> bool:
    """ "what is this?", "qué es esto", "how do I pick one": a question back, not a statement
    (so never a planned action)."""
    normalised = for_matching(text).strip()
    tokens = words(normalised)
    if not tokens:
        return False
    if normalised.endswith("?") or _opens_asking(tokens):
        return True
    # "first grade. a mom wants to know why there's no homework. how do i explain it", "dad
    # emailed at 10pm about a quiz grade, should i reply tonight": the question is the last
    # sentence or clause.
    sentences = _STORY_SENTENCES.findall(text)
    if len(sentences) > 1 and _opens_asking(words(for_matching(sentences[-1]))):
        return True
    # After a comma only two words that ask count: "I'll ask her sister, who translates, what
    # the family wants me to know" is a plan.
    clauses = _CLAUSES.findall(text)
    last = words(for_matching(clauses[-1])) if len(clauses) > 1 else []
    return " ".join(last[:2]) in default_reader().asking_pairs


def sentences_with_their_ends(text: str) -> list[str]:
    """Each sentence as typed with what ended it ("?" kept: a question names no step), a
    title's dot ("Mrs. Lopez") ending none."""
    found, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        found.append(text[start : end.end()].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def sentences_of(text: str) -> list[str]:
    """A message's sentences as typed, each with words in it ("mom emailed in all caps. should
    i answer tonight?")."""
    return [part for part in _STORY_SENTENCES.findall(text) if words(for_matching(part))]


def clauses_of(text: str) -> list[str]:
    """A message's clauses as typed: split at sentence ends, commas and a dash set off by
    spaces ("i'm a school nurse not a teacher - does this apply?")."""
    return [part for part in _CLAUSE_BREAKS.split(text) if words(for_matching(part))]


def is_asked(text: str) -> bool:
    """A question mark anywhere ("¿" too: "is this private? dont want admin seeing it"), or
    asked in words (asks_a_question)."""
    return "?" in text or "¿" in text or asks_a_question(text)


def _opens_asking(tokens: list[str]) -> bool:
    """ "how...", "why...", "do i have to...": words that open a question ("what a day" does
    not)."""
    reader = default_reader()
    return bool(tokens) and (
        (tokens[0] in reader.asking_openers and tokens[1:2] not in (["a"], ["an"]))
        or " ".join(tokens[:2]) in reader.asking_pairs  # "do i have to tell parents..."
    )


def hedged_rest(text: str) -> list[str]:
    """The words after a tentative opening ("maybe text them?" -> text, them; "tal vez la
    abuela?" -> la, abuela); none when the text does not open so ("maybe not" -> not)."""
    said = words(for_matching(text))
    for hedge in default_reader().hedges:
        opening = hedge.split()
        if said[: len(opening)] == opening:
            return said[len(opening) :]
    return []


def only_symbols(text: str) -> bool:
    """Emoji and the like, no letters or question marks: a reaction, not a 'not sure'."""
    stripped = "".join(ch for ch in text if not ch.isspace())
    return bool(stripped) and not any(ch.isalnum() or ch in "?.-" for ch in stripped)


def _command_typo(tokens: list[str]) -> bool:
    """A command word mistyped, alone or with its arguments ("jurnal", "reflet relational"):
    the coach asks "Did you mean `reflect`?" (the engine's own cut-off) rather than guess."""
    return len(tokens) <= COMMAND_WORDS and bool(
        difflib.get_close_matches(tokens[0], sorted(COMMAND_INTENTS), n=1, cutoff=0.6)
    )


def _word_set(listed: list[str]) -> frozenset[str]:
    """A content word list as the reader compares it with a message's words."""
    return frozenset(for_matching(word) for word in listed)


def _bare_emoji(token: str) -> str:
    """The emoji without its colour variants: skin tones and the emoji-style selector."""
    return "".join(ch for ch in token if ch != "\ufe0f" and not "\U0001f3fb" <= ch <= "\U0001f3ff")


class Reader:
    """Compiled cues for one version of the understanding content."""

    def __init__(self, content: UnderstandingContent) -> None:
        models = [packaged_model(path) for path in MODEL_PATHS]
        # One vocabulary for the three models: a message's grams are looked up once.
        self.vocabulary = Vocabulary(models)
        self.intent_model, self.topic_model, self.theme_model = (
            TextModel(model, self.vocabulary) for model in models
        )
        # The last message's intent cue counts: intent() looks at them again after its first
        # reading (a hello in a long message, a draft told of), and counting is most of its cost.
        self._last_cues: tuple[str, dict[str, int]] | None = None
        try:
            self._compile(content)
        except PatternError as exc:
            raise UnderstandingError(content.cue_faults() or [str(exc)]) from exc

    def _compile(self, content: UnderstandingContent) -> None:
        self.content = content
        intent_sets = {**content.intents.sets, "topic-word": content.topic_words()}
        self.intent_priority = list(content.intents.priority)
        self.asking_words = _word_set(content.intents.sets.get(ASKING_SET, []))
        self.to_the_coach_words = _word_set(content.intents.sets.get(TO_THE_COACH_SET, []))
        self.question_openers = _word_set(content.intents.sets.get(QUESTION_OPENERS_SET, []))
        self.asking_openers = _word_set(content.intents.sets.get(ASKING_OPENERS_SET, []))
        self.asking_pairs = _word_set(content.intents.sets.get(ASKING_PAIRS_SET, []))
        self.family_words = _word_set(content.intents.sets.get(FAMILY_SET, []))
        self.thanks_words = _word_set(content.intents.sets.get(THANKS_WORDS_SET, []))
        self.request_words = _word_set(content.intents.sets.get(REQUEST_WORDS_SET, []))
        self.opening_fillers = _word_set(content.intents.sets.get(OPENING_FILLERS_SET, []))
        self.sent_already = _word_set(content.intents.sets.get(SENT_ALREADY_SET, []))
        self.say_words = _word_set(content.intents.sets.get(SAY_SET, []))
        self.write_words = phrases_pattern(tuple(content.intents.sets.get(WRITE_SET, [])))
        self.advice_in_passing = phrases_pattern(
            tuple(content.intents.sets.get(ADVICE_IN_PASSING_SET, []))
        )
        self.hedges = tuple(for_matching(h) for h in content.intents.sets.get(HEDGES_SET, []))
        self.intent_cues = CueSet(
            intent_sets, {name: entry.cues for name, entry in content.intents.intents.items()}
        )
        themes = content.themes.themes
        self.theme_cues = CueSet(content.themes.sets, {n: e.cues for n, e in themes.items()})
        self.short_theme_cues = CueSet(
            content.themes.sets, {n: e.short for n, e in themes.items() if e.short}
        )
        self.overruling_cues = CueSet(
            content.themes.sets,
            {n: e.overruled_by.cues for n, e in themes.items() if e.overruled_by},
        )
        self.overruled_into = {n: e.overruled_by.theme for n, e in themes.items() if e.overruled_by}
        self.ruling_out_cues = CueSet(
            content.themes.sets, {n: e.ruled_out_by for n, e in themes.items() if e.ruled_out_by}
        )
        self.theme_order = list(themes)
        self.topic_order = list(content.topics.topics)
        self.topic_cues = CueSet({}, {s: e.cues for s, e in content.topics.topics.items()})
        # What makes a bare "how...?" a question about working with families (see intents.yaml).
        self.about_school = (
            CueSet(intent_sets, {"engagement": ["{engagement}"]})
            if "engagement" in intent_sets
            else None
        )
        self.speller = Speller(
            self.intent_cues.vocabulary()
            | self.theme_cues.vocabulary()
            | self.short_theme_cues.vocabulary()
            | self.overruling_cues.vocabulary()
            | self.ruling_out_cues.vocabulary()
            | self.topic_cues.vocabulary()
            | {key(w) for w in words(" ".join(content.topic_words()))},
            COMMON_WORDS,
        )
        self.topic_words = {
            for_matching(word): slug
            for slug, entry in content.topics.topics.items()
            for word in entry.words
        }
        # One pass over the text for every topic word, longest first ("asset based" before
        # "assets"); the first word in the text wins, as a person reading it would take it.
        self.topic_word_regex = re.compile(rf"(?<!\w)(?:{alternation(self.topic_words)})(?!\w)")
        self.emoji = {
            _bare_emoji(emoji): name
            for name, entry in content.intents.intents.items()
            for emoji in entry.emoji
        }
        self.example_vote = ExampleVote(
            {
                name: [for_matching(example) for example in entry.examples]
                for name, entry in content.intents.intents.items()
            }
        )

    # ---- the parts ---------------------------------------------------------------------

    def text(self, normalised: str) -> Text:
        """The message as the cues read it: its words, typos fixed."""
        return Text.of(normalised, self.speller)

    def intent(self, normalised: str, text: Text | None = None, grams: Grams | None = None) -> str:
        intent = self._intent(normalised, text, grams)
        tokens = words(normalised)
        if intent == "greeting" and len(tokens) > GREETING_MOST_WORDS:
            # "...gets mad when i dont answer til morning. how do i set boundaries": a hello
            # word in a longer message is the way in, or not a hello at all; what the rest
            # asks for is the request, when it asks for something.
            rest = self._intent(normalised, text, grams, unless_cued=frozenset(["greeting"]))
            intent = intent if rest == UNKNOWN else rest
        # "wrote a note home to the kaplans and they wrote back": news, neither a request for
        # a note nor a thank-you (no word of thanks in it; the examples had read one).
        told_thanks = intent == "thanks" and self.thanks_words.isdisjoint(tokens)
        if (intent == "draft" or told_thanks) and self._sent_already(tokens, normalised):
            return UNKNOWN
        if intent == "language" and self._speakers_named(tokens):
            # "what if they dont speak english and i dont speak spanish": who speaks what
            # with families, not the coach's language (it had been offered English or Español).
            return "question" if self._asks(tokens, normalised) else UNKNOWN
        if (
            intent == "nudges"
            and len(tokens) > GREETING_MOST_WORDS
            and self.names_a_family(tokens)
            and COACH_NUDGE_WORDS.isdisjoint(tokens)
        ):
            # "we switched to the new parent app and half the families get 40 notifications
            # a day": the families' notifications, not the coach's nudges (it had shown the
            # nudge settings).
            return "question" if is_asked(normalised) else UNKNOWN
        if intent == "help" and self._family_is_the_subject(tokens):
            # "a lot of our families dont know how to use the portal": told of them, not
            # "I don't know how to use this" (the help cue's words).
            return UNKNOWN
        if (
            intent == "help"
            and len(tokens) > HELP_MOST_WORDS
            and (self.names_a_family(tokens) or not STUDENT_WORDS.isdisjoint(tokens))
        ):
            # "pls help. angry email came in at 11pm, parent says i am targeting her
            # daughter": help with a family, not with the coach (it had shown the menu).
            return "question" if self._asks(tokens, normalised) else UNKNOWN
        if intent in YOUR_DATA_INTENTS and not self._asks_about_own_data(normalised, tokens):
            # "his kid is a junior backup LB. i need a line for the 11pm texts" (had: the
            # educator's data, exported), "forget the settings. thurs meeting w maria...":
            # the data's own words, or a short message, before the educator's data is at stake.
            return "question" if self._asks(tokens, normalised) else UNKNOWN
        if (
            intent == "draft"
            and len(tokens) > DRAFT_UNASKED_WORDS
            and not self._asks_for_writing(normalised, tokens)
        ):
            # "ya intenté todo con la familia de Brayan, llamadas, notas, email y nada": notes
            # named, none asked for (the examples or the model alone had read a draft).
            return UNKNOWN
        return intent

    def _intent(
        self,
        normalised: str,
        text: Text | None = None,
        grams: Grams | None = None,
        unless_cued: frozenset[str] = frozenset(),
    ) -> str:
        tokens = words(normalised)
        if len(tokens) > 1 and tokens[0] == SLASH_COMMAND:
            # "/coach help" typed into a chat: the words after it are the message.
            return self.intent(normalised.split(None, 1)[1], None)
        if not tokens:
            if normalised.strip().startswith("?"):
                return "help"
            return self._emoji_intent(normalised)
        if tokens[0] in COMMAND_INTENTS and len(tokens) <= COMMAND_WORDS:
            return tokens[0]
        text = text or self.text(normalised)
        found = self._cue_counts(normalised, text)
        for name in unless_cued:
            found.pop(name, None)
        if "cancel" in found and "question" in found:
            del found["cancel"]  # "how do i get parents to stop yelling at the refs": asked
        if "greeting" in found and self._hello_is_a_time_of_day(text):
            del found["greeting"]  # "a dad was furious with me this morning": told, not hello
        asked = "question" in found or not self.asking_openers.isdisjoint(tokens)
        if "assess" in found and asked and self.names_a_family(tokens):
            del found["assess"]  # "...about a B on a quiz. how do i set boundaries": asked
        if (
            "draft" in found
            and asked
            and self.request_words.isdisjoint(tokens)
            and self.write_words.search(normalised) is None
            and self.say_words.isdisjoint(tokens)
        ):
            del found["draft"]  # "how long should a message to parents be?": asked about notes
        if "cancel" in found and len(tokens) > CANCEL_MOST_WORDS and self.names_a_family(tokens):
            del found["cancel"]  # "...i dont want to stop contacting the family": told
        if "thanks" in found and _REPORTED_THANKS.search(normalised):
            del found["thanks"]  # "he got quiet and then said thank you like 3 times": told
        if (
            "thanks" in found
            and found.keys() <= THANKED_FOR
            and len(tokens) >= THANKS_FOR_WORDS
            and self._opens_or_ends_with_thanks(tokens)
            and not self._asks(tokens, normalised)
        ):
            return "thanks"  # "thanks for the help with the letter": for what was done
        for name in self.intent_priority:
            if name in found:
                if name in ASIDE_INTENTS and (
                    "question" in found
                    or self._asks_for_advice(tokens, text, normalised)
                    or (
                        name == "greeting"
                        and len(tokens) > GREETING_MOST_WORDS
                        and asks_a_question(normalised)
                    )
                ):
                    # "hi! how do I get dads to come in?", "I'm a principal, how do I...":
                    # the greeting or the role is the way in; the question is the request.
                    return "question"
                return name
        # Examples are short messages: a long text scored against them finds some example
        # inside almost anything, so only short texts try.
        if _command_typo(tokens):
            return UNKNOWN
        if len(tokens) <= FUZZY_MAX_WORDS:
            vote = self.example_vote.vote(normalised)
            if vote is not None:
                return self._unless_told(vote.intent, tokens, normalised)
        if is_non_answer(normalised):
            # "no", "ok", "idk" with nothing asked: no request the model could name (it had
            # read "no" as `cancel`, then as `frustration`).
            return UNKNOWN
        guess = self.intent_model.guess(grams or self.vocabulary.grams(normalised))
        if guess.label == "frustration" and len(tokens) <= FRUSTRATION_MIN_WORDS:
            # Two or three words with no hostile or weary word (those are cues and examples,
            # read above) are a name, a "no" or a slip: the model's guess is not enough to
            # answer as if the educator were overwhelmed ("Maya and Leo", "no").
            return UNKNOWN
        if (
            guess.label == "frustration"
            and guess.probability < FRUSTRATION_OVER_A_QUESTION
            and ("?" in normalised or not self.asking_words.isdisjoint(tokens))
            and (self.about_school is None or self.about_school.counts(text))
        ):
            # "do their parents even need to hear from me at this point?": the model, unsure,
            # heard an edge in it ("even"); it asks about families, so it is answered.
            return "question"
        if guess.probability >= MODEL_CONFIDENCE:
            return self._unless_told(guess.label, tokens, normalised)
        if self._asks_for_advice(tokens, text, normalised):
            return "question"
        opens_a_question = tokens[0] in self.question_openers or (
            normalised.rstrip().endswith("?") and len(tokens) > 3
        )
        if opens_a_question and (self.about_school is None or self.about_school.counts(text)):
            return "question"  # "whats the wifi password" is not one
        return UNKNOWN

    def _speakers_named(self, tokens: list[str]) -> bool:
        """Families, or "they", named as speakers in a message longer than a language asked
        for by name ("what if they dont speak english", "la mamá no habla inglés")."""
        speakers = THEY_WORDS.intersection(tokens) or self.names_a_family(tokens)
        return len(tokens) > LANGUAGE_ALONE_WORDS and bool(speakers)

    def _unless_told(self, intent: str, tokens: list[str], normalised: str) -> str:
        """A thanks someone else said is told of, not said to the coach. A `question` that
        the examples or the model name must be shaped like one: "our
        family nights are always empty" tells something (the coach hears it and offers to
        think it through); it was answered "Good question" once the examples held many
        questions about families who do not come. And `language` must be said to the coach:
        "mom only reads spanish" is about a family, and had been asked which language the
        coach should speak."""
        if intent == "thanks" and _REPORTED_THANKS.search(normalised):
            return UNKNOWN  # "mom texted thank you!! she loved the note": a thanks told of
        if intent == "language":
            to_the_coach = len(tokens) <= LANGUAGE_ALONE_WORDS or not (
                self.to_the_coach_words.isdisjoint(tokens)
            )
            # "dad likes to talk in spanish at conferences": a family member is the subject.
            about_a_family = self.names_a_family(tokens[:FAMILY_SUBJECT_WORDS])
            return intent if to_the_coach and not about_a_family else UNKNOWN
        if intent != "question" or len(tokens) > ADVICE_WORDS:
            return intent
        asks = "?" in normalised or "¿" in normalised or tokens[0] in self.question_openers
        # An asking word counts where a sentence or clause opens with it, or in words that ask
        # for advice: "...came in to teach the kids how to fold paper boats" tells.
        asks_in_words = (
            asks_a_question(normalised)
            or self.advice_in_passing.search(normalised) is not None
            or (len(tokens) <= SHORT_ASKING_WORDS and not self.asking_words.isdisjoint(tokens))
        )
        return intent if asks or asks_in_words else UNKNOWN

    def _family_is_the_subject(self, tokens: list[str]) -> bool:
        """A family word before the verb the sentence turns on ("our parents dont know",
        "many families can't log in"), within its first few words."""
        opening = tokens[:SUBJECT_WORDS]
        ends = [at for at, token in enumerate(opening) if token in SUBJECT_ENDS]
        return bool(ends) and self.names_a_family(opening[: ends[0]])

    def _opens_or_ends_with_thanks(self, tokens: list[str]) -> bool:
        """ "thanks for the help with the letter", "...dad came to the meeting. thank you";
        not "write a thank you to the dads who built our garden beds"."""
        return tokens[0] in self.thanks_words or tokens[-1] in self.thanks_words

    def _asks_about_own_data(self, normalised: str, tokens: Sequence[str]) -> bool:
        """An export or an erasure asked for plainly: a short message, or one with words for
        the educator's data ("i'd like a downloadable copy of every reflection"), and no "don't"."""
        if not NOT_ASKED_WORDS.isdisjoint(tokens):
            return False  # "NO dont delete anything"
        return len(tokens) <= YOUR_DATA_MOST_WORDS or not OWN_DATA_WORDS.isdisjoint(tokens)

    def cued(self, text: str, intent: str) -> bool:
        """Whether the intent's own cues are in the message (not only the examples' vote or
        the model's reading)."""
        return intent in self._cue_counts(for_matching(text))

    def _hello_is_a_time_of_day(self, text: Text) -> bool:
        """Every hello the cues found is a bare "morning" or "evening" inside the message
        ("this morning", "on friday evening"): when, not a greeting ("morning!", "good
        morning" greet)."""
        places = self.intent_cues.places(text).get("greeting", [])
        return bool(places) and all(at > 0 and text.words[at] in DAYPARTS for at in places)

    def _cue_counts(self, normalised: str, text: Text | None = None) -> dict[str, int]:
        """At how many places each intent's cues match (a quoted phrase read as words of the
        request, "say \"x\" better"), counted once per message; a copy the caller may edit."""
        said = normalised.replace('"', " ")
        last = self._last_cues
        if last is None or last[0] != said:
            if text is None or said != normalised:
                text = self.text(said)
            last = (said, self.intent_cues.counts(text))
            self._last_cues = last
        return dict(last[1])

    def _asks_for_writing(self, normalised: str, tokens: list[str]) -> bool:
        """A draft cue, a word that asks ("can", "necesito") or one that writes ("write",
        "redactar")."""
        return (
            "draft" in self._cue_counts(normalised)
            or not self.request_words.isdisjoint(tokens)
            or self.write_words.search(normalised) is not None
        )

    def _sent_already(self, tokens: list[str], normalised: str) -> bool:
        """A note told of as sent, with no word or cue asking for one ("i texted the garcias a
        reminder", "le mandé la nota y la mamá contestó en inglés, ¿se ofendió?")."""
        return (
            not self.sent_already.isdisjoint(tokens)
            and self.request_words.isdisjoint(tokens)
            and "draft" not in self._cue_counts(normalised)
        )

    def _asks(self, tokens: list[str], normalised: str) -> bool:
        """A question mark, or a word that asks for something ("can", "pls", "necesito")."""
        return "?" in normalised or "¿" in normalised or not self.request_words.isdisjoint(tokens)

    def _asks_for_advice(self, tokens: list[str], text: Text, normalised: str) -> bool:
        """A long message about families or school that asks something (a question mark, a
        word that asks for something, or words that ask for advice in passing: "...and honestly
        i don't know what to do") is someone asking for advice. A long story that asks
        nothing ("a grandpa came in to teach the kids how to fold paper boats...") is told,
        and heard as what it is about (it had been answered as a question, about hygiene)."""
        if len(tokens) <= ADVICE_WORDS or not (
            self.about_school is None or bool(self.about_school.counts(text))
        ):
            return False
        return (
            is_asked(normalised)
            or not self.request_words.isdisjoint(tokens)
            or self.advice_in_passing.search(normalised) is not None
        )

    def _only_to_the_coach(self, normalised: str, text: Text) -> bool:
        """A short message that names nothing about families or school (see TO_THE_COACH)."""
        return len(words(normalised)) <= TO_THE_COACH_WORDS and not (
            self.about_school is not None and self.about_school.counts(text)
        )

    def names_a_topic(self, text: str) -> bool:
        """Whether the message has a word the content ties to a part of the framework
        ("relational", "trust", "culture"), not only leans to one."""
        return self.topic_word_regex.search(for_matching(text)) is not None

    def names_a_family(self, said: list[str]) -> bool:
        """Whether the words name a family member ("a mom who cries", "la abuela")."""
        return not self.family_words.isdisjoint(said)

    def _emoji_intent(self, normalised: str) -> str:
        """An emoji-only message: the first emoji the content names ("👋" greets, "😩" is
        frustration); others ("🍕", "🙃") say nothing we can act on."""
        for token in normalised.split():
            name = self.emoji.get(_bare_emoji(token))
            if name is not None:
                return name
        return UNKNOWN

    def themes(
        self,
        normalised: str,
        original: str,
        cued: set[str],
        chances: dict[str, float],
        language: str = "en",
        ruled_out: frozenset[str] = frozenset(),
    ) -> tuple[str, ...]:
        """The themes found, from the cues and the theme model's `chances` (read once by the
        caller, which also tells from them whether a bright spot leads)."""
        veto = THEME_CUE_VETO_ES if language == "es" else THEME_CUE_VETO
        shape = unsure_shape(normalised, original)
        return self.themes_from(cued, chances, veto=veto, unsure_shape=shape, ruled_out=ruled_out)

    def cued_themes(self, normalised: str, original: str, text: Text | None = None) -> set[str]:
        """The themes the cues in themes.yaml name, before the model has its say."""
        return self.themes_cued(normalised, original, text)[0]

    def themes_cued(
        self, normalised: str, original: str, text: Text | None = None
    ) -> tuple[set[str], frozenset[str]]:
        """The themes the cues name, and the themes the text's own words rule out (themes.yaml
        `overruled_by`: every cue of the theme is inside an overruling match, so the model,
        which learned the same words, may not name it either). One pass over the cues."""
        text = text or self.text(normalised)
        places = self.theme_cues.places(text, NEGATABLE_THEMES)
        length = len(words(normalised))
        if length <= SHORT_WORDS:
            places.update(self.short_theme_cues.places(text, NEGATABLE_THEMES))
        if length > UNSURE_WORDS:
            places.pop("unsure", None)
        overruled = self._overruled(text, places)
        for theme in self.ruling_out_cues.places(text):
            overruled[theme] = None  # "i speak vietnamese myself": wherever its cues are
        for theme, into in overruled.items():
            places.pop(theme, None)
            if into is not None:
                places.setdefault(into, [])
        cued = set(places)
        if is_non_answer(original) and not only_symbols(original):
            cued.add("unsure")
        return cued, frozenset(overruled)

    def _overruled(self, text: Text, places: dict[str, list[int]]) -> dict[str, str | None]:
        """Each theme overruled in this text, with the theme said instead: an overruling cue
        matched, and every cue of the theme starts inside one of its matches."""
        overruled: dict[str, str | None] = {}
        for theme, starts in self.overruling_cues.places(text).items():
            inside = [
                at
                for at in places.get(theme, [])
                if not any(start <= at <= start + OVERRULED_REACH for start in starts)
            ]
            if not inside:
                overruled[theme] = self.overruled_into[theme]
        return overruled

    def themes_from(
        self,
        cued: set[str],
        chances: dict[str, float],
        sure: float = THEME_MODEL_SURE,
        veto: float = THEME_CUE_VETO,
        *,
        unsure_shape: bool = False,
        unsure_sure: float = THEME_UNSURE_SURE,
        unsure_anywhere: float = THEME_UNSURE_ANYWHERE,
        ruled_out: frozenset[str] = frozenset(),
    ) -> tuple[str, ...]:
        """The cues' themes the model does not rule out, and those the model is sure of
        (`unsure` only in a text shaped like a non-answer: short, asking nothing), less the
        themes the text's own words rule out."""
        found = {
            name
            for name in self.theme_order
            if name not in ruled_out
            and name not in CUED_THEMES
            and ((name in cued and chances[name] >= veto) or chances[name] >= sure)
        }
        if found and unsure_shape:  # ("whats a strength": its `positive` cue is vetoed, none found)
            unsure_sure = max(unsure_sure, THEME_UNSURE_BESIDE)
            unsure_anywhere = max(unsure_anywhere, THEME_UNSURE_BESIDE)
        return tuple(
            name
            for name in self.theme_order
            if name in found
            or (
                name in CUED_THEMES
                and name not in ruled_out
                and (
                    name in cued
                    or (unsure_shape and chances[name] >= unsure_sure)
                    or chances[name] >= unsure_anywhere
                )
            )
        )

    def topic(
        self, normalised: str, text: Text | None = None, grams: Grams | None = None
    ) -> str | None:
        named = self.topic_word_regex.search(normalised)
        if named is not None:
            return self.topic_words[named.group(0)]
        guess = self.topic_model.guess(grams or self.vocabulary.grams(normalised))
        modelled = None if guess.label == NO_TOPIC else guess.label
        counted = self.topic_cues.counts(text or self.text(normalised))
        if counted:
            # A cue names what the message is about ("home visit" is relational); the model
            # overrules it only when it is sure.
            scores = [
                (counted.get(slug, 0), -index, slug) for index, slug in enumerate(self.topic_order)
            ]
            return modelled if guess.probability >= TOPIC_OVER_CUES else max(scores)[2]
        return modelled if guess.probability >= TOPIC_CONFIDENCE else None

    @cached_property
    def situation_model(self) -> TextModel:
        """Loaded at the first question that may be a situation, not at start-up (~90 ms):
        most messages are answers in a conversation, and never need it."""
        return TextModel(packaged_model(SITUATION_MODEL_PATH))

    def situation(self, text: str, sure: float = SITUATION_CONFIDENCE) -> str | None:
        """The everyday situation a message asks about (content/understanding/situations.yaml),
        when the model is `sure` of it; None for a message about none of them. Read only where
        an answer is wanted (a question outside a conversation), not for every message."""
        found = situation_of(self.situation_model.probabilities_text, text, sure)
        return found if found is None or says_what_it_needs(found, text) else None

    def situation_guess(self, text: str) -> Guess:
        """The situation model's best guess and how sure it is, bar or no bar (`coach
        understand` shows it to content authors, near misses included)."""
        return self.situation_model.guess_text(for_matching(text))

    def read(self, text: str, *, deficit: bool = True) -> Understanding:
        """`deficit=False` skips the reframe matcher (the costly part) for callers that
        only need intent, topic and themes."""
        normalised = for_matching(text)
        if _ONLY_NUMBERS.fullmatch(text.strip()):
            # "2", "3.", "10 15": a number says nothing by itself (texting shorthand reads
            # "2" as "to", and "to" once sounded like a request for a draft).
            return Understanding(UNKNOWN, None, (), (), "en")
        read = self.text(normalised)
        grams = self.vocabulary.grams(normalised)  # counted once for the three models
        intent = self.intent(normalised, read, grams)
        cued, ruled_out = self.themes_cued(normalised, text, read)
        language = detect_language(normalised)
        chances = self.theme_model.chances(grams)
        themes = self.themes(normalised, text, cued, chances, language, ruled_out)
        if intent == "language" and (
            len(words(normalised)) <= COMMAND_WORDS or "language" in self.intent_cues.counts(read)
        ):
            # "in spanish please" is about the coach's language, not a family's; only a cue
            # says so plainly ("dad only speaks spanish" may sound like the intent to the model).
            themes = tuple(theme for theme in themes if theme != "language")
        findings = tuple(deficit_findings(text)) if deficit else ()
        # "the hargroves, always problems": "always" leans bright to the model; a sentence that
        # speaks of a family by what it lacks is no bright spot.
        guessed_bright = "positive" in themes and "positive" not in cued
        if guessed_bright and (findings or (not deficit and deficit_findings(text))):
            themes = tuple(theme for theme in themes if theme != "positive")
        if "positive" in themes and _HARM.search(normalised):
            # "a 7th grader brought a knife in his bookbag today, nobody hurt thank God": relief
            # in the middle of harm is no bright spot (it had been "the framework in action").
            themes = tuple(theme for theme in themes if theme != "positive")
        if (
            intent == "frustration"
            and set(themes) == {"positive"}  # "...a dad called me racist": conflict too
            and "frustration" not in self.intent_cues.counts(read)
        ):
            # "cafe this morning = 19 families!!! ... i almost cried": good news told, the
            # model's edge heard in it (it had been "That sounds like a lot").
            intent = UNKNOWN
        thanked = intent != "thanks" or "thanks" in self.intent_cues.counts(read)
        if intent in TO_THE_COACH and thanked and self._only_to_the_coach(normalised, read):
            # "thanks, that helped!" is about the coach; "loved it", with no word of thanks
            # and read as praise, may be how the week's step went, and keeps its bright spot.
            themes = tuple(theme for theme in themes if theme != "positive")
        return Understanding(
            intent=intent,
            topic=self.topic(normalised, read, grams),
            themes=themes,
            deficit=findings,
            language=language,
            cued=frozenset(cued),
            bright_leads=_bright_leads(themes, chances),
            bright_over_guessed=_bright_over_guessed(themes, cued, chances),
        )


# Harm told: a weapon, a tribunal, the police, a child hurt.
_HARM = re.compile(
    r"\b(?:knife|knives|gun|guns|weapon|weapons|firearm|tribunal|arrested|stabbed|overdosed?|"
    r"suicide|suicidal|expelled|expulsion|lockdown|devastated|navaja|pistola|arma)\b"
)


def situation_of(
    probabilities: Callable[[str], Mapping[str, float]], text: str, sure: float
) -> str | None:
    """The situation the model (`probabilities` of each, from normalised text) finds the
    message about, at least `sure` of it (more for a fragment); or, in a long story that leans
    to it under the bar, the one a sentence of its own is plainly about. None for none."""
    normalised = for_matching(text)
    whole = probabilities(normalised)
    best = max(whole, key=whole.__getitem__)
    if best == NO_SITUATION:
        return None
    if whole[best] >= situation_bar(normalised, sure):
        return best
    if len(words(normalised)) < SITUATION_STORY_WORDS:
        return None
    for sentence in _STORY_SENTENCES.findall(text):
        said = for_matching(sentence)
        if len(words(said)) < SITUATION_SENTENCE_WORDS:
            continue
        part = probabilities(said)
        label = max(part, key=part.__getitem__)
        if (
            label != NO_SITUATION
            and part[label] >= SITUATION_SENTENCE_CONFIDENCE
            and whole[label] >= SITUATION_STORY_LEAN
        ):
            return label
    return None


def says_what_it_needs(situation: str, text: str) -> bool:
    """Whether the text says one of the words the situation is answered only with (its
    `needs_words`; none asked, always)."""
    needed = situations_in(DEFAULT_LANGUAGE).situations[situation].needs_words
    return not needed or phrases_pattern(tuple(needed)).search(for_matching(text)) is not None


def situation_bar(normalised: str, sure: float) -> float:
    """How sure the situation model must be of this message: `sure`, or more for a fragment."""
    if len(words(normalised)) <= SITUATION_FRAGMENT_WORDS:
        return max(sure, SITUATION_FRAGMENT_CONFIDENCE)
    return sure


def unsure_shape(normalised: str, original: str) -> bool:
    """Short enough to be a non-answer, and not a question (which the model would take for
    one): where the theme model may read `unsure`."""
    return len(words(normalised)) <= UNSURE_MODEL_WORDS and not asks_a_question(original)


@cache
def default_reader() -> Reader:
    return Reader(default_understanding())


def understand(text: str, *, deficit: bool = True) -> Understanding:
    return default_reader().read(text, deficit=deficit)
