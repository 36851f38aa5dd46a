"""What the coach says back to a reflection answer: it shows it read it, asks one follow-up
when the answer is thin, helps when the educator is stuck, and fits the action options to
what was said. All wording comes from content/understanding/replies.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import dropwhile

from bot.i18n import current_language
from bot.understanding import Understanding, understand
from bot.understanding.family_told import family_told_something
from bot.understanding.named import who_is_named
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.own_plan import own_plan
from bot.understanding.reader import (
    asks_a_question,
    default_reader,
    hedged_rest,
    in_phrase_set,
    is_asked,
    is_non_answer,
)
from bot.understanding.variants import in_turn, pick
from content.fit import Profile, closeness, offered_first, offered_order
from content.loader import Library
from content.understanding_schema import Told, default_understanding, replies_in

# Which theme's acknowledgement wins when an answer carries several: the hardest first.
ACK_ORDER = ("conflict", "language", "no-response", "time", "positive")
# The acknowledgement of an answer with no theme and no one named: "Noted, "...". "
GENERAL = "general"
# ...of a family member who told the educator something (bot/understanding/family_told.py),
# unless the answer's own words name friction or a silence: "dad told me to stop calling"
# is no news from a two-way conversation.
LEARNED = "learned"
FRICTION_OR_SILENCE = frozenset(["conflict", "no-response"])
# An answer this short, made only of vague words, gets one follow-up question.
THIN_WORDS = 6
# The fewest words a planned action can have ("call Ana's mom"; "text" alone is no plan).
ACTION_WORDS = 2
VAGUE_WORDS = frozenset(
    [
        "good",
        "fine",
        "ok",
        "okay",
        "well",
        "great",
        "alright",
        "nice",
        "bad",
        "not",
        "so",
        "pretty",
        "really",
        "very",
        "it",
        "was",
        "went",
        "is",
        "i",
        "guess",
        "think",
        "it's",
        "kinda",
        "kind",
        "of",
        "sort",
        "ok.",
        "all",
        "right",
        "decent",
        "meh",
        "fine.",
        "bien",
        "mal",
        "regular",
        "muy",
        "todo",
        "fue",
    ]
)
SNIPPET_WORDS = 8
# A first clause of up to this many words is said back whole, rather than cut mid-clause.
SNIPPET_CLAUSE_WORDS = 14
# The news at the end of a long story is said back whole up to this many words.
NEWS_WORDS = 18
SNIPPET_CLAUSE_MIN = 4  # "Ana. She told me about her soccer team": a name is no clause to stop at
# Where a clause ends: punctuation, or a word that starts the next one ("bc", "because", "but").
_CLAUSE_END = re.compile(r"[,;.!?]\s|\s(?:bc|because|but|cuz|porque|pero)\s", re.IGNORECASE)
# Where a long clause goes on to what happened next ("i sent it and mom wrote back...").
_THEN = re.compile(r"\s(?:and then|and|then|so|y luego|y|luego|entonces)\s", re.IGNORECASE)
_SENTENCE_ENDS = re.compile(r"(?<=[.!?])\s+")
# Someone in the family said something: the speaker and what they said.
_FAMILY_SAID = re.compile(
    r"\b(?:she|he|they|mom|dad|grandma|grandpa|abuela|abuelo|la mam[aá]|el pap[aá]|"
    r"(?:mr|mrs|ms)\.? \w+)\s+(?:\w+\s+){0,3}?(?:said|told me|dijo|me dijo)\b",
    re.IGNORECASE,
)
# The last clause of a story opened by a "but" ("...but attendance still bad this week").
_BUT_LAST = re.compile(r"\s(?:but|pero)\s[^,;.!?]*$", re.IGNORECASE)
# The intents.yaml set of words that lead into an answer without saying anything yet.
LEAD_INS_SET = "lead-ins"
# An answer this short that reads as unsure or asks a question back is a request for help.
STUCK_WORDS = 8
ACTIONS_OFFERED = 3
# Theme-fitted actions offered before the topic's own, at most this many.
FITTED_ACTIONS = 2


def is_stuck(text: str, reading: Understanding) -> bool:
    """'idk', '?', 'no', 'can you give me an example?': not an answer to save."""
    if is_non_answer(text) or asks_what_it_means(text):
        return True
    rest = " ".join(hedged_rest(text))
    if len(rest.split()) >= ACTION_WORDS and not is_stuck(rest, understand(rest, deficit=False)):
        return False  # "maybe the lees?", "maybe text them?": an answer, offered tentatively
    short = len(words(for_matching(text))) <= STUCK_WORDS
    # A family or child named is an answer, however unsure of itself ("the Garcias?", "idk
    # maybe the Alvarez family? dad works nights").
    if not short or who_is_named(text) is not None:
        return False
    # "whats a strength", "how would i even do that?": a short question back is a way of
    # saying "I'm not sure what you mean", unless it carries what the answer is about.
    # "idk honestly, my families never answer" says what is hard: an answer, however unsure.
    says_more = bool(set(reading.themes) - {"unsure"})
    asked_back = asks_a_question(text) and not says_more
    return ("unsure" in reading.themes and not says_more) or asked_back


def asks_what_it_means(text: str) -> bool:
    """ "what do you mean by two way? like they asked me questions too?": the question asked
    back, not answered (replies.yaml `stuck.asked_back`)."""
    stuck = replies_in(current_language()).stuck
    said = for_matching(text)
    if len(words(said)) > stuck.asked_back_words:
        return False
    return phrases_pattern(tuple(stuck.asked_back)).search(said) is not None


def asks_what_counts(text: str) -> bool:
    """ "does a phone call count as two-way? or does it have to be in person?": asked back
    whether something counts, which has an answer (the stuck help's example had answered a
    question nobody asked)."""
    counts = replies_in(current_language()).stuck.counts_words
    return (
        asks_what_it_means(text)
        and phrases_pattern(tuple(counts)).search(for_matching(text)) is not None
    )


def asks_how_to_answer(text: str) -> bool:
    """ "like do i just type what happened": how to answer the question, asked (short)."""
    said = for_matching(text)
    if len(words(said)) > HOW_TO_ANSWER_WORDS:
        return False
    stuck = replies_in(current_language()).stuck
    return phrases_pattern(tuple(stuck.how_to_answer_words)).search(said) is not None


# More words than this tell what happened, whatever they ask on the way.
HOW_TO_ANSWER_WORDS = 12


def asks_about_several(text: str) -> bool:
    """ "is it ok if i talk about more than one family?": asked before answering, short."""
    said = for_matching(text)
    if len(words(said)) > SEVERAL_ASKED_WORDS or not asks_a_question(text):
        return False
    stuck = replies_in(current_language()).stuck
    return phrases_pattern(tuple(stuck.several_words)).search(said) is not None


# "wait before I answer - is it ok if I talk about more than one family?" is 16 words; more
# than this tell about the families.
SEVERAL_ASKED_WORDS = 20


# "any tips for our authors tea", "ideas for the publishing party": asked without a question.
_ASKS_FOR_IDEAS = re.compile(
    r"(?<!\w)(?:tips?|ideas?|advice|suggestions?|consejos?|sugerencias?)(?!\w)", re.IGNORECASE
)


def asks_in_any_part(text: str) -> bool:
    """Asked somewhere in it: a question in any of its clauses ("my class is having a
    publishing party, how do i get families to come"), or ideas asked for."""
    parts = re.split(r"[,.;!]+", text)
    return any(is_asked(part) for part in [text, *parts]) or bool(_ASKS_FOR_IDEAS.search(text))


def what_is_told(text: str) -> tuple[str, Told] | None:
    """ "my principal wants us to do home visits but i'm nervous", "i barely know most of my
    families", "they're scared of the school": what is told that no theme names (replies.yaml
    `told`), by name."""
    said = for_matching(text)
    # ...and its words alone, as quotes and commas fall between them ('replied "ok." to my
    # email' says "replied ok"), read again so a quoted word is spelled as the phrases are
    # ("'doesnt need ESL anymore'": "doesn't need esl").
    bare = for_matching(" ".join(word.strip("'\"‘’“”") for word in words(said)))
    for name, entry in replies_in(current_language()).told.items():
        pattern = phrases_pattern(tuple(entry.words))
        if pattern.search(said) is None and pattern.search(bare) is None:
            continue
        if entry.asked_only and not asks_in_any_part(text):
            continue  # "we had a poetry cafe and 20 families came!!": news, not a question
        if entry.read_as and not _leans_to(said, entry.read_as):
            continue  # "a coat drive for the shelter": not where a family lives
        return name, entry
    return None


def _leans_to(said: str, situations: Collection[str]) -> bool:
    """Whether the situation model gives these situations together at least READ_AS_LEAN."""
    chances = default_reader().situation_model.probabilities_text(said)
    return sum(chances.get(name, 0.0) for name in situations) >= READ_AS_LEAN


# Chosen on the housing words' own probes (a family in a shelter or a car, 0.30-0.89; a drive,
# a drill, a thank-you or the educator's own flat, 0.02-0.17).
READ_AS_LEAN = 0.25


def in_brief_when_told(ack: Heard, text: str) -> str:
    """An answer of its own (a `told` entry that `answers`: "the family is moving...") said
    back at a reflection's question in its first sentence, unless the answer asked something:
    one short thing that shows it was read, not a paragraph before the next question."""
    told = replies_in(current_language()).told.get(ack.key)
    if told is None or not told.answers or asks_in_any_part(text):
        return ack.text
    first = _FIRST_SENTENCE.match(ack.text)
    if first is None:
        return ack.text
    if len(words(first.group(1))) < BRIEF_ENOUGH_WORDS:
        # "Check your district's policy first." says nothing alone (it had been the whole
        # reply to "i get emails at midnight from parents..."): the next sentence with it.
        second = _FIRST_SENTENCE.match(ack.text, first.end(1))
        rest = ack.text[first.end(1) :].lstrip()
        return f"{first.group(1)} {second.group(1).strip() if second else rest}"
    return first.group(1)


# A first sentence shorter than this needs the next one to say anything.
BRIEF_ENOUGH_WORDS = 8


# A text's first sentence: up to the first full stop, question or exclamation mark that ends a
# sentence (one followed by a space and more).
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])\s+\S", re.DOTALL)


