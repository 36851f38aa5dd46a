"""`draft`: a short message home, written from what the educator tells the coach.

Steps, each saved before the next question:
  purpose  -> language -> ask (one specific at a time; `reframe` when one reads as deficit
  framing) -> tone -> draft (another version, shorter, the other language, save, done)

The family's language is asked before the specifics, so an educator writing to a family that
reads Spanish is told to type them as the family should read them: the draft puts their words
in exactly as typed (bot/drafts/compose.py) and never translates them. The child's name lives
only in this flow's sealed state until the educator saves the draft; an unsaved draft leaves
only the educator's count of drafts made.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import timedelta

from bot import messages as core_messages
from bot.drafts import messages as said
from bot.drafts.compose import compose, for_the_family, shortest_version, tidy
from bot.drafts.edits import (
    NO_QUESTION,
    REMOVE,
    asks_no_question,
    edit_asked,
    found_in,
    name_told,
    with_edits,
)
from bot.drafts.journal import is_a_drafted_message
from bot.drafts.models import SavedDraft
from bot.drafts.suggest import purpose_in
from bot.drafts.to_the_coach import (
    reads_as_english,
    speaks_of_the_reader,
    told_by_another,
    without_how_it_should_sound,
    without_no_spanish,
    without_translating_myself,
)
from bot.drafts.told import told_in_request
from bot.flows.base import Answer
from bot.flows.listening import VAGUE_WORDS, what_is_told
from bot.flows.reflection_asides import pick_step_aside
from bot.flows.state import STEPS_ASIDE, ActiveFlow, save_flow
from bot.followthrough import awaiting_check_in
from bot.i18n import _, current_language, speaking
from bot.language import language_named
from bot.messages import says_skip
from bot.reframe import Finding, rewrite_all
from bot.replies import AskText, Card, Choices, Reply, Text
from bot.said_to_the_coach import TOLD_YOU
from bot.situation_answers import situation_aside
from bot.storage.models import Reflection
from bot.turn import Turn
from bot.understanding.deficit import deficit_findings
from bot.understanding.normalise import for_matching, phrases_pattern, words
from bot.understanding.reader import asks_a_question, is_asked, is_non_answer, sentences_of
from content.drafts_schema import (
    DraftContent,
    Language,
    Purpose,
    Specific,
    Tone,
    drafts_in,
)
from content.loader import Library
from content.understanding_schema import default_understanding, replies_in

KIND = "draft"
# A specific longer than this is more than a note home can carry (one or two sentences).
MAX_SPECIFIC_CHARS = 300
# The planned "send it" action is filed under the condition it practises.
SEND_TOPIC = "relational"
# Changes typed under the note, made in every version of it (bot/drafts/edits.py).
EDITS = "edits"
# A reflection's action younger than this is the week's: a draft saved now is kept beside it.
ONE_WEEK = timedelta(days=7)
# An observation this short, made only of these words, says nothing a family can picture.
VAGUE_OBSERVATION_WORDS = 5
_VAGUE = VAGUE_WORDS | frozenset(
    [
        "did",
        "does",
        "doing",
        "done",
        "he",
        "she",
        "they",
        "them",
        "him",
        "her",
        "his",
        "job",
        "work",
        "worked",
        "working",
        "hard",
        "today",
        "this",
        "week",
        "class",
        "lot",
        "much",
        "better",
        "behaved",
        "behaving",
        "nicely",
        "improved",
        "improving",
        "lately",
        "has",
        "had",
        "been",
        "awesome",
        "amazing",
        "excellent",
        "super",
        "awesome",
        "trying",
        "tried",
        "effort",
    ]
)
# "Maya and Leo", "Maya, Leo", "Maya y Leo": more than one child.
_SEVERAL = re.compile(r",|&|\+|/|\band\b|\by\b", re.IGNORECASE)
_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '’.\-])*$")
MAX_NAME_WORDS = 3
# "his name is jayden", "her name's Ana", "se llama Luis": a child's name told ahead.
_NAME_SAID = re.compile(
    r"\b(?:name(?:'s|’s| is)|se llama)\s+(?P<name>[^\W\d_][^\W\d_'’\-]*)", re.IGNORECASE
)
# What words typed ahead may answer when the note asks no moment seen (an invitation's
# event and time, an introduction's words about oneself).
_TOLD_AHEAD_AS = frozenset({Specific.INVITATION, Specific.ABOUT_ME})
# Words typed ahead, at least this many, are what the educator has seen (the observation).
AHEAD_WORDS = 4
# ...and at most this many that name a tone are the tone ("make it shorter pls", "keep it
# warm and friendly"); a longer text with "short" in it tells of the child.
TONE_AHEAD_WORDS = 6
# ...or this many when they ask for it in so many words ("can you make it sound less like a
# robot").
TONE_ASKED_WORDS = 12
_TONE_FILLERS = frozenset(
    [
        "please",
        "pls",
        "plz",
        "a",
        "bit",
        "little",
        "it",
        "more",
        "less",
        "make",
        "por",
        "favor",
        "un",
        "poco",
        "más",
        "mas",
        "menos",
    ]
)
# Told to the coach about the note, not words for it: "reply to a mom who emails me...", "it's
# for a grandmother raising two grandkids", "this is going to all families" (they had been
# pasted into the note as what was seen).
_TELLS_THE_COACH = re.compile(
    r"^\W*(?:(?:ok|so|um+|well|hi|hey)\W+)*(?:reply|respond|answer|write back|it'?s (?:for|to|a)\b"
    r"|its (?:for|to|a)\b|this is (?:for|to|going)|for (?:a|the|my|his|her|their)\b"
    r"|it'?s about\b|this is about\b|se trata de\b"
    r"|to (?:a|the|my|his|her|their) (?:mom|dad|parent|family|families|grand)"
    r"|(?:a|an) (?:note|message|email|text|reply|letter)\b|i (?:want|need|would like|'d like)\b"
    r"|es (?:para|una)\b|para (?:la|el|una|un|los|las)\b|responder|contestar)"
    r"|\b(?:a|one|this|the) (?:mom|dad|parent|grandma|grandmother|mam[aá]|pap[aá])"
    r" (?:who|that|que)\b|\b(?:it'?s|its|this is) a (?:reply|response|answer)\b",
    re.IGNORECASE,
)
# "...and mention he also aced his quiz", "también di que...": what follows is for the note.
_MENTION = re.compile(
    r"\b(?:mention|say|add|include|tell (?:them|her|him|mom|dad|the family)|menciona|mencione"
    r"|di|diga|agrega|agregue|pon|ponga)\s+(?:that\s+|que\s+)?"
    r"(?!(?:it|lo|la|this|that|something|algo)\b)(?P<told>.+)$",  # "say it nicely": a tone
    re.IGNORECASE,
)
# How families address the educator, in at most this many words ("Ms. Rivera", "Profe Luis").
MY_NAME_WORDS = 5
_OWN_NAME = re.compile(
    r"\b(?:my name is|call me|me llamo|mi nombre es)\s+(?P<name>(?:(?:ms|mr|mrs|dr|miss|mx|sra|"
    r"sr|srta|profe|maestra|maestro)\.?\s+)?[^\W\d_][\w'’-]*)",
    re.IGNORECASE,
)
# What is left of a detail once "i dont speak spanish" is taken out must be this long to be
# the detail ("thats the whole problem" is not).
LEAST_LEFT_WORDS = 4
# ...at least this many words of it (a tone's "say it nicely" adds nothing).
MENTIONED_LEAST_WORDS = 3
_ASKS_FOR_A_TONE = re.compile(r"\b(?:make|keep|sound|write|hazla|hazlo|suene)\b", re.IGNORECASE)
OTHER_LANGUAGE_NOTES = {
    Language.ENGLISH: said.OTHER_LANGUAGE_NOTE_ENGLISH,
    Language.SPANISH: said.OTHER_LANGUAGE_NOTE_SPANISH,
}


def start_draft(
    turn: Turn, args: str = "", *, heard: bool = False, request: str = ""
) -> list[Reply]:
    """Begin a draft; `draft celebrate` (or a button naming the purpose) skips the first
    question; `heard`: the purpose came from the educator's own request, so it is named;
    `request`: that request, whose child and moment are kept as answers given ahead."""
    flow = ActiveFlow(kind=KIND, step="purpose", data={"specifics": {}, "version": 0})
    _keep_told_in(flow, request)
    purpose = _purpose_named(args)
    if purpose is not None:
        flow.data["purpose"] = purpose.value
        # "can u write a short note in spanish to the ramirez family...": not asked again.
        language = _offered_language_in(request) if request else None
        child = flow.data.get("ahead", {}).get(Specific.CHILD)
        if language is not None:
            flow.data["language"] = language
            replies = _next(turn, flow)
        else:
            replies = _ask_language(flow)
        if heard:
            label = _content().purposes[purpose].label
            kept = f" {said.TOLD_KEPT.format(child=child)}" if child else ""
            replies.insert(0, Text(said.PURPOSE_HEARD.format(purpose=label) + kept))
    else:
        replies = _ask_purpose(flow)
    not_offered = language_not_offered(request)
    if not_offered is not None:  # "a note in vietnamese": said first, not passed over
        replies.insert(0, Text(not_offered))
    save_flow(turn, flow)
    return replies


def language_not_offered(request: str) -> str | None:
    """What to say when a request asks for a note in a language notes are not written in."""
    other = _other_language(request) if request else None
    return None if other is None else said.LANGUAGE_NOT_OFFERED.format(language=other)


def _keep_told_in(flow: ActiveFlow, request: str) -> None:
    """ "a text to Maria's mom saying she did great on her reading test": Maria and the moment,
    kept to answer their questions when they come (the moment only in a note written in the
    language it was told in: see _next)."""
    told = told_in_request(request) if request else None
    if told is None:
        return
    ahead: dict[str, str] = flow.data.setdefault("ahead", {})
    if told.child is not None:
        ahead[Specific.CHILD] = told.child
    if told.moment is not None:
        ahead[Specific.OBSERVATION] = told.moment
        flow.data["ahead_language"] = current_language()


def _purpose_named(args: str) -> Purpose | None:
    wanted = args.strip().casefold().replace(" ", "_").replace("-", "_")
    return next((p for p in Purpose if p.value == wanted), None)


def _content() -> DraftContent:
    """The drafts' questions and labels in the language the coach speaks to this educator."""
    return drafts_in(current_language())