def takes_a_second_look(text: str) -> bool:
    """ "i mean maybe they do care, idk", "ok fair, that came out wrong": the answer looks
    again at what the last one said (replies.yaml `second_look`)."""
    second_look = tuple(default_understanding().replies.second_look.words)
    return phrases_pattern(second_look).search(for_matching(text)) is not None


def is_thin(text: str, reading: Understanding) -> bool:
    """'good', 'it went fine', 'ok i guess', a single word ('Ana'): nothing concrete to build
    on yet."""
    said = words(for_matching(text))
    return len(said) == 1 or (0 < len(said) < THIN_WORDS and all(w in VAGUE_WORDS for w in said))


def is_action(text: str) -> bool:
    """A plan in the educator's words: at least a verb and what it is about ("call Ana's
    mom"), not a non-answer, a question back or a single word ("idk", "frobnicate", "text").
    A question mark anywhere is still wondering, not a plan ("maybe jayden's family? mom
    works nights i think" answers the question before, and was saved as the week's action),
    and a report of how it went is news, not a plan (reports_how_it_went). Doubt is no plan
    ("not sure what to do"), unless a step is named beside it."""
    said = words(for_matching(text))
    crisis = replies_in(current_language()).to_the_coach["own_crisis"].words
    unbracketed = without_brackets(text)  # "on her day off (tues?)" doubts a detail
    return (
        len(said) >= ACTION_WORDS
        # "lol i want to die, this week": never the week's plan, joke or not
        and phrases_pattern(tuple(crisis)).search(for_matching(text)) is None
        and not reports_how_it_went(text)
        and not is_non_answer(text)
        and not asks_a_question(unbracketed)
        and not any(mark in unbracketed for mark in "?¿")
        # Doubt beside a step is still a plan: "not sure it'll work but i'll call grandma".
        and ("unsure" not in understand(text, deficit=False).themes or own_plan(text) is not None)
    )


def without_brackets(text: str) -> str:
    """The text without what it says in brackets: "call Kaylee's mom on her day off (tues?)
    with the thrift store thing" asks nothing of the step itself."""
    return _BRACKETED.sub("", text)


_BRACKETED = re.compile(r"\([^)]*\)")


def reports_how_it_went(text: str) -> bool:
    """ "done!! mom came in", "kinda, i called but mom got mad", "no pude": the text opens by
    telling how something went (replies.yaml `own_plan.reports`), and names no step of the
    educator's own after it ("called grandma, i'll try dad on friday" is a plan)."""
    reports = tuple(replies_in(current_language()).own_plan.reports)
    opens = phrases_pattern(reports).match(for_matching(text)) is not None
    return opens and own_plan(text) is None


def acknowledged_themes(said_before: Collection[str]) -> set[str]:
    """The themes a conversation has acknowledged, from the keys of what was said ("time:2")."""
    return {key.split(":")[0] for key in said_before}


def good_news_leads(text: str, themes: Collection[str]) -> bool:
    """A bright spot told as good news ("small win", "finally answered", "por fin vino")
    beside the hard thing it overcame: the bright spot is what was said."""
    if "positive" not in themes:
        return False
    words = tuple(replies_in(current_language()).good_news.words)
    return phrases_pattern(words).search(for_matching(text)) is not None