def _ask_purpose(flow: ActiveFlow) -> list[Reply]:
    flow.step = "purpose"
    flow.data["_accepts_text"] = True  # words typed ahead are kept (_typed_ahead)
    pairs = [(words.label, purpose.value) for purpose, words in _content().purposes.items()]
    return [Choices(str(said.PURPOSE_QUESTION), flow.options(pairs))]


def _ask_language(flow: ActiveFlow) -> list[Reply]:
    flow.step = "language"
    flow.data["_accepts_text"] = True  # "spanish", or words typed ahead (_typed_ahead)
    pairs = [(said.LANGUAGE_ENGLISH, Language.ENGLISH.value)]
    pairs.append((said.LANGUAGE_SPANISH, Language.SPANISH.value))
    for_everyone = flow.data["purpose"] == Purpose.EVENT.value
    question = said.LANGUAGE_QUESTION_EVENT if for_everyone else said.LANGUAGE_QUESTION
    return [*_purpose_tip(flow), Choices(str(question), flow.options(pairs))]


def _purpose_tip(flow: ActiveFlow) -> list[Reply]:
    """The chosen purpose's word of advice, once ("hard news lands better in a call")."""
    tip = _content().purposes[Purpose(flow.data["purpose"])].tip
    if tip is None or flow.data.get("tipped"):
        return []
    flow.data["tipped"] = True
    return [Text(tip)]


def _ask_tone(flow: ActiveFlow) -> list[Reply]:
    flow.step = "tone"
    flow.data["_accepts_text"] = True  # "shorter pls" is brief
    pairs = [(said.TONE_WARM, Tone.WARM.value), (said.TONE_BRIEF, Tone.BRIEF.value)]
    return [Choices(str(said.TONE_QUESTION), flow.options(pairs))]


def _tone_typed(text: str) -> str | None:
    """ "shorter pls" -> brief, "más cálido" -> warm; None when the words name neither."""
    said = for_matching(text)
    for tone, tone_words in _content().tone_words.items():
        if phrases_pattern(tuple(tone_words)).search(said) is not None:
            return tone.value
    return None


def _only_tone_words(typed: str) -> bool:
    """ "shorter pls", "less formal", "más corto": nothing but a tone asked for ("a short call
    tomorrow after 3" is a time, with "short" in it)."""
    tone_words = {
        w
        for typed_words in _content().tone_words.values()
        for t in typed_words
        for w in words(for_matching(t))
    }
    said = [w for w in words(for_matching(typed)) if w not in _TONE_FILLERS]
    return bool(said) and all(w in tone_words for w in said)


def _question(flow: ActiveFlow, specific: str) -> str:
    return _content().purposes[Purpose(flow.data["purpose"])].asks[Specific(specific)]


def _ask_specific(flow: ActiveFlow, lead: str | None = None) -> list[Reply]:
    flow.step = "ask"
    flow.data["_accepts_text"] = True
    specific = flow.data["asking"]
    question = _question(flow, specific)
    if lead is not None:
        question = f"{lead}\n{question}"
    if specific == Specific.CHILD:
        return [Choices(question, flow.options([(said.SKIP_NAME, "skip")]))]
    flow.data["_options"] = []
    return [AskText(question)]


def _next(turn: Turn, flow: ActiveFlow, lead: Sequence[Reply] = ()) -> list[Reply]:
    """The next specific not yet given, or the tone once they all are."""
    asks = _content().purposes[Purpose(flow.data["purpose"])].asks
    missing = [str(s) for s in asks if str(s) not in flow.data["specifics"]]
    flow.data.pop("probed", None)
    if missing:
        flow.data["asking"] = missing[0]
        ahead_kept = flow.data.get("ahead", {})
        ahead = ahead_kept.pop(missing[0], None)
        if ahead is None and missing[0] in _TOLD_AHEAD_AS and Specific.OBSERVATION not in asks:
            # "al cafe con padres el viernes a las 8", typed ahead of an invitation: what was
            # kept "for the note" answers the invitation (it had been asked for again).
            ahead = ahead_kept.pop(Specific.OBSERVATION, None)
        told_in = flow.data.get("ahead_language")
        if missing[0] == Specific.OBSERVATION and told_in not in (None, flow.data["language"]):
            ahead = None  # told in English for a note in Spanish: asked, in the note's words
        if ahead is not None:  # told before it was asked: taken as the answer
            return [*lead, *_take_specific(turn, flow, Answer(text=ahead))]
        return [*lead, *_ask_specific(flow)]
    tone = flow.data.pop("ahead_tone", None)
    if tone is not None:  # asked for before there was a note: not asked again
        return [*lead, *_take_tone(turn, flow, tone)]
    return [*lead, *_ask_tone(flow)]


def _add_told_beside_tone(flow: ActiveFlow, typed: str) -> None:
    """ "warm, and mention he also aced his quiz friday": what is asked to be mentioned goes
    into the note with the last detail told (it had been dropped, the tone alone taken). A
    tone's own words with no such ask ("warm but not cheesy") add nothing."""
    mentioned = _MENTION.search(typed)
    if mentioned is None or len(words(mentioned["told"])) < MENTIONED_LEAST_WORDS:
        return
    specifics: dict[str, str] = flow.data["specifics"]
    asks = _content().purposes[Purpose(flow.data["purpose"])].asks
    told = [str(s) for s in asks if str(s) != Specific.CHILD and specifics.get(str(s))]
    if told:
        last = told[-1]
        specifics[last] = f"{specifics[last].rstrip(' .!')}, and {mentioned['told'].strip(' .!')}"


# "it's not for a family, it's for the teacher", "no es para la familia, es para la maestra",
# "an email to my principal": a note to a colleague, which the coach does not write.
_FOR_A_COLLEAGUE = re.compile(
    r"\b(?:not (?:for|to) (?:a |the )?(?:family|families|parent|parents)|no es (?:para|a) (?:la |"
    r"una )?(?:familia|mam[aá]|pap[aá])|(?:email|note|message|letter|text|correo|nota|mensaje) "
    r"(?:to|for|a|para) (?:my |the |a |mi |la |el |our |nuestra |nuestro )?(?:principal|assistant "
    r"principal|ap|colleague|coworker|co-teacher|staff|superintendent|director|directora|colega|"
    r"maestra|maestro|compa[nñ]era|compa[nñ]ero|(?:gen ed |homeroom |other )?teachers?))\b",
    re.IGNORECASE,
)


def writes_it_themselves(typed: str) -> bool:
    """ "I'll just write it myself", "mejor lo escribo yo": the note is theirs to write."""
    return _WRITING_IT_MYSELF.search(typed) is not None


def for_a_colleague(typed: str) -> bool:
    """A note for a colleague rather than a family, said so."""
    return _FOR_A_COLLEAGUE.search(typed) is not None


# "both?", "can it be both", "in both languages", "los dos", "en ambos".
_BOTH_LANGUAGES = re.compile(
    r"\b(?:both|bilingual|los dos|las dos|ambos|ambas|biling[uü]e)\b", re.IGNORECASE
)
# "I'll just write it myself", "never mind, I'll write it", "mejor lo escribo yo".
_WRITING_IT_MYSELF = re.compile(
    r"\b(?:i'?ll|ill|i will|i can|let me) (?:just )?write it (?:myself|on my own)|\bnever ?mind,? "
    r"i'?ll (?:just )?write it|\b(?:mejor )?(?:lo|la) escribo yo|\byo (?:lo|la) escribo\b",
    re.IGNORECASE,
)


def _take_tone(turn: Turn, flow: ActiveFlow, tone: str) -> list[Reply]:
    flow.data["tone"] = tone
    turn.educator.drafts_made = (turn.educator.drafts_made or 0) + 1
    return _show_draft(flow)