def opens_with_good_news(text: str) -> bool:
    """ "good news!! ...", "buenas noticias, la mamá de Ana vino": the message opens by saying
    it is good news, whatever the themes read in the rest."""
    opening = " ".join(for_matching(text).split()[:GOOD_NEWS_OPENING_WORDS])
    words = tuple(replies_in(current_language()).good_news.words)
    return phrases_pattern(words).search(opening) is not None


# Good news said within this many words of the start opens the message.
GOOD_NEWS_OPENING_WORDS = 4


def hardest_theme(themes: Collection[str]) -> str | None:
    """The theme acknowledged first among these (ACK_ORDER), or None."""
    return next((theme for theme in ACK_ORDER if theme in themes), None)


def theme_heard(text: str, reading: Understanding, *, cued_only: bool = False) -> str | None:
    """The acknowledgement of the text's hardest theme, or None when it carries none
    (`cued_only`: none that its words name, whatever the model read)."""
    theme = hardest_theme([t for t in reading.themes if t in reading.cued or not cued_only])
    return None if theme is None else pick(replies_in(current_language()).acknowledge[theme], text)


def joined(first: str, more: str | None) -> str:
    """A thin answer and what the follow-up added, as one answer that reads as two sentences
    ("Ana. She told me about her soccer team")."""
    if not more:
        return first
    stop = "" if first.rstrip().endswith((".", "!", "?", "…")) else "."
    return f"{first.rstrip()}{stop} {more[:1].upper()}{more[1:]}"


def payoff(text: str) -> str:
    """What a story of how it went came to, said back: its last clause when that is a clause
    of its own ("...his mom started crying, she said she didn't know he liked science"), as
    the moment that mattered is mostly told last; its opening (`snippet`) otherwise."""
    told = text.strip().rstrip(".!?")
    for sentence in _SENTENCE_ENDS.split(told):
        # "she got quiet then said nobody from that school ever called her with something
        # good. he got written up again today tho lol": what the family said is the moment,
        # wherever it is told (the last words had been said back).
        family_said = _FAMILY_SAID.search(sentence)
        if family_said is not None:
            news = sentence[family_said.start() :].split()
            if len(news) >= SNIPPET_CLAUSE_MIN:
                said = " ".join(news[:NEWS_WORDS]).rstrip(".,;:!?")
                return said + ("…" if len(news) > NEWS_WORDS else "")
    clauses = [part.split() for part in _CLAUSE_END.split(told)]
    last = clauses[-1] if len(clauses) > 1 else []
    if _BUT_LAST.search(told) and len(clauses) > 2:
        # "...we got a bus pass going but attendance still bad this week": what came after the
        # "but" is what is still hard, not what made it work; the clause before it is.
        last = clauses[-2]
    if SNIPPET_CLAUSE_MIN <= len(last) <= SNIPPET_CLAUSE_WORDS:
        return " ".join(last).rstrip(".,;:!?")
    if len(last) > SNIPPET_CLAUSE_WORDS:
        # "so i was nervous at first but i sent it to the okafors and mrs okafor wrote back a
        # whole paragraph about...": the news is in the last long clause's last part, not in
        # the story's opening.
        parts = [part.split() for part in _THEN.split(" ".join(last))]
        news = next((part for part in reversed(parts) if len(part) >= SNIPPET_CLAUSE_MIN), last)
        said = " ".join(news[:NEWS_WORDS]).rstrip(".,;:!?")
        return said + ("…" if len(news) > NEWS_WORDS else "")
    return snippet(text)