def _take_specific(turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
    specific = flow.data["asking"]
    if specific == Specific.CHILD and answer.key == "skip":
        flow.data["specifics"][specific] = ""
        return _next(turn, flow)
    typed = answer.text.strip()
    question = _question(flow, specific)
    if not typed:
        return [Text(said.EMPTY.format(question=question))]
    if for_a_colleague(typed):
        # "no es para la familia, es para la maestra": not a note home (it had been kept as
        # what the note is for).
        flow.finished = True
        return [Text(str(said.NOT_FOR_STAFF))]
    if writes_it_themselves(typed):
        # "I'll just write it myself and give it to Sra. Lopez": the note is theirs (it had
        # been kept as what the invitation is for).
        flow.finished = True
        return [Text(str(said.WRITING_IT_THEMSELVES))]
    if specific == Specific.CHILD:
        # "Kinsley, i told you that already", "Yadiel, ya te dije jaja": the name (it had been
        # read as two children, then refused as no name).
        typed = _TOLD_ALREADY.sub("", typed).strip(" ,;") or typed
    if specific != Specific.CHILD:
        # "...message me anytime (is that too available?? lol)", "I already told you: ...":
        # said to the coach, never pasted into the note.
        typed = _without_asides_to_the_coach(typed) or typed
        no_spanish = without_no_spanish(typed)
        if no_spanish is not None and flow.data["language"] == Language.SPANISH:
            # "i dont speak spanish thats the whole problem": a note in English, to be put
            # into Spanish by someone who can (it had been pasted into the Spanish note).
            flow.data["language"] = Language.ENGLISH.value
            heard = [Text(str(said.NO_SPANISH_HEARD))]
            if len(words(for_matching(no_spanish))) < LEAST_LEFT_WORDS:
                return [*heard, *_ask_specific(flow)]
            return [*heard, *_take_specific(turn, flow, Answer(text=no_spanish))]
        translating = without_translating_myself(typed)
        if translating is not None:
            # "I can translate it myself, I'm Vietnamese. just help me with the english
            # version": said to the coach (it had been pasted into the note), and the note in
            # English for them to translate.
            flow.data["language"] = Language.ENGLISH.value
            heard = [Text(str(said.TRANSLATING_HEARD))]
            if len(words(for_matching(translating))) < LEAST_LEFT_WORDS:
                return [*heard, *_ask_specific(flow)]
            return [*heard, *_take_specific(turn, flow, Answer(text=translating))]
        typed, wished = without_how_it_should_sound(typed)
        if wished:
            # "i dont want it to sound like a truancy letter": how it should come across,
            # heard, and never a line of the note.
            heard = [Text(str(said.HOW_IT_SOUNDS_HEARD))]
            if not words(for_matching(typed)):
                return [*heard, *_ask_specific(flow)]
            return [*heard, *_take_specific(turn, flow, Answer(text=typed))]
    if specific == Specific.CHILD and purpose_in(typed) is Purpose.EVENT:
        # "it's not for one kid, it's a FAFSA night for all senior families": every family
        # at once, no child (it had been "One child per note works best").
        flow.data["purpose"] = Purpose.EVENT.value
        flow.data["specifics"] = {}
        label = _content().purposes[Purpose.EVENT].label
        return [Text(said.PURPOSE_HEARD.format(purpose=label)), *_next(turn, flow)]
    if specific == Specific.CHILD:
        typed = _PARENTHESES.sub("", typed).strip() or typed  # "Ava (shes the one who...)"
        typed = _NAME_LEAD.sub("", typed).strip(" .!") or typed  # "his name is tyler"
        whose = _FAMILY_OF.match(typed)
        if whose is not None:  # "jaylen's grandma" (had: "Jaylen'S Grandma" as the child)
            typed = whose.group("child") or whose.group("de")
    if specific == Specific.MY_NAME:
        # "wait, that was a question not my name. my name is Ms. Amira": the name in it.
        named = _OWN_NAME.search(typed)
        typed = named["name"] if named is not None else typed
    if specific == Specific.MY_NAME and len(words(for_matching(typed))) > MY_NAME_WORDS:
        # "one of the moms cant read in any language tho... what do I do for her" is no name
        # (it had opened the note: "Hello, this is one of the moms can't read...").
        told = what_is_told(typed)
        known = told[1].acknowledge if told is not None and told[1].answers else None
        asked = (situation_aside(typed) or known) if is_asked(typed) else None
        return [Text(asked or str(said.NOT_YOUR_NAME)), *_ask_specific(flow)]
    if specific == Specific.INVITATION and _ANY_TIME.match(typed):
        # "idk, whenever she wants": no time of their own, so the note offers hers, in the
        # note's language.
        with speaking(flow.data.get("language") or current_language()):
            typed = str(said.ANY_TIME)
    asked_for = len(words(for_matching(typed))) <= TONE_ASKED_WORDS and (
        _ASKS_FOR_A_TONE.search(typed) is not None or _only_tone_words(typed)
    )
    if specific != Specific.CHILD and asked_for:
        tone = _tone_typed(typed)
        if tone is not None:
            # "make it less formal" typed where a detail was asked: the tone, kept for when
            # the note is written (it had been pasted into the note as the detail).
            flow.data["ahead_tone"] = tone
            return [Text(str(said.TONE_KEPT_FOR_THE_NOTE[tone])), *_ask_specific(flow)]
    # "idk, what do you suggest?", "and if they dont answer?": asked of the coach, and never
    # pasted into the note ("Could we talk soon, maybe and if they dont answer??").
    asks_the_coach = (
        is_asked(typed)
        and (
            _ASKS_THE_COACH.search(typed) is not None
            or (specific != Specific.OBSERVATION and typed.rstrip().endswith("?"))
            or _ASKS_HOW_TO_WORD_IT.match(typed) is not None  # "how do i say this nicely?"
        )
    ) or _DOES_NOT_KNOW_WHAT_TO_SAY.match(typed) is not None  # "idk what to say"
    says_nothing = is_non_answer(typed) or says_skip(typed) or asks_the_coach
    if specific != Specific.CHILD and _only_a_button(typed):
        # "save", "1": meant for a menu, never what the child did (it had been pasted into
        # the note: "here is what I see: save.").
        says_nothing = True
    if says_nothing and specific == Specific.CHILD:  # "no", "none", "skip": no name
        flow.data["specifics"][specific] = ""
        return _next(turn, flow)
    if says_nothing:  # "skip", "idk", "?": the note needs their words here
        return [Text(str(said.NEEDS_WORDS)), *_ask_specific(flow)]
    if len(typed) > MAX_SPECIFIC_CHARS:
        return [Text(said.TOO_LONG.format(length=len(typed))), *_ask_specific(flow)]
    if specific == Specific.CHILD:
        problem = _name_problem(typed)
        if problem is not None:
            return [Text(problem), *_ask_specific(flow)]
    if specific == Specific.OBSERVATION and _is_vague(typed) and not flow.data.get("probed"):
        flow.data["probed"] = True
        who = tidy(flow.data["specifics"].get(Specific.CHILD, "")) or "them"
        return [AskText(said.VAGUE.format(who=who))]
    findings = deficit_findings(typed) if specific != Specific.CHILD else []
    if findings:
        return _offer_reframe(flow, specific, typed, findings)
    if specific == Specific.CHILD and typed.islower():
        typed = typed.title()  # "jayden" typed in a hurry is "Jayden" in a note home
    flow.data["specifics"][specific] = typed
    return _next(turn, flow)


def _without_asides_to_the_coach(typed: str) -> str:
    """A detail without what was said to the coach beside it: a bracketed aside that asks or
    laughs ("(is that too available?? lol)"), and an opening "I already told you:"."""
    kept = _ASIDE_IN_BRACKETS.sub("", typed)
    kept = _TOLD_ALREADY.sub("", kept)
    return re.sub(r"\s{2,}", " ", kept).strip(" ,;")


# A bracketed aside to the coach: it asks, laughs or frets ("(is that too much?? lol)").
_ASIDE_IN_BRACKETS = re.compile(
    r"\s*\((?=[^()]*(?:\?|\blol\b|\blmao\b|\bhaha|\bjaja|\bidk\b|\bugh\b))[^()]*\)"
)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# "I already told you:", "like I said,", "ya le dije:": said to the coach before the detail.
# Also "bruh i just told you.", "i literally told u", and the same said after the detail
# ("Kinsley, i told you that already", "Yadiel, ya te dije jaja"): never words for the note.
_TOLD_ALREADY = re.compile(
    rf"^\W*(?:(?:bruh|bro|ugh|omg|lol|um+)\W+)*(?:{TOLD_YOU}|like i said|as i said)\b[\s:,.!-]*"
    rf"|[\s,;.-]+(?:{TOLD_YOU})\W*(?:(?:lol|jaja+|haha+)\W*)?$",
    re.IGNORECASE,
)


def _typed_ahead(flow: ActiveFlow, typed: str) -> list[Reply]:
    """Words typed where a choice is asked ("his name is jayden", "he's been late a lot, like
    3 times a week"): kept, and said so; when they answer nothing, asked to pick. A few words
    that name a tone ("make it shorter pls") are the tone, kept for when the note is written."""
    tone = _tone_typed(typed) if len(words(for_matching(typed))) <= TONE_AHEAD_WORDS else None
    if tone is not None:
        flow.data["ahead_tone"] = tone
        return [Text(str(said.TONE_KEPT_AHEAD[tone]))]
    aside = pick_step_aside(typed)
    if aside is not None:  # "who can see this": answered, and never put in the note
        return [Text(aside)]
    if _unsure_at_a_choice(typed):
        # "idk what should i put here" at the language question: help with the choice (it had
        # been kept "for the note", and the note would have said it).
        unsure = said.UNSURE_LANGUAGE if flow.step == "language" else said.UNSURE_PURPOSE
        return [Text(str(unsure))]
    if _TELLS_THE_COACH.search(typed):
        _keep_ahead(flow, typed, seen=False)  # a name told is still kept
        return [Text(str(said.TOLD_ABOUT_THE_NOTE))]
    if _asks_the_coach(typed):
        # "Is it okay to use his son to translate?": asked of the coach, never kept for the
        # note (it had been pasted into it); answered when it is an everyday situation.
        answered = situation_aside(typed)
        return [Text(answered or str(said.QUESTION_NOT_FOR_THE_NOTE))]
    kept = _keep_ahead(flow, typed)
    return [Text(str(said.KEPT_AHEAD if kept else core_messages.PICK_AN_OPTION))]


def _asks_the_coach(typed: str) -> bool:
    """A question in any of its sentences: "what about a kid in foster care, who do i even
    contact. jaylen" (kept for the note, it had been pasted into another family's)."""
    return any(
        sentence.rstrip().endswith(("?", "？")) or asks_a_question(sentence)
        for sentence in sentences_of(typed)
    )


def _unsure_at_a_choice(typed: str) -> bool:
    """ "idk", "not sure what to pick", "what should i put here?": unsure, and never words for
    the note ("hmm" or "ok" is only no choice: asked to pick)."""
    return (
        _UNSURE_ALONE.match(typed) is not None
        or _DOES_NOT_KNOW_WHAT_TO_SAY.match(typed) is not None
        or _NOT_SURE_WHICH.search(typed) is not None
    )


def _keep_ahead(flow: ActiveFlow, typed: str, *, seen: bool = True) -> bool:
    """Keep words typed before their question as its answer (the question is then not
    asked, see _next): a child's name told, or (`seen`) what was seen. False when they are
    neither."""
    name = _NAME_SAID.search(typed)
    ahead: dict[str, str] = flow.data.setdefault("ahead", {})
    if name is not None:
        ahead[Specific.CHILD] = name.group("name")
    elif seen and len(words(for_matching(typed))) >= AHEAD_WORDS:
        ahead[Specific.OBSERVATION] = typed
        # "jaylen's mom, ms ortiz. she works nights...": the child named too (the name had been
        # asked again, and "i literally just told u. jaylen" refused).
        child = told_in_request(typed).child
        if child is not None:
            ahead.setdefault(Specific.CHILD, child)
    else:
        return False
    return True


# Words before a name that are not the name: "his name is tyler", "se llama Ana".
_NAME_LEAD = re.compile(
    r"^(?:(?:his|her|their|the kid'?s|the child'?s|my student'?s)\s+name\s+is|(?:it'?s|its)"
    r"|(?:he|she)\s+is|se\s+llama|su\s+nombre\s+es)\s+",
    re.IGNORECASE,
)
# "how do i say this nicely?", "what should i say?", "what do i write here?": asked of the coach
# where the note's facts were wanted (they had been pasted in as the facts).
_ASKS_HOW_TO_WORD_IT = re.compile(
    r"^\W*(?:ok\W+|so\W+|um+\W+)*(?:how|what)\s+(?:do|should|can|would)\s+i\s+(?:say|write|put|word|"
    r"phrase|tell|start)\b|^\W*(?:c[oó]mo|qu[eé])\s+(?:le\s+|lo\s+)?(?:digo|escribo|pongo)\b",
    re.IGNORECASE,
)
_UNSURE_ALONE = re.compile(
    r"^\W*(?:idk|i don'?t know|dunno|not sure|unsure|no idea|no s[eé]|ni idea)\W*$", re.IGNORECASE
)
# "idk what should i put here", "not sure which one", "no sé cuál": unsure at a choice.
_NOT_SURE_WHICH = re.compile(
    r"^\W*(?:idk|i don'?t know|dunno|not sure|no s[eé]|no estoy segur[oa])\b.{0,30}"
    r"(?:which|what|cu[aá]l|qu[eé])\b"
    r"|\bwhat (?:should|do) i (?:put|pick|choose|say) (?:here|for this)\b"
    r"|\bqu[eé] (?:pongo|elijo|escojo) aqu[ií]\b",
    re.IGNORECASE,
)
_DOES_NOT_KNOW_WHAT_TO_SAY = re.compile(
    r"^\W*(?:idk|i don'?t know|dunno|not sure|no s[eé])\W+(?:what|how|qu[eé]|c[oó]mo)\s+to\s+"
    r"(?:say|write|put)|^\W*no s[eé] (?:qu[eé]|c[oó]mo) (?:decir|escribir|poner)",
    re.IGNORECASE,
)
# "idk, whenever she wants", "anytime", "cuando ella pueda": no time proposed.
_ANY_TIME = re.compile(
    r"^\W*(?:(?:idk|i don'?t know|dunno|not sure|no s[eé]|whatever|um+|i guess)\W+)*"
    r"(?:whenever|any ?time|any day|cuando (?:sea|pueda|quiera)|a cualquier hora)\b",
    re.IGNORECASE,
)
_ASKS_THE_COACH = re.compile(
    r"(?<![\w'])(?:you|u|ya|suggest|ideas?|recommend|sugieres|sugiere|recomiendas|recomienda"
    r"|usted|tú|tu)(?![\w'])",
    re.IGNORECASE,
)


def _languages_named(typed: str) -> list[tuple[str, str | None]]:
    """Each language a text names, by the names intents.yaml `coach-languages` knows, in
    order, with the code of the ones notes are written in (None for the others)."""
    names = default_understanding().intents.sets["coach-languages"]
    said = for_matching(typed)
    found = phrases_pattern(tuple(names)).finditer(said)
    return [
        (match.group(0), language_named(match.group(0)))
        for match in found
        if not _a_person_so_named(said, match)
    ]


# "a reply email to Karen", "tell Karen": a person by a language's name (Karen is both).
_TO_A_PERSON = frozenset(["to", "for", "from", "with", "dear", "tell", "ask", "email", "emailing"])
_OF_A_LANGUAGE = frozenset(["families", "family", "speakers", "speaking", "parents", "language"])


def _a_person_so_named(said: str, match: re.Match[str]) -> bool:
    before = said[: match.start()].split()[-1:]
    after = said[match.end() :].split()[:1]
    return (
        bool(before)
        and before[0] in _TO_A_PERSON
        and not (after and after[0].strip(".,!?") in _OF_A_LANGUAGE)
    )


def _offered_language_in(typed: str) -> str | None:
    """English or Spanish, when a sentence at the language question names just one of them
    ("can you put it in spanish? mom speaks spanish"; it had been kept as what the child did,
    and the question asked again and again)."""
    codes = {code for _, code in _languages_named(typed)}
    return codes.pop() if len(codes) == 1 and None not in codes else None


def _other_language(typed: str) -> str | None:
    """A language other than English or Spanish that a text asks the note to be in
    ("vietnamese please")."""
    return next((name.title() for name, code in _languages_named(typed) if code is None), None)


# What the draft's own buttons say, typed where its details are asked.
_BUTTON_WORDS = frozenset(
    {"save", "save it", "done", "shorter", "another", "another version", "guardar", "listo",
     "más corto", "mas corto", "otra versión", "otra version"}
)  # fmt: skip


def _only_a_button(typed: str) -> bool:
    """A number alone, or a word that names one of the draft's buttons."""
    bare = " ".join(words(for_matching(typed)))
    return typed.strip(" .!#").isdigit() or bare in _BUTTON_WORDS


# Who the note goes to, named by the child: "jaylen's grandma", "la mamá de Brayan".
_FAMILY = (
    r"(?:mom|mommy|mother|mum|dad|daddy|father|grandma|grandmother|granny|grandpa|grandfather"
    r"|aunt|auntie|tia|tía|uncle|tio|tío|stepmom|stepdad|parents?|family|folks|guardian"
    r"|mamá|mama|papá|papa|abuela|abuelo|familia|padres)"
)
_FAMILY_OF = re.compile(
    rf"^(?:(?P<child>[^\W\d_][\w-]*)['’]s\s+{_FAMILY}"
    rf"|(?:la\s+|el\s+|los\s+)?{_FAMILY}\s+de\s+(?P<de>[^\W\d_][\w-]*))\s*$",
    re.IGNORECASE,
)


def _name_problem(typed: str) -> str | None:
    if _SEVERAL.search(typed):
        return str(said.ONE_CHILD)
    if len(typed.split()) > MAX_NAME_WORDS or not _NAME.match(typed) or _not_a_name(typed):
        return str(said.NOT_A_NAME)
    return None


# Said at the name question besides the coach's own button and yes/no words.
_NOT_NAME_WORDS = ("name", "pls", "please", "thanks", "thank you", "thx", "nombre", "gracias")


def _not_a_name(typed: str) -> bool:
    """ "perfect", "ok", "save": a word for the coach, never the child's name (it had made
    "Hoy quiero contarle algo que hizo Perfect")."""
    button_words = [w for typed_words in _content().review_words.values() for w in typed_words]
    answers = replies_in(current_language()).offer_answers
    coach_words = {
        word
        for phrase in (*button_words, *answers.yes_words, *answers.no_words, *_NOT_NAME_WORDS)
        for word in words(for_matching(phrase))
    }
    # "ok sure", "no name pls": every word is one said to the coach.
    return set(words(for_matching(typed))) <= coach_words


def _is_vague(typed: str) -> bool:
    said_words = words(for_matching(typed))
    return 0 < len(said_words) <= VAGUE_OBSERVATION_WORDS and all(w in _VAGUE for w in said_words)


def _offer_reframe(
    flow: ActiveFlow, specific: str, typed: str, findings: list[Finding]
) -> list[Reply]:
    """A deficit phrase is named before it goes into a family-facing message, with an
    asset-based wording to use instead when the lexicon has one."""
    flow.step = "reframe"
    flow.data["_accepts_text"] = False
    rewritten = rewrite_all(typed, findings)
    first = findings[0]
    flow.data["pending"] = {"specific": specific, "typed": typed, "rewrite": rewritten}
    if rewritten != typed:
        text = said.DEFICIT.format(why=first.why, rewrite=rewritten)
        pairs = [(said.USE_REWRITE, "use"), (said.KEEP_MINE, "keep"), (said.WRITE_AGAIN, "again")]
    else:
        text = said.DEFICIT_NO_REWRITE.format(why=first.why, question=first.question)
        pairs = [(said.WRITE_AGAIN, "again"), (said.KEEP_MINE, "keep")]
    return [Choices(text, flow.options(pairs))]


def _take_reframe(turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
    pending = flow.data.get("pending") or {}
    if answer.key not in ("use", "keep", "again") or not pending:
        return reprompt(flow)
    flow.data.pop("pending", None)
    if answer.key == "again":
        question = _question(flow, pending["specific"])
        flow.data["asking"] = pending["specific"]
        flow.step = "ask"
        flow.data["_accepts_text"] = True
        flow.data["_options"] = []
        return [AskText(said.WRITE_AGAIN_ASK.format(question=question[:1].lower() + question[1:]))]
    chosen = pending["rewrite"] if answer.key == "use" else pending["typed"]
    flow.data["specifics"][pending["specific"]] = chosen
    return _next(turn, flow)


def _draft_text(flow: ActiveFlow) -> str:
    composed = compose(
        _content(),
        Language(flow.data["language"]),
        Purpose(flow.data["purpose"]),
        Tone(flow.data["tone"]),
        int(flow.data["version"]),
        flow.data["specifics"],
    )
    return with_edits(composed, flow.data.get(EDITS, []))


def _show_draft(flow: ActiveFlow, note: str | None = None) -> list[Reply]:
    flow.step = "draft"
    flow.data["_accepts_text"] = True  # "make it shorter pls", "save it"
    flow.data[STEPS_ASIDE] = True  # the note is written: "assess" typed now runs
    other = said.IN_SPANISH if flow.data["language"] == Language.ENGLISH else said.IN_ENGLISH
    pairs = [
        (said.ANOTHER, "another"),
        (said.SHORTER, "shorter"),
        (other, "language"),
        (said.SAVE, "save"),
        (said.DONE, "done"),
    ]
    checks = "\n".join([*([note] if note is not None else []), *_before_it_goes(flow)])
    body = f"{said.DRAFT_NOTE}\n{checks}" if checks else str(said.DRAFT_NOTE)
    return [Card(str(said.DRAFT_TITLE), body, flow.options(pairs), copy=_draft_text(flow))]


def _before_it_goes(flow: ActiveFlow) -> list[str]:
    """What to look at before the note is sent: English words in a note in Spanish (they stay
    as typed), and someone other than the family named as the one who told."""
    details = [
        typed for specific, typed in flow.data["specifics"].items() if specific != Specific.CHILD
    ]
    checks = []
    if flow.data["language"] == Language.SPANISH and any(map(reads_as_english, details)):
        checks.append(str(said.ENGLISH_IN_A_SPANISH_NOTE))
    told_by = next(filter(None, map(told_by_another, details)), None)
    if told_by is not None:
        checks.append(said.WHO_TOLD_YOU.format(words=told_by))
    about = next(filter(None, map(speaks_of_the_reader, details)), None)
    if about is not None:
        checks.append(said.ABOUT_THE_READER.format(words=about))
    return checks


def _review_typed(text: str) -> str | None:
    """ "make it shorter pls" -> shorter, "guárdalo" -> save; None when the words name no
    button."""
    said = for_matching(text)
    for key, typed in _content().review_words.items():
        if phrases_pattern(tuple(typed)).search(said) is None:
            continue
        if key == "done" and len(words(said)) > DONE_WORDS:
            # "no this says her CHILD did it... can it just say thank you to her": a change
            # asked, "thank you" inside it (it had closed the draft).
            continue
        return key
    return None


# "perfect, thank you so much!": up to this many words, thanks under the note closes it.
DONE_WORDS = 6


def _take_draft_choice(turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
    content = _content()
    language, purpose = Language(flow.data["language"]), Purpose(flow.data["purpose"])
    if answer.key is None and _name_or_question_changed(flow, answer.text):
        return _show_draft(flow)  # "her name is pa nhia not just nhia... no question at the end?"
    edit = edit_asked(answer.text) if answer.key is None else None
    if edit is not None:
        # "can you add a line that families with mixed status can still file?", "take out
        # “I already told you”": made, in every version (it had been "Please pick one").
        if edit.kind == REMOVE and not found_in(_draft_text(flow), edit.words):
            missing = said.EDIT_NOT_FOUND.format(words=edit.words[:80])
            return [Text(missing), *reprompt(flow)]
        words = edit.words if edit.kind == REMOVE else for_the_family(content, language, edit.words)
        flow.data.setdefault(EDITS, []).append([edit.kind, words])
        return _show_draft(flow)
    key = answer.key or _review_typed(answer.text)
    other = _other_language(answer.text) if answer.key is None else None
    if other is not None:  # "can you do it in Somali?" under the note
        return [Text(said.LANGUAGE_NOT_OFFERED.format(language=other)), *reprompt(flow)]
    named = language_named(answer.text) if key == "language" else None
    if named == language.value:  # "en español" under a draft already in Spanish
        return _show_draft(flow)
    match key:
        case "another":
            flow.data["version"] = int(flow.data["version"]) + 1
            return _show_draft(flow)
        case "warmer":
            if flow.data["tone"] == Tone.WARM:
                flow.data["version"] = int(flow.data["version"]) + 1
            flow.data["tone"] = Tone.WARM.value
            return _show_draft(flow)
        case "shorter":
            if flow.data["tone"] == Tone.BRIEF:
                flow.data["version"] = shortest_version(content, language, purpose)
            flow.data["tone"] = Tone.BRIEF.value
            return _show_draft(flow)
        case "language":
            other = Language.SPANISH if language is Language.ENGLISH else Language.ENGLISH
            flow.data["language"] = other.value
            note = str(OTHER_LANGUAGE_NOTES[other])
            return _show_draft(flow, note)
        case "save":
            saved = _save(turn, flow)
            flow.finished = True
            return [Text(saved)]
        case "done":
            flow.finished = True
            return [Text(str(said.FINISHED))]
    return [Text(str(core_messages.PICK_AN_OPTION)), *reprompt(flow)]


def _name_or_question_changed(flow: ActiveFlow, typed: str) -> bool:
    """The child's name put right, or the closing question asked away (a relative reads the
    note aloud to a grandmother who cannot write back): both kept for every version."""
    name = name_told(typed, flow.data["specifics"].get(Specific.CHILD) or "")
    if name is not None:
        flow.data["specifics"][Specific.CHILD] = name
    no_question = asks_no_question(typed)
    edits = flow.data.setdefault(EDITS, [])
    if no_question and [NO_QUESTION, ""] not in edits:
        edits.append([NO_QUESTION, ""])
    return name is not None or no_question


def _save(turn: Turn, flow: ActiveFlow) -> str:
    """The draft, sealed, and a planned action to send it, whose check-in next week asks
    whether it went out and whether the family wrote back; or, while this week's action
    chosen in a reflection still waits, the draft kept beside it (one action a week: a
    draft's "send it" had taken its place, and the chosen action was never asked about).
    What to say back."""
    sealer = turn.sealer
    this_week = _action_this_week(turn)
    plan_id: int | None = None  # beside this week's action: kept in the journal, unplanned
    if this_week is not None:
        action = sealer.unseal(this_week.action).rstrip(".")
        saved = said.SAVED_BESIDE_ACTION.format(action=action)
    else:
        purpose = _content().purposes[Purpose(flow.data["purpose"])].label.casefold()
        child = tidy(flow.data["specifics"].get(Specific.CHILD, ""))
        action = (
            said.SEND_ACTION_FOR.format(child=child, purpose=purpose)
            if child
            else said.SEND_ACTION.format(purpose=purpose)
        )
        plan = Reflection(
            educator_id=turn.educator.id,
            topic=SEND_TOPIC,
            created_at=turn.now,
            answers=sealer.seal(json.dumps([])),
            action=sealer.seal(action),
            action_status="planned",
        )
        turn.session.add(plan)
        turn.session.flush()
        plan_id = plan.id
        saved = str(said.SAVED)
    turn.session.add(
        SavedDraft(
            educator_id=turn.educator.id,
            created_at=turn.now,
            purpose=flow.data["purpose"],
            language=flow.data["language"],
            text=sealer.seal(_draft_text(flow)),
            reflection_id=plan_id,
        )
    )
    return saved


def _action_this_week(turn: Turn) -> Reflection | None:
    """The action chosen in a reflection within the last week that still waits for its
    check-in (not a draft's own "send it")."""
    pending = awaiting_check_in(turn.session, turn.educator.id)
    if pending is None or turn.now - pending.created_at >= ONE_WEEK:
        return None
    return None if is_a_drafted_message(turn, pending.id) else pending


def reprompt(flow: ActiveFlow) -> list[Reply]:
    match flow.step:
        case "purpose":
            return _ask_purpose(flow)
        case "language":
            return _ask_language(flow)
        case "ask":
            return _ask_specific(flow)
        case "tone":
            return _ask_tone(flow)
        case "reframe":
            pending = flow.data.get("pending") or {}
            flow.data["asking"] = pending.get("specific", flow.data.get("asking"))
            return _ask_specific(flow)
    return _show_draft(flow)


class DraftFlow:
    optional = False

    def say_in(self, turn: Turn, flow: ActiveFlow, was: Library) -> None:
        """Its questions are read from the library each time they are asked."""

    def untouched(self, flow: ActiveFlow) -> bool:
        return flow.step == "purpose"  # nothing chosen yet

    def title(self, turn: Turn, flow: ActiveFlow) -> str:
        return str(said.TITLE)

    def reprompt(self, turn: Turn, flow: ActiveFlow) -> list[Reply]:
        return reprompt(flow)

    def advance(self, turn: Turn, flow: ActiveFlow, answer: Answer) -> list[Reply]:
        match flow.step:
            case "purpose":
                named = purpose_in(answer.text) if answer.key is None else None
                if named is not None:  # "it's about him being late a lot": a concern
                    flow.data["purpose"] = named.value
                    # Its words are a request ("i want to tell his mom he did great on his
                    # spelling test"), not a line for the note: only a name told is kept.
                    _keep_ahead(flow, answer.text, seen=False)
                    heard = said.PURPOSE_HEARD.format(purpose=_content().purposes[named].label)
                    return [Text(heard), *_ask_language(flow)]
                if answer.key not in {p.value for p in Purpose}:
                    return [*_typed_ahead(flow, answer.text), *_ask_purpose(flow)]
                flow.data["purpose"] = answer.key
                return _ask_language(flow)
            case "language":
                if answer.key is None and _BOTH_LANGUAGES.search(answer.text):
                    # "both?", "can it be both": one language a note, the other a tap away
                    # (it had been Spanish only, and the details asked for in Spanish).
                    spanish_first = current_language() == Language.SPANISH.value
                    first = Language.SPANISH if spanish_first else Language.ENGLISH
                    flow.data["language"] = first.value
                    # Language names are lower case inside a Spanish sentence ("en español").
                    spanish, english = (
                        (_("Spanish").lower(), _("English").lower())
                        if spanish_first
                        else (_("Spanish"), _("English"))
                    )
                    both = said.BOTH_LANGUAGES.format(
                        first=spanish if spanish_first else english,
                        other=english if spanish_first else spanish,
                        button=said.IN_ENGLISH if spanish_first else said.IN_SPANISH,
                    )
                    return _next(turn, flow, [Text(both)])
                key = answer.key or language_named(answer.text)
                key = key or _offered_language_in(answer.text)
                other = _other_language(answer.text) if key is None else None
                if other is not None:  # "vietnamese please": said so, and never kept as a detail
                    not_offered = said.LANGUAGE_NOT_OFFERED.format(language=other)
                    return [Text(not_offered), *_ask_language(flow)]
                if key not in {lang.value for lang in Language}:
                    return [*_typed_ahead(flow, answer.text), *_ask_language(flow)]
                answer = Answer(key=key)
                flow.data["language"] = answer.key
                hint = [Text(str(said.IN_SPANISH_HINT))] if answer.key == Language.SPANISH else []
                return _next(turn, flow, hint)
            case "ask":
                return _take_specific(turn, flow, answer)
            case "reframe":
                return _take_reframe(turn, flow, answer)
            case "tone":
                tone = answer.key or _tone_typed(answer.text)
                if tone not in {t.value for t in Tone}:
                    return [Text(str(core_messages.PICK_AN_OPTION)), *_ask_tone(flow)]
                if answer.key is None:  # "warm, and mention he also aced his quiz friday"
                    _add_told_beside_tone(flow, answer.text)
                return _take_tone(turn, flow, tone)
        return _take_draft_choice(turn, flow, answer)