def snippet(text: str) -> str:
    """The answer's opening said back: its first clause when that is short enough ("the
    hardest part is when i show up and the family is scared"), else its first few words, and
    without a lead-in ("honestly", "well", "pues": intents.yaml `lead-ins`)."""
    parts = _without_opening_question(_without_lead_in_clause(text)).split()
    lead_ins = _lead_ins()
    while len(parts) > 1 and for_matching(parts[0]).strip(" ,.!¡") in lead_ins:
        parts = parts[1:]
    clause = _CLAUSE_END.split(" ".join(parts), maxsplit=1)[0].split()
    # A clause is said back whole: the first of several, or the whole answer when it is one
    # ("i guess i could call one family a week", not "...call one family a…").
    if SNIPPET_CLAUSE_MIN <= len(clause) <= SNIPPET_CLAUSE_WORDS:
        return " ".join(clause).rstrip(".,;:!?")
    short = " ".join(parts[:SNIPPET_WORDS]).rstrip(".,;:!?")
    return short + ("…" if len(parts) > SNIPPET_WORDS else "")


def _without_opening_question(text: str) -> str:
    """The text after an opening sentence that asks ("Is this really the best use of my
    time? My bigger issue is teachers only calling with bad news"), when a sentence that
    tells follows: that is what is said back (it had been the question)."""
    asked, mark, rest = text.partition("?")
    told = rest.strip()
    if not mark or not asked.strip() or not words(for_matching(told)) or "?" in told:
        return text
    return told


def _without_lead_in_clause(text: str) -> str:
    """The text after an opening clause made only of lead-ins ("la verdad no sé, casi no
    hablo con las familias...", "honestly idk, maybe the Pham family"): that clause says
    nothing of the answer (it had been the part said back, "...about 'la verdad no sé'")."""
    first, comma, rest = text.partition(",")
    if not comma or not rest.strip():
        return text
    said = for_matching(first).strip(" .!¡")
    lead_ins = sorted(_lead_ins(), key=len, reverse=True)
    while said:
        found = next((lead for lead in lead_ins if _opens_with(said, lead)), None)
        if found is None:
            return text
        said = said[len(found) :].strip()
    return _without_lead_in_clause(rest.strip())  # "honestly, not sure, maybe the Garcias"


def _opens_with(said: str, phrase: str) -> bool:
    return said == phrase or said.startswith(phrase + " ")


@cache
def _lead_ins() -> frozenset[str]:
    return frozenset(default_understanding().intents.sets.get(LEAD_INS_SET, []))


# How a request to the coach starts ("can u help me write...", "pls help me word this").
REQUEST_OPENERS = frozenset(["can", "could", "would", "will", "pls", "please", "help"])
# Said before a request without changing it: "wait actually can you help me write...".
YOU_WORDS = frozenset(["you", "u", "ya", "tú", "tu", "usted"])


def asks_for_a_draft(text: str, reading: Understanding) -> bool:
    """An answer that asks the coach to help write a message home, rather than planning one
    ("send a note home friday" is a plan, and is read as one)."""
    # "wait actually can you help me write a msg to a parent first? her kid hit another kid"
    fillers = default_reader().opening_fillers
    said = list(dropwhile(fillers.__contains__, words(for_matching(text))))
    asked = bool(said) and (said[0] in REQUEST_OPENERS or "?" in text)
    return reading.intent == "draft" and asked


def draft_asked_of_the_coach(text: str, reading: Understanding) -> bool:
    """The coach asked to write a message home ("write me a text to send a dad who keeps
    no-showing conferences", "escríbeme un mensaje para el papá de Luis"), not a plan to
    write one ("send a note home friday")."""
    if reading.intent != "draft":
        return False
    said = for_matching(text)
    # "can you just write the email to ms robinson for me?"; "can i just text his mom
    # instead?" asks leave for a step, and is no request of the coach.
    of_the_coach = asks_for_a_draft(text, reading) and not YOU_WORDS.isdisjoint(words(said))
    return of_the_coach or in_phrase_set("draft-asks", said)


@dataclass(frozen=True)
class Heard:
    """An acknowledgement, and which one it is ("time:2"), so a conversation says it once."""

    text: str
    key: str


def acknowledgement(text: str, reading: Understanding) -> str:
    return heard(text, reading).text


def heard(
    text: str,
    reading: Understanding,
    said_before: Collection[str] = (),
    *,
    at_a_question: bool = False,
) -> Heard:
    """One thing that shows the answer was read: its hardest theme first, but a theme not yet
    acknowledged in this conversation before one that was, and never the same sentence twice
    (`said_before`: the keys of what was said). `at_a_question`: an answer to a reflection's
    question, where what a family told is the news (out of one, "a parent keeps asking ME
    instead of the teacher... she says im 'easier to talk to'. help" asks something)."""
    if asks_for_a_draft(text, reading):
        return Heard(replies_in(current_language()).intents.draft_in_reflection, "draft")
    acks = replies_in(current_language()).acknowledge
    told = what_is_told(text)
    # The model's bright spot leads only where the words tell nothing of their own: "her mom
    # CRIED at drop off and 3 other kids started crying" had been "That's the framework in
    # action".
    if good_news_leads(text, reading.themes) or (reading.bright_leads and told is None):
        # ...and the nerves it names are over too ("conference went great actually. i was
        # dreading it all week": had "Feeling nervous about it makes sense").
        bright = _fresh(acks["positive"], "positive", text, said_before)
        if bright is not None:
            return bright  # the silence or friction it names is over: no second line on it
    if told is not None and told[0] not in said_before:
        return Heard(told[1].acknowledge, told[0])
    present = [theme for theme in ACK_ORDER if theme in reading.themes]
    acknowledged = acknowledged_themes(said_before)
    who = who_is_named(text)
    if (
        at_a_question
        and "positive" in reading.themes
        and FRICTION_OR_SILENCE.isdisjoint(reading.cued)
        and family_told_something(text)
    ):
        learned = learned_from_family(who, text, said_before)
        if learned is not None:  # the news alone: a line on the week's time would bury it
            return learned
    # A worry heard already, and a family named for the first time: the family is the news
    # ("la familia de Yesenia, la mamá trabaja en el campo" after "no me da tiempo de nada").
    if who is None or not present or not acknowledged.issuperset(present):
        for theme in sorted(present, key=lambda theme: _heard_later(theme, acknowledged, reading)):
            fresh = _fresh(acks[theme], theme, text, said_before)
            if fresh is not None:
                unheard = [t for t in present if t not in acknowledged]
                return _with_also(fresh, theme, unheard, reading.cued)
    if who is not None:
        named = _unsaid_first(
            replies_in(current_language()).named.acknowledge, "named", text, said_before
        )
        return Heard(_contracted(named.text.format(who=who)), named.key)
    general = _unsaid_first(acks[GENERAL], GENERAL, text, said_before)
    return Heard(general.text.format(snippet=snippet(text)), general.key)


def learned_from_family(
    who: str | None, text: str, said_before: Collection[str] = ()
) -> Heard | None:
    """What a family member told, said back as what listening brings (each wording once;
    `who` unnamed: "the family")."""
    named = replies_in(current_language()).named
    fresh = _fresh(named.learned, LEARNED, text, said_before)
    if fresh is None:
        return None
    return Heard(_contracted(fresh.text.format(who=who or named.learned_from_unnamed)), fresh.key)


def _heard_later(theme: str, acknowledged: Collection[str], reading: Understanding) -> int:
    """Where a theme's acknowledgement falls in the order (a stable sort keeps ACK_ORDER
    within each place): one already acknowledged in this conversation comes last; a hard
    theme only the model guessed comes after a bright spot the answer's own words name ("la
    mama de kevin... she told me he's been having nightmares since they moved" had been
    heard as a silence, "ava's dad replied to my class dojo msg" too)."""
    if theme in acknowledged:
        return 2
    guessed_beside_a_bright_spot = reading.bright_over_guessed and theme not in reading.cued
    return 1 if guessed_beside_a_bright_spot and theme != "positive" else 0


def _contracted(said: str) -> str:
    """A sentence that opens with the name starts with a capital ("The Martinez family: ...",
    "El papá de Kevin: ..."), and Spanish contracts "a el" and "de el" ("Gracias por nombrar
    al papá de Kevin")."""
    said = said[:1].upper() + said[1:]
    if current_language() != "es":
        return said
    return said.replace(" a el ", " al ").replace(" de el ", " del ")


def _with_also(first: Heard, theme: str, present: list[str], cued: Collection[str]) -> Heard:
    """The acknowledgement, and one short line for a second theme in the same answer ("so
    tired. 3 IEP meetings and mom still hasn't signed": the silence, and the week), unless
    the conversation heard that one already (`present` leaves those out). The second theme
    must be in the answer's words (the cues), not only the model's guess, and never a bright
    spot tacked onto a hard story: a wrong second line would show the coach did not listen."""
    also = replies_in(current_language()).acknowledge_also
    second = next(
        (t for t in present if t != theme and t in also and t in cued and t != "positive"), None
    )
    return first if second is None else Heard(f"{first.text} {also[second]}", first.key)


def _fresh(
    variants: Sequence[str], name: str, text: str, said_before: Collection[str]
) -> Heard | None:
    """The text's own variant, or the next one not said yet; None when all were said."""
    for index in in_turn(len(variants), text):
        key = f"{name}:{index}"
        if key not in said_before:
            return Heard(variants[index], key)
    return None


def _unsaid_first(
    variants: Sequence[str], name: str, text: str, said_before: Collection[str]
) -> Heard:
    """As `_fresh`, and the text's own variant again once every one was said (these carry
    the educator's words or a name, so they never read the same twice)."""
    fresh = _fresh(variants, name, text, said_before)
    if fresh is not None:
        return fresh
    index = in_turn(len(variants), text)[0]
    return Heard(variants[index], f"{name}:{index}")


def probe(text: str) -> str:
    return pick(replies_in(current_language()).probe, text)


def stuck_help(prompt_number: int) -> str:
    stuck = replies_in(current_language()).stuck
    lines = [
        stuck.intro,
        stuck.example.format(example=stuck.examples[prompt_number % len(stuck.examples)]),
        stuck.starter.format(starter=stuck.starters[prompt_number % len(stuck.starters)]),
        stuck.easier.format(
            easier=stuck.easier_questions[prompt_number % len(stuck.easier_questions)]
        ),
    ]
    return "\n".join(lines)


def fitted_actions(
    library: Library,
    slug: str,
    profile: Profile,
    themes: list[str],
    start: int,
    leave_out: str | None = None,
) -> list[str]:
    """Action options that fit what the educator said, then the topic's own in the order
    their role and grades are offered them, rotating; never `leave_out` (the action being
    changed)."""
    replies = replies_in(current_language())
    items = library.topics[slug].quick_actions
    fitted: list[str] = []
    for theme in ACK_ORDER:
        if theme in themes and theme in replies.theme_actions and len(fitted) < FITTED_ACTIONS:
            fitted.append(replies.theme_actions[theme][start % len(replies.theme_actions[theme])])
    if "time" in themes:
        # Short on time: the smallest of the actions written for them (fewest words) first,
        # those made for their role and grades before those for anyone.
        own = sorted(
            offered_first(items, profile),
            key=lambda i: (closeness(items[i], profile), len(items[i].text.split())),
        )
        topic_actions = [items[i].text for i in own]
    else:
        topic_actions = [items[i].text for i in offered_order(items, profile)]
        shift = start % len(topic_actions)
        topic_actions = topic_actions[shift:] + topic_actions[:shift]
    for action in topic_actions:
        if len(fitted) >= ACTIONS_OFFERED:
            break
        if action not in fitted and action != leave_out:
            fitted.append(action)
    return fitted


def asks_to_change_action(text: str) -> bool:
    """ "can i change my action?", "i want to pick a different one... a different action",
    "cambiar la acción por favor": a change of the action, asked for."""
    change = replies_in(current_language()).change_action
    said = for_matching(text)
    if phrases_pattern(tuple(change.words)).search(said) is None:
        return False
    return is_asked(text) or phrases_pattern(tuple(change.asking)).search(said) is not None
