"""Messages that are not a command word: read what the educator asked for and answer it.

"help me write a note to a parent", "I'm a principal", "how do I run a home visit?", "hi",
"thanks", "this is pointless": each gets an answer that fits, never "I don't know".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from bot import messages
from bot import profile_messages as profile_said
from bot.asked_again import (
    restated_question,
    said_it_missed,
    said_the_same_again,
    was_only_telling,
)
from bot.closest_lines import closest_indices, closest_lines
from bot.commands.base import CommandHandler
from bot.commands.language import language_choices
from bot.commands.learn import overview_in_brief, overview_part_asked
from bot.commands.nudge_settings import nudges_as_asked
from bot.commands.nudges_in_words import (
    TASK_REMINDER,
    nudge_words_in,
    nudges_asked_in_words,
    of_the_coach_s_nudges,
)
from bot.commands.profile import first_hello, offer_role
from bot.commands.reframe import reframe_offer
from bot.commands.table import TYPO_BEFORE_WORDS
from bot.drafts import messages as drafts_said
from bot.drafts.suggest import purpose_in
from bot.flows.action_change import change_action
from bot.flows.action_day import moved_to_another_day
from bot.flows.checkin import (
    family_upset,
    outcome_first,
    partly_only_by_a_hedge,
    puzzled,
    start_checkin,
    start_checkin_told,
    tells_how_it_went,
    typed_outcome,
)
from bot.flows.draft import (
    for_a_colleague,
    language_not_offered,
    start_draft,
    writes_it_themselves,
)
from bot.flows.listening import (
    ACK_ORDER,
    GENERAL,
    acknowledgement,
    asks_for_a_draft,
    asks_to_change_action,
    asks_what_it_means,
    good_news_leads,
    hardest_theme,
    heard,
    opens_with_good_news,
    what_is_told,
)
from bot.followthrough import CHECK_IN_AFTER, action_awaiting_check_in, ask_how_it_went
from bot.heard_follow_up import advice_on, asks_which_one, says_tried_them_all
from bot.i18n import current_language
from bot.language import (
    SPANISH_COMMANDS,
    accepts_offered_spanish,
    language_named,
    spanish_words_for,
)
from bot.localtime import educator_zone
from bot.nearest_answer import nearest_answer
from bot.nudge_marked import marked_done
from bot.nudges.tip_now import tip_now
from bot.numbers import parse_small_int
from bot.offers import (
    ADVISED,
    COACH_ADVICE,
    KEEP_GOING,
    LISTENING,
    NO_ADVICE,
    NUDGE_CARD,
    PROFILE_QUESTION,
    THEME_ADVICE,
    TOPIC_ADVICE,
    advised,
    heard_asked,
    heard_kept,
    how_it_went_asked,
    make_offer,
    says_no,
    says_yes,
    turns_down,
)
from bot.planned_day import day_still_ahead
from bot.profiles import profile_of
from bot.replies import Choices, Reply, Text
from bot.said_to_the_coach import said_to_the_coach
from bot.situation_answers import (
    asks_at_the_end,
    asks_for_advice,
    situation_answer,
    situation_aside,
)
from bot.storage.models import Reflection
from bot.text import split_command
from bot.turn import Turn
from bot.understanding import Understanding, understand
from bot.understanding.action_questions import NOT_MY_ROLE, WHAT_COUNTS, action_question
from bot.understanding.family_told import family_told_something
from bot.understanding.normalise import alternation, for_matching, phrases_pattern, words
from bot.understanding.reader import (
    GREETING_MOST_WORDS,
    SITUATION_CONFIDENCE,
    SITUATION_OVER_TOLD,
    SITUATION_SENTENCE_WORDS,
    SITUATION_STORY_WORDS,
    UNKNOWN,
    asks_a_question,
    clauses_of,
    default_reader,
    in_phrase_set,
    is_asked,
    is_non_answer,
    sentences_of,
)
from bot.understanding.variants import pick
from bot.weekly.models import NudgeLedger
from bot.weekly.pause_words import SENDS_NOTHING, asks_for_a_pause
from bot.weekly.schedule_words import (
    NamedSchedule,
    focus_named,
    schedule_named,
    turns_down_a_time,
)
from bot.weekly.subscriptions import subscription_of
from bot.why_it_worked import why_it_worked
from content.drafts_schema import Purpose
from content.profile_schema import ProfileWords
from content.schema import GradeBand, NudgeTopic, Role
from content.situations_schema import situations_in
from content.understanding_schema import ToTheCoach, default_understanding, replies_in

# How a request opens with no question mark: "can the weekly tips be about families who speak
# spanish".
ASKING_FIRST_WORDS = frozenset(["can", "could", "would", "please", "pls", "puedes", "pueden"])
# A note to oneself of one task ("reminder to self: call jayden's mom thursday"): read as
# `nudges` it had switched the weekly nudges on. A task's verb comes right after the note.
_SELF_TASK = re.compile(
    r"\W*(?:to\s+)?(?:call|email|text|send|write|ask|check|follow|talk|meet|reach|contact|print|"
    r"sign|get|look|book|schedule|llamar|escribir|mandar|enviar|hablar|preguntar|revisar)\b"
)
# Longer than this, "this" and "you" in a frustrated message point at what it tells, not at
# the coach.
POINTING_MOST_WORDS = 12
# What a reminder is of or for, right after the word ("recordatorio de...", "reminder for").
OF_OR_FOR = frozenset({"de", "del", "para", "for", "of"})
# ...and the word itself: "mom of one of my 2nd graders...", read as `nudges` ("stop sending"),
# had been taken for a reminder to write.
REMINDER_WORDS = frozenset({"reminder", "reminders", "recordatorio", "recordatorios"})
# A request this short is the command's own ("how do i say this nicer to a parent" asks to
# reword a sentence still to come; "can i take the quiz"); a longer question tells its
# situation ("parent asked why we don't do homework. how do I explain play-based learning
# without sounding preachy", "a dad emailed at 10:30pm about a quiz grade, should i reply").
COMMAND_REQUEST_WORDS = 12
# Commands the words of an everyday situation can sound like ("explain", "survey").
READ_AS_COMMANDS = frozenset({"learn", "assess", "nudges"})
# Told (not asked), these are heard for what they are before any everyday situation the
# model is not quite sure of (SITUATION_OVER_HEARD).
HEARD_BEFORE_SITUATIONS = frozenset({"positive", "time"})
SITUATION_OVER_HEARD = 0.7
# Named in a question's own words, this is what is asked about before a situation the model
# is not quite sure of.
CUED_BEFORE_SITUATIONS = frozenset({"no-response"})
RUNS_COMMAND = ("help", "learn", "reflect", "journal", "nudges", "assess", "export", "forget")
# Intents a request for a tip is read as by the models ("give me a quick tip" reads like
# `assess`, "got a tip for me today?" like `cancel`): its words say what it is.
# ...and "need an idea for this week. something small. im exhausted": weary, and asking.
MAY_ASK_FOR_A_TIP = frozenset(["unknown", "help", "question", "assess", "cancel", "frustration"])
# Openings that ask the coach for something (bot/understanding's asking openers leave out "do
# you": "do a home visit" is a plan).
ASKING_THE_COACH = ("do you ", "can you ", "could you ", "got anything", "have you got", "any info")
# Requests that start a guided conversation: not started when the words turn it down.
STARTS_A_CONVERSATION = frozenset(["learn", "reflect", "assess", "draft"])
# Intents a long message's told answer is kept over (see `loose` in `_answer`).
TOLD_OVER = frozenset(["assess", "frustration", "learn"])
# Themes of frustration vented about families rather than about one's own load: heard as the
# theme, with a way to think it through, not as overload.
VENTED_ABOUT = frozenset(["conflict", "no-response", "language"])
# How many "in practice" lines answer a how-to question: enough to act on, not a lecture.
QUESTION_PRACTICE_LINES = 2
# A question inside a weary message has at least this many words ("how do i reach them").
QUESTION_WORDS = 4
# A message's sentences, each with the mark that ends it.
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")
# The sentence to look at: in double quotes ("how can i say \"low income families\" better"),
# in single quotes after a space ('the parents are the problem': not the one in "don't"), or
# after "reframe this:".
_QUOTED = (
    re.compile(r"[\"“”](.+?)[\"“”]", re.DOTALL),
    re.compile(r"(?:^|(?<=\s))['‘](.+?)['’](?=[\s.,;:!?]|$)", re.DOTALL),
    re.compile(r":(.+)$", re.DOTALL),
)
# The intents.yaml sets that turn a `reframe` request with no sentence into `reframe off` / `on`.
REFRAME_SWITCHES = (("reframe-stop", "off"), ("reframe-start", "on"))
REFRAME_FEATURE_SET = "reframe-feature"
# A day and a time typed alone, this soon after the nudge settings changed, are for them.
SCHEDULE_ALONE_WORDS = 5
# ...and a day with its hour, said with a few words around them ("sunday evening works i
# guess, like 7pm": it had been "That sounds like a lot").
SCHEDULE_SAID_WORDS = 12
SETTINGS_JUST_SET = timedelta(minutes=30)
FAMILY_SET, ENGAGEMENT_SET = "family", "engagement"
# A message this short that thanks, greets, names a role or asks about the framework speaks to
# the coach, not to the question asked: answered, and the question kept ("thx", "im a
# counselor", "what is the dual capacity framework"). Longer texts are answers.
ASIDE_WORDS = 8
# An aside is said to open one within a message's first this many words ("wait, random q:").
ASIDE_OPENING_WORDS = 5
# A short "what is ..." is about the framework when it names it or one of its parts; "qué es
# esto" at a step is about the step (the step helps with that).
# "what's the 4 Cs?" asks about the framework too (it had been heard as a family named Cs).
FRAMEWORK_WORDS = frozenset(
    ["framework", "dual", "capacity", "capacity-building", "marco", "cs", "4cs", "c's"]
)
# Themes whose replies and tries fit something told, never a question asked.
ASKED_NOT_TOLD = frozenset(["positive"])
# Every word of a bare thanks or hello ("thx", "thank you so much", "hi again").
SMALL_TALK_WORDS = frozenset([
    "thanks", "thank", "thx", "ty", "tysm", "you", "u", "so", "much", "very", "a", "lot",
    "again", "coach", "hi", "hello", "hey", "hiya", "there", "gracias", "muchas", "hola",
    # signing off: "thanks, night" at the action step had been saved as the week's action
    "ok", "okay", "night", "goodnight", "nite", "bye", "later", "ttyl", "buenas", "noches",
    "adios", "adiós", "hasta", "luego",
    # thanks for the coach itself: "thank u this was nice" had been saved as the week's action
    "this", "that", "it", "was", "is", "really", "super", "nice", "helpful", "great", "awesome",
    "cool", "useful", "appreciate", "esto", "fue", "muy", "útil", "util", "lindo",
])  # fmt: skip
# Thanks as typed, not as the typo fixer reads it ("garcias").
THANKS_WORDS = frozenset(["thanks", "thank", "thx", "ty", "tysm", "gracias", "appreciate"])
# "ok", "nope", "idk", "later" typed with nothing to answer: a short reply that is not a
# command, answered kindly rather than as a mistyped word.
SHORT_REPLY_WORDS = 3
# Told about a family in at least this many words ("i have a mom who cries every time we
# talk"), the coach hears it; fewer ("my mom", "dad") say too little to answer as a story.
FAMILY_STORY_WORDS = 5
# What a typed check-in may read as besides itself ("done" sounds like `cancel`, "did it!" like
# `journal`, "nope didn't get to it" like `frustration`); a request or a question is not one.
CHECKIN_READINGS = frozenset(["unknown", "cancel", "journal", "frustration"])
# A button's answer typed in words is short ("not this week, too much going on"); a longer
# message that happens to hold "stop" or "pass" tells something else.
BUTTON_IN_WORDS = 16
# The keep-going question's answers are shorter still: its "stop" ends the weekly nudges.
KEEP_GOING_WORDS = 8
# A question typed under the weekly nudge with no topic of its own is about the nudge's.
# ("which one should i start with?" had started the self-check).
ASKED_OF_A_NUDGE = frozenset(["question", "unknown", "help", "learn", "assess"])
# Outcome words that answer any yes-or-no question, so say nothing about the action alone.
AMBIGUOUS_OUTCOMES = frozenset([
    "yes", "yep", "yup", "yeah", "si", "sí", "no", "nope", "nah", "nel", "of course", "absolutely",
])  # fmt: skip
# Grade words that alone may mean something else ("high", "all", "6th" of what?).
AMBIGUOUS_BAND_WORDS = frozenset([
    "all", "high", "middle", "ms", "hs", "everything", "todos", "todas", "6th", "7th", "8th",
    "9th", "10th", "11th", "12th", "freshman", "freshmen", "primary",
])  # fmt: skip
# A no inside what the model read as praise ("this is not what i need", "no help at all").
_NOT_PRAISE = re.compile(r"\b(?:not|no|never|nothing|n't|nunca|nada)\b|n't\b")
# While only listening, a message this short is not said back, only heard.
LISTENED_ALONE_WORDS = 2
# Words that make a message the model alone read as `forget` about the educator's data.
_DATA_WORDS = re.compile(
    r"\b(?:delete|deleting|erase|erasing|wipe|wiping|remove|removing|data|account|history|"
    r"stored|saved|borrar|borra|borre|eliminar|elimina|datos|cuenta|historial)\b",
    re.IGNORECASE,
)
# A how-to about families this long is a question about them, not about the coach.
HOW_TO_WORDS = 5
THE_COACH = frozenset(["you", "this", "coach", "bot", "app", "command", "commands", "reflect"])
# Words that make a language asked for someone else's ("can the coach run in spanish for them").
OTHERS = frozenset([
    "they", "them", "their", "staff", "colleagues", "teachers", "coworkers", "ellos", "ellas",
    "maestros", "colegas",
])  # fmt: skip
# How an educator names their own role: "im a counselor", "I'm the AP", "soy maestra".
SELF_WORDS = frozenset(["im", "i'm", "i’m", "soy"])


def answer_plain_request(
    turn: Turn, text: str, commands: dict[str, CommandHandler]
) -> list[Reply] | None:
    """The answer to a plain request, or None when the coach cannot tell what was asked."""
    if accepts_offered_spanish(turn.educator, text):  # "sí" to the offer below, typed
        return commands["language"](turn, "es")
    reason = why_it_worked(turn, text)  # "porque fue en español", just after "done"
    if reason:
        return reason
    reading = understand(text, deficit=False)  # a plain request is answered, not reframed
    replies = _how_it_went(turn, text, reading) or _answer(turn, text, reading, commands)
    if (
        replies is not None
        and reading.intent != "language"
        and offers_spanish(turn, reading, text, commands)
    ):
        return with_spanish_offer(turn, replies)
    return replies


def with_spanish_offer(turn: Turn, replies: list[Reply]) -> list[Reply]:
    """The replies with the offer of Spanish (made once), asked before any question they end
    with (the first hello's, a draft's, a reflection's): one tap, and every answer after it
    is in Spanish."""
    turn.educator.language_offered_at = turn.now
    replies = without_first_hello(turn, replies)
    first_question = next(
        (i for i, reply in enumerate(replies) if not isinstance(reply, Text)), len(replies)
    )
    replies.insert(first_question, language_choices(str(messages.LANGUAGE_OFFER)))
    return replies


def may_offer_spanish(turn: Turn) -> bool:
    """Never offered, nothing chosen, not spoken to in Spanish already."""
    educator = turn.educator
    return (
        turn.language != "es" and educator.language is None and educator.language_offered_at is None
    )


def without_first_hello(turn: Turn, replies: list[Reply]) -> list[Reply]:
    """The replies without the first hello's role question asked in them, which waits for
    another choice made first: the language, so it is asked (once) in the language they will
    read it in (`language` asks it then), or a conversation left days ago, picked up or let
    go (two numbered lists at once had read "2" as neither)."""
    asked = str(profile_said.FIRST_HELLO)
    if turn.educator.profile_asked_at != turn.now:
        return replies
    turn.educator.profile_asked_at = None
    if (turn.educator.offer or "").startswith(PROFILE_QUESTION):
        # Not asked after all: a number typed next picks a language, not a role ("2" under
        # the offer of Spanish had set "school leader").
        turn.educator.offer = None
    return [r for r in replies if not (isinstance(r, Choices) and r.prompt == asked)]


def offers_spanish(
    turn: Turn, reading: Understanding, text: str, commands: dict[str, CommandHandler]
) -> bool:
    """Written in Spanish ("reflexionar" too: a command's Spanish word) by someone who has
    never chosen a language and is not spoken to in Spanish already: offer it, once
    (`language` shows the choice any time after)."""
    first = split_command(text)[0].casefold()
    spanish = reading.language == "es" or SPANISH_COMMANDS.get(first) in commands
    return spanish and may_offer_spanish(turn)


def _answer(
    turn: Turn, text: str, reading: Understanding, commands: dict[str, CommandHandler]
) -> list[Reply] | None:
    said = replies_in(current_language()).intents
    intent = reading.intent
    if intent == "greeting" and opens_with_good_news(text):
        intent = UNKNOWN  # "buenas noticias!! Jesús regresó hoy": news, not a "buenas"
    if intent == "language" and in_phrase_set("not-about-language", for_matching(text)):
        # "no, no es del idioma. el niño tiene retraso en el habla": what it is not about, told
        # (it had opened the coach's language menu).
        themes = tuple(theme for theme in reading.themes if theme != "language")
        intent, reading = UNKNOWN, replace(reading, intent=UNKNOWN, themes=themes)
    if (
        _NOT_MINE_SAID.search(text)
        and not asks_a_question(text)
        and action_question(text) == NOT_MY_ROLE
    ):
        # "i dont have conferences. im the nurse": what the coach assumed does not fit their
        # role (it had been "Heard: time is stretched thin").
        return [Text(said.role_assumed), *offer_role(turn, text)]
    paused = _pause_beside_a_miss(turn, text)
    if paused:
        return paused
    to_coach = said_to_the_coach(text)  # "is this thing private? can my principal see this"
    if to_coach is not None:
        name, about = to_coach
        if about.listens_after:
            make_offer(turn.educator, LISTENING, turn.now)
        elif about.any_length or not about.asks_again:
            # A safety answer ("she's NOT allowed to pick up Zoe... mom is in the lobby"):
            # "what do i do RIGHT NOW" next is answered by it again, and no yes starts anything.
            make_offer(turn.educator, heard_asked(f"{COACH_ADVICE}:{name}", NO_ADVICE), turn.now)
        return [Text(about.answer)]
    if was_only_telling(text):
        # "No, I wasn't asking about IEP meetings. I was telling you how the Theo thing went":
        # the miss owned, and how it went asked (it had been "That sounds like a lot").
        pending = action_awaiting_check_in(turn)
        if pending is not None:
            return [Text(said.only_telling), ask_how_it_went(turn, pending, asked_for=True)]
        return [Text(said.only_telling_heard)]
    missed = said_the_same_again(text)
    if missed is not None:
        # "thats the same answer you gave me before. I use interpreters every day... my problem
        # is she cant read": the repeat owned, and what it missed answered (it had been the
        # same paragraph again).
        again = _answer(turn, missed, understand(missed), commands) if missed else None
        return [Text(said.same_again), *(again or [Text(said.same_again_tell)])]
    owned_miss = replies_in(current_language()).to_the_coach["missed"]
    beside_the_miss = said_it_missed(text, owned_miss.words)
    if beside_the_miss is not None:
        # "that's not what i asked. how do i get staff to stop saying families dont care?" (a
        # longer message than the to-the-coach words read alone): the miss owned, and a
        # question beside it answered; otherwise asked for again in its own words.
        asked_beside = beside_the_miss if asks_a_question(beside_the_miss) else ""
        again = (
            _answer(turn, asked_beside, understand(asked_beside), commands)
            if asked_beside
            else None
        )
        if again:
            return [Text(said.asked_again), *again]
        return [Text(owned_miss.answer)]
    restated = restated_question(text)
    if restated is not None and restated.casefold() != text.strip().casefold():
        # "wow thanks so helpful. i asked how to get them TO come": the miss owned, and the
        # question as restated answered (it had been "You're welcome").
        again = _answer(turn, restated, understand(restated), commands)
        if again and _more_than_no_ready_answer(again):
            return [Text(said.asked_again), *again]
        if again:
            # "i asked what to SAY to her": nothing more in it to answer (it had been "Here's
            # another try" and "I don't have a ready answer"): the miss owned, and asked for.
            return [Text(replies_in(current_language()).to_the_coach["missed"].answer)]
    after = _after_lead_in_sentences(text)
    answered_after = _answer(turn, after, understand(after), commands) if after else None
    if answered_after:
        # "Okay. Never mind. Can we do a reflection about the IEP meeting?": the request, not
        # the "never mind" before it (it had been a cancel). "ugh. another one." has nothing
        # after its "ugh" to answer: read whole.
        return answered_after
    if intent in _NOT_A_HELLO_AFTER and _hello_then_nothing_to_answer(text):
        # "Hi, I'm Renée. A colleague mentioned this might help. I'm not totally sure what
        # this is, honestly.": hello, and what the coach is (it had been "That sounds like a
        # lot").
        return greet(turn)
    asked_language = _language_asked_first(text) if intent != "language" else None
    if asked_language is not None:
        # "Can you switch to Spanish? I want to practice before I talk to Daniela's mom": the
        # family named later had made it a question about them (the Interactive card).
        return commands["language"](turn, asked_language)
    if asks_which_one(text):  # "which one first?" with nothing given to choose from
        return [Text(said.which_one_unheld)]
    if says_tried_them_all(text):  # "i already tried all of that", nothing given before it
        return [Text(said.tried_them_all)]
    band = _band_alone(turn, text)
    if band is not None:
        # "9-12", "middle school" typed alone (after the role was offered, or any time): the
        # grades they work with (it had been "I don't know `9-12` yet").
        return commands["profile"](turn, f"grades {band}")
    moved = moved_to_another_day(turn, text)  # "actually no, make it friday"
    if moved is not None:
        return moved
    when = _nudge_time_alone(turn, text)  # "friday at 3pm" just after `nudges on`
    if when is not None:
        return nudges_as_asked(turn, when)
    if asks_to_change_action(text):  # "can i change my action? this one doesnt fit"
        return change_action(turn, text)
    if _asks_for_a_tip(text, reading):  # "whats this weeks tip" (had: "not sure what to do")
        return tip_now(turn)
    matched = for_matching(text)
    typed = words(matched)  # the message's words, read once for the rules below
    self_note = _note_to_self(matched)
    if self_note is not None:
        if _SELF_TASK.match(matched, self_note.end()):
            return [Text(said.task_reminder)]  # "reminder to self: call jayden's mom thursday"
        intent = "unknown"  # "note to self: never on a friday again" is told, not asked
    if intent != "nudges" and turns_down_a_time(text) and schedule_named(text) is not None:
        # "not 7:30 i have wrestling practice mornings. sunday night", said to the nudge's
        # time: moved (it had been "That sounds like a lot").
        subscription = subscription_of(turn.session, turn.educator.id)
        if subscription is not None and subscription.enabled:
            intent = "nudges"
    if (
        intent != "nudges"
        and (is_asked(text) or (bool(typed) and typed[0] in ASKING_FIRST_WORDS))
        and nudge_words_in(matched)
        and focus_named(text) is not None
    ):
        # "can the weekly tips be about families who speak spanish", "puedes hacer que los
        # recordatorios sean sobre familias recién llegadas": asked of the nudges, the families
        # named after "about" (it had been heard as a word about language).
        intent = "nudges"
    if (
        intent != "nudges"
        and nudge_words_in(matched)
        and _CHANGE_WORDS.search(matched)
        and schedule_named(text) is not None
    ):
        # "cambia los recordatorios para los lunes a las 7 de la mañana, ... ya estoy muy
        # cansada": the change asked, whatever weariness is said beside it (it had been
        # "Parece mucho, y es normal sentirse así").
        intent = "nudges"
    if intent != "nudges" and _a_whole_time_asked(turn, text, matched, typed):
        # "ugh 6:30 was a mistake... can u make it like wed at 8pm", "quiero q me recuerdes los
        # domingos por la noche, como a las 7": a day and its hour asked for (it had been "That
        # sounds like a lot", or "not sure what you'd like me to do").
        intent = "nudges"
    if intent != "nudges" and asks_for_a_pause(text) and _a_pause_of_the_nudges(matched, typed):
        # "ugh no reminders til after thanksgiving" (it had been "That sounds like a lot").
        intent = "nudges"
    if intent == "nudges" and TASK_REMINDER.search(matched):
        return [Text(said.task_reminder)]  # "remind me on friday to call the nguyens"
    if intent == "nudges" and _reminder_for_families(text, typed):
        # "recordatorio de vacunas para papás": a reminder to write for the families, not a
        # nudge setting ("I don't know the nudge setting `de`").
        intent = "draft"
    if intent == "nudges" and nudge_words_in(matched) and _families_not_fit(matched):
        # "the side by side activity thing in the nudge wont work for my families tho, most
        # work in the fields or nights" (it had shown the nudge settings).
        return [Text(replies_in(current_language()).nudge_card.families_not_fit)]
    if intent == "nudges" and not _typed_args(text, intent):
        # "can you remind me on thursdays", "can my nudges be about home visits", "stop
        # sending me these": the setting applied.
        settings_asked = nudges_asked_in_words(turn, text, in_a_conversation=False)
        if settings_asked:
            return settings_asked
        if not of_the_coach_s_nudges(matched, typed):
            intent = UNKNOWN  # "i call families every other week": told, not a setting
    if intent == "frustration" and default_reader().cued(text, "reflect") and not turns_down(text):
        intent = "reflect"  # "haz conmigo una reflexión cortita, estoy agotada": asked for
    opening = _OPENING_CLAUSE.split(text, maxsplit=1)[0]
    declined = len(typed) <= COMMAND_REQUEST_WORDS and turns_down(text)
    # "no ahorita no quiero reflexionar, nomas apuntalo: ...": said no to first, whatever
    # follows (it had started a reflection).
    declined = declined or (
        len(words(for_matching(opening))) <= COMMAND_REQUEST_WORDS
        and _turned_down_by_name(opening, intent)
    )
    if intent in STARTS_A_CONVERSATION and declined:
        # "no i dont want to do a reflection rn" had started one. A story with "i dont want
        # to" in it ("...I dont want to get him in trouble I want to help. where do i start")
        # turns nothing down: it had been told "No problem. It's there whenever you want it".
        return [Text(replies_in(current_language()).offer_answers.declined)]
    if (
        intent == "learn"
        and (reading.topic is None or asks_a_question(text))
        and FRAMEWORK_WORDS.isdisjoint(typed)
        and not default_reader().names_a_topic(text)
        and default_reader().names_a_family(typed)
    ):
        # "cómo le explico a los papás qué es un IEP", "how do i explain the difference between
        # a 504 and an IEP to a parent": asked about families, not the framework (the second
        # had been given all of `learn capabilities`, the part its words lean to).
        intent = "question"
    if intent == "learn" and reading.topic is None and asks_a_question(text):
        # "what are the 4 Cs again": that part; "what's the framework again in 2 sentences":
        # its opening, not all five sections.
        return overview_part_asked(turn.library, text) or overview_in_brief(turn.library)
    if (
        intent in READ_AS_COMMANDS
        and FRAMEWORK_WORDS.isdisjoint(typed)
        and default_reader().names_a_family(typed)
    ):
        # "how do i explain a lexile to parents", "beginning of year parent survey questions":
        # about families, not the framework or the self-check, when the model is sure of it.
        situation = situation_answer(turn, text, sure=SITUATION_OVER_TOLD)
        if situation:
            return situation
        if intent == "assess" and len(typed) > COMMAND_REQUEST_WORDS and asks_a_question(text):
            # "a dad sent a long email at 10:30pm about his son's quiz grade, should i reply
            # tonight": a question about a family, not a wish for the thirteen-statement
            # self-check it had started ("quiz").
            intent = "question"
    if intent == "profile" and _someone_else_s_role(matched, typed):
        # "a dad threatened to go to the principal about a grade": told of a family, not of
        # the educator's own role (it had been "Thanks for telling me you're a school leader").
        intent = UNKNOWN
    if (
        intent == "help"
        and len(typed) >= HOW_TO_WORDS
        and asks_a_question(text)
        and not _names_the_coach(typed)
        and default_reader().names_a_family(typed)
    ):
        intent = "question"  # "how do i use class dojo with families" (had: the help menu)
    if intent == "help" and asks_what_it_means(text):
        # "what do you mean?" after a reply the coach no longer holds: which part, not the
        # whole menu.
        return [Text(said.what_i_meant)]
    # ...and a self-check read by the examples alone ("where do i find the mckinney vento
    # liaison" had started the thirteen statements).
    loose = (
        intent in ("help", "language")
        or (intent == "assess" and not default_reader().cued(text, "assess"))
        # A story told with feeling that asks what its words answer:
        # "Parent thinks I'm targeting her kid because we're different races... How do I
        # approach the conversation?" (frustration), "...I want to help. where do i start"
        # (the self-check had begun).
        or (intent in TOLD_OVER and len(typed) > COMMAND_REQUEST_WORDS)
    )
    told_answer = what_is_told(text) if loose and len(typed) > 1 else None
    if told_answer is not None and told_answer[1].answers:
        # "ok but what am i allowed to tell her?", "what's the language line": its words have
        # an answer of their own (it had been the whole help menu, or the coach's language).
        intent = "question"
    if intent == "export" and not default_reader().cued(text, "export"):
        # "love how you ignore everything i say": an edge at the coach, not a request for the
        # whole export (read by the examples' vote alone, it had printed it).
        intent = "frustration" if _at_the_coach(text, said.at_coach_words) else UNKNOWN
    if intent == "forget" and not default_reader().cued(text, "forget"):
        # Read by the examples or the model alone ("todos los grados" under the grades
        # question had opened "Delete everything?", and a tap wiped a journal): the way to it
        # is named, and nothing destructive is one tap away; with no word of data or
        # deleting ("everything is just a lot"), it is not about the data at all.
        if _DATA_WORDS.search(text):
            return [Text(said.forget_pointer)]
        intent = UNKNOWN
    if intent in RUNS_COMMAND:
        # A topic is what the reading found ("reflet on trust" is `reflect relational`);
        # other commands take the words after a typo of their name ("nudgs on").
        takes_topic = intent in ("learn", "reflect")
        args = (reading.topic or "") if takes_topic else _typed_args(text, intent)
        if intent == "reflect" and args not in turn.library.topics:
            # "i want to reflect on why they dont want to come" read as the Challenge, which
            # is for reading: a reflection on this week's topic, not "try `learn challenge`".
            args = ""
        return commands[intent](turn, args)
    if intent == "reframe":
        wanted = _sentence_to_reframe(text) or _reframe_switch(text)
        if not wanted and what_is_told(text) is not None:
            # "in the teachers lounge everyone says these parents dont care, i never know
            # what to say": told, and what it tells has its own answer.
            return [Text(_heard(text, reading, turn))]
        asked_with_context = (
            not wanted
            and len(typed) > COMMAND_REQUEST_WORDS
            and asks_a_question(text)
            and default_reader().names_a_family(typed)
        )
        situation = situation_answer(turn, text) if asked_with_context else []
        if situation:
            # "parent asked why we don't do homework. how do I explain play-based learning
            # without sounding preachy": no sentence to look at, a situation to answer (it had
            # been told how to use `reframe`).
            return situation
        return commands["reframe"](turn, wanted)
    if intent == "greeting":
        told = replace(reading, intent=UNKNOWN)
        if len(typed) > GREETING_MOST_WORDS and (
            _tells_of_a_family(text, told) or any(theme in reading.themes for theme in ACK_ORDER)
        ):
            # "hey sorry i was gone a week. anyway the thing with tyler's mom got better":
            # the hello is the way in; the news is what was said.
            return [Text(_heard(text, told, turn))]
        return greet(turn)
    if intent == "thanks" and not default_reader().cued(text, "thanks") and what_is_told(text):
        intent = UNKNOWN  # "finally friday!!": told (the week's end), not praise of the coach
    if intent == "thanks" and not default_reader().cued(text, "thanks"):
        if _NOT_PRAISE.search(matched):
            # "honestly this is not what I need": read as praise by the model, said with a no.
            return [Text(pick(said.frustration_at_coach, text))]
        if not default_reader().names_a_family(typed):
            # "love this", "dying to try the coffee hour idea": praise, not thanks to welcome.
            return [Text(pick(said.praise, text))]
        intent = UNKNOWN  # "i love this parent, she's so involved": told of a family
    if intent == "thanks" and _thanks_of_a_family(text, typed):
        # "Mateo's mom wrote back like 5 heart emojis and 'gracias maestra' 🥹": the family's
        # thanks, told as news (it had been "You're welcome").
        intent = UNKNOWN
    if intent == "thanks":
        return [Text(pick(said.thanks, text))]
    if intent == "frustration":
        asked = _question_in(text)
        at_the_coach = _at_the_coach(text, said.at_coach_words)
        # Venting that asks nothing is answered as a situation only when the model is sure:
        # "...nobody has ever picked up... i feel like i'm yelling into the void" is no angry
        # parent.
        bar = _situation_bar(text, reading) if is_asked(text) else SITUATION_OVER_TOLD
        # "im drowning, 3 iep meetings and report cards due friday": the load is what was
        # said, not the meetings in it.
        vented_load = not is_asked(text) and "time" in reading.themes
        situation = [] if at_the_coach or vented_load else situation_answer(turn, text, sure=bar)
        feeling = what_is_told(text)
        if situation and feeling is not None and feeling[1].heard_first:
            return situation  # "ugh, IEP tomorrow and i'm so nervous": the nerves are heard
        if situation:
            # "dad keeps showing up unannounced to 'help out' in kinder. ugh what do i say":
            # the weariness heard in a few words, the situation answered.
            return [Text(said.weary_then_situation), *situation]
        if asked is not None and not at_the_coach:
            # "ugh long day. how do i get parents to come to conferences": still a question.
            asked_reading = understand(asked, deficit=False)
            return [Text(said.weary_then_question), *_question(turn, asked_reading, asked)]
        # Venting about a family ("a dad yelled at me at pickup", "nobody came to the
        # meeting again", "we have no interpreter, again") is heard as what it is about;
        # about one's own load ("I'm drowning"), as that.
        if set(reading.themes) & VENTED_ABOUT or what_is_told(text) is not None:
            # ...and "honestly i barely know most of my families", as what it says of them.
            return [Text(_heard(text, reading, turn))]
        if "time" not in reading.themes and at_the_coach:
            return [Text(pick(said.frustration_at_coach, text))]
        weary = pick(said.frustration, text)
        if weary == said.frustration[0]:
            # It names one short good-news message as the smallest step: "ok" starts it.
            make_offer(turn.educator, f"draft {Purpose.CELEBRATE.value}", turn.now)
        return [Text(weary)]
    if intent == "draft" and _tells_of_no_reply(text, reading, typed):
        intent = UNKNOWN  # "a mom never answers my emails about...": told, not a note asked for
    feeling = what_is_told(text) if intent in ("draft", UNKNOWN) else None
    if intent == "draft" and feeling is not None and feeling[1].no_draft:
        # "role play with me? I need to call a dad...": no note home
        intent, reading = UNKNOWN, replace(reading, intent=UNKNOWN)
    if (
        feeling is not None
        and feeling[1].before_a_draft
        and (intent == "draft" or _draft_asked_in(text))
    ):
        # "can you give me a script for the call? i get nervous": the nerves in a line, then
        # the note (it had been the nerves alone, or the note with no word of them).
        return [Text(feeling[1].before_a_draft), *_draft_begun(turn, text, commands)]
    named_situation = feeling is not None and feeling[1].situation is not None
    if intent == "draft" and named_situation and not default_reader().cued(text, "draft"):
        # "Student's father is incarcerated and he wants to write to him for our Father's Day
        # project": the student writes; what is told names the situation (it had begun a
        # note home).
        situation = situation_answer(turn, text)
        if situation:
            return situation
    if intent == "draft":
        # "write a text to grandma saying jose did great": what it is for is already said.
        purpose = purpose_in(text)
        # "MARCUS RAN HIS WHOLE IEP TODAY... his mom cried (good crying)... i want to send mom
        # something tonight": good news with a note asked in so many words is the note (it
        # had been the answer for a parent who broke down).
        good_news_note = "positive" in reading.themes and default_reader().cued(text, "draft")
        if purpose is None and good_news_note:
            return start_draft(turn, Purpose.CELEBRATE.value, heard=True, request=text)
        if (
            purpose is None
            and len(typed) >= SITUATION_STORY_WORDS
            and not _note_asked_for_an_everyday_situation(text)
        ):
            # "Leo's mom passed away Saturday... I don't know if I should call, email, send
            # a card...": a story that wonders about a message is about its situation (it
            # had been offered a celebration or a next step to write).
            situation = situation_answer(turn, text, sure=SITUATION_OVER_TOLD)
            if situation:
                return situation
        return _draft_begun(turn, text, commands)
    if intent == "profile":
        about_a_family = default_reader().names_a_family(typed)
        if asks_a_question(text) and (set(reading.themes) & set(ACK_ORDER) or about_a_family):
            # "soy family liaison... alguna idea de cómo comunicarme con las que no hablan
            # español?": the question is answered by what is in the way (the topic the role's
            # own words lean to, "distrito", is not what was asked), the role offered after;
            # so is "I'm a para... am I even allowed to talk to parents about goals?".
            by_theme = replace(reading, topic=None) if reading.themes else reading
            return [*_question(turn, by_theme, text), *offer_role(turn, text)]
        if asks_a_question(text):  # "I'm a principal, what should I focus on?"
            return [*offer_role(turn, text), Text(said.role_and_question)]
        heard_themes = tuple(t for t in ACK_ORDER if t in reading.themes or t in reading.cued)
        story = about_a_family and len(typed) > SITUATION_SENTENCE_WORDS * 2
        situation = situation_answer(turn, text, sure=SITUATION_OVER_TOLD) if story else []
        if situation:
            # "I teach 5th grade. Noah's dad is deployed overseas for 9 months...": the story's
            # situation answered, the role offered; a yes sets the role, "ok but how?" asks
            # where to start.
            advised_now = turn.educator.offer or ""
            offered = offer_role(turn, text)
            if advised_now.startswith(ADVISED) and turn.educator.offer is not None:
                kept = heard_kept(advised_now)[0] or ""
                make_offer(turn.educator, advised(kept, turn.educator.offer), turn.now)
            return [*situation, *offered]
        if heard_themes or what_is_told(text) is not None or story:
            # "im a counselor and honestly the parents at my school are really hard to
            # reach", "soy la family liaison... la señora Gómez no quiere venir a las juntas":
            # what is told is heard (with a note on its wording), the role offered; a yes sets
            # the role, "what should I do?" asks about the story.
            note = reframe_offer(turn, False, text, told=True)
            told = replace(reading, themes=heard_themes)
            heard = Text(_heard(text, told, turn))
            offered = offer_role(turn, text)
            if turn.educator.offer is not None:
                advice = advice_on(text, told)
                make_offer(turn.educator, heard_asked(advice, turn.educator.offer), turn.now)
            return [heard, *([note] if note is not None else []), *offered]
        return offer_role(turn, text)
    asked_about_a_topic = intent == UNKNOWN and reading.topic and _asks_the_coach(text)
    if intent == "question" or asked_about_a_topic:
        # ...and "do you have anything on home visits": asked about a topic the words name.
        return [*_question(turn, reading, text), *_role_said_in_passing(turn, text)]
    if (
        intent == UNKNOWN
        and _ASKS_WHAT_THE_COACH_SPEAKS.match(matched)
        and _another_language_named(matched) is not None
    ):
        intent = "language"  # "do you know any Swahili?" (had: "I'm not sure what you'd like")
    if intent == "language" and (_a_thing_in_that_language(text) or asks_for_advice(text)):
        # "I can get the spanish one done by Sra. Lopez", "que le digo a la maestra, en ingles
        # porfa": a card's language, or the words to say, not the coach's.
        intent = UNKNOWN
    if intent == "language":
        # "I actually prefer english": the one language named is the choice (it had asked
        # "which language?" in Spanish); "can you speak haitian creole" is said not to be one.
        asked = coach_language_asked(text) or _another_language_named(matched) or ""
        return commands["language"](turn, asked)
    if intent == "cancel" and says_no(text):  # "maybe later", "not now": not a cancel
        return [Text(replies_in(current_language()).offer_answers.declined)]
    if intent == "cancel" and len(typed) > 1:
        # "nvm figured it out", "never mind, bell rang": nothing is running, so no "nothing
        # to cancel"; just fine.
        return [Text(pick(said.short_reply, text))]
    if intent == "cancel":
        return [Text(str(messages.NOTHING_TO_CANCEL))]
    if says_yes(text) or says_no(text):  # "yeah go ahead", "ok va" with nothing offered
        return [Text(pick(said.short_reply, text))]
    if "unsure" in reading.themes and len(for_matching(text).split()) <= SHORT_REPLY_WORDS:
        return [Text(pick(said.short_reply, text))]
    # "good news!! jesus came back... and jesus cried that he wanted to go": told as good news,
    # and heard so (it had been the answer for a parent who broke down).
    good_news = not asks_a_question(text) and (
        good_news_leads(text, reading.themes) or opens_with_good_news(text)
    )
    if good_news and "positive" not in reading.themes:
        reading = replace(reading, themes=("positive", *reading.themes))
    if intent == UNKNOWN and not good_news:
        # "mi alumno me rogó que no llamara a su casa", "a dad recorded our whole meeting on
        # his phone": an everyday situation, told or asked, gets its answer.
        situation = situation_answer(turn, text, sure=_situation_bar(text, reading))
        if situation:
            return situation
    if intent == UNKNOWN and asks_a_question(text) and default_reader().names_a_family(typed):
        # "Do I have to tell parents when their kid gets a referral or is that admin's job":
        # asked, about families, if in no words the intents know.
        return _question(turn, reading, text)
    told_of = _tells_of_a_family(text, reading) or what_is_told(text) is not None
    if told_of or any(theme in reading.themes for theme in ACK_ORDER):
        note = reframe_offer(turn, False, text, told=True)  # told, not asked: its wording
        if note is not None:
            # "engagement is overhyped, parents who care already show up" is no bright spot
            # (it had been praised as one): heard plainly, with the note on its wording.
            plainly = replace(reading, themes=tuple(t for t in reading.themes if t != "positive"))
            return [Text(_heard(text, plainly, turn)), note]
        return [Text(_heard(text, reading, turn))]
    return None


def _more_than_no_ready_answer(replies: list[Reply]) -> bool:
    """Whether an answer is more than "I don't have a ready answer for that one"."""
    general = replies_in(current_language()).intents.question_general
    return replies != [Text(general)]


def _band_alone(turn: Turn, text: str) -> str | None:
    """The grade band a message is nothing but ("9-12", "grades 1-5", "elementary"), when it
    could be nothing else: a range or a school named, not a bare "all" or "high"."""
    said = " ".join(text.casefold().split()).strip(" .!")  # digits kept, unlike for_matching
    said = said.removeprefix("grades ").removeprefix("grade ").removeprefix("grados ")
    band = turn.library.profiles.band_named(said)
    one_word = len(said.split()) < 2 and not any(ch.isdigit() for ch in said)
    if band is None or (one_word and said in AMBIGUOUS_BAND_WORDS):
        return None
    return None if band is GradeBand.ALL and not any(ch.isdigit() for ch in said) else band.value


def _situation_bar(text: str, reading: Understanding) -> float:
    """How sure the situation model must be to answer a message the intents do not name. As
    sure as for any question, unless it tells (asks nothing) of a bright spot or a full week:
    then very sure, as news of a good call home is to celebrate, not a question about sharing
    good news, and "32 alumnos y cero tiempo" is a load; "parent keeps inviting me for coffee.
    she's lovely but i feel weird" is still about a friendship, and the model is sure of it."""
    if asks_a_question(text) or not set(reading.themes) & HEARD_BEFORE_SITUATIONS:
        return SITUATION_CONFIDENCE
    return SITUATION_OVER_HEARD


def _asks_the_coach(text: str) -> bool:
    """ "do you have anything on home visits", "got anything on trust?": asked of the coach
    (a question mark, or an opening that asks it, in the message or its last sentence: "...
    they roll their eyes. how do I pitch it"), not told."""
    said = for_matching(text)
    sentences = [part.strip() for part in _SENTENCES.findall(text) if part.strip()]
    last_asks = len(sentences) > 1 and asks_a_question(sentences[-1])
    return asks_a_question(text) or last_asks or said.startswith(ASKING_THE_COACH)


def _asks_which_action(text: str) -> bool:
    """ "wait which one did I pick", "what was my action again", "cuál era?"."""
    return in_phrase_set("which-action", for_matching(text))


def _asks_for_something(text: str) -> bool:
    """Asked of the coach, or a request ("help me write a note, mom asked about the fair"),
    whatever outcome words follow."""
    return _asks_the_coach(text) or _requests(for_matching(text))


def _requests(said: str) -> bool:
    return in_phrase_set("request-openers", said)


def _asks_for_a_tip(text: str, reading: Understanding) -> bool:
    """ "give me a quick tip", "dame un consejo rápido": a weekly nudge now. Not a question
    about a part of the framework ("any tips on home visits"), nor a request the words name
    (`nudges` settings, a draft, a reframe...)."""
    if reading.topic is not None or reading.intent not in MAY_ASK_FOR_A_TIP:
        return False
    tip_words = replies_in(current_language()).tip_now.words
    return phrases_pattern(tuple(tip_words)).search(for_matching(text)) is not None


def _families_not_fit(matched: str) -> bool:
    """What a nudge suggested does not fit the families said (replies.yaml `not_fit_words`
    beside a family named)."""
    not_fit = replies_in(current_language()).checkin.not_fit_words
    return (
        phrases_pattern(tuple(not_fit)).search(matched) is not None
        and _FAMILIES.search(matched) is not None
    )


_FAMILIES = re.compile(r"\b(?:families|family|parents|familias|familia|papás|papas|padres)\b")
_OPENING_CLAUSE = re.compile(r"[,:;.!?]")


def _turned_down_by_name(opening: str, intent: str) -> bool:
    """The opening clause says no to the very thing the message was read as asking for."""
    return turns_down(opening) and default_reader().cued(opening, intent)


# "partly.", "both happened,": how it went said alone, in a clause this short, before the story.
OUTCOME_ALONE_WORDS = 2


def _outcome_alone_first(text: str) -> bool:
    first = _OPENING_CLAUSE.split(text, maxsplit=1)[0]
    return 0 < len(words(for_matching(first))) <= OUTCOME_ALONE_WORDS


def _pause_beside_a_miss(turn: Turn, text: str) -> list[Reply]:
    """ "thats not what I asked. pause them until feb 22 please": the pause made (it had been
    "Sorry, I missed that one. Tell me once more...")."""
    if not asks_for_a_pause(text):
        return []
    beside = said_it_missed(text, replies_in(current_language()).to_the_coach["missed"].words)
    if not beside or not asks_for_a_pause(beside):
        return []
    return nudges_asked_in_words(turn, beside, in_a_conversation=False)


def _to_the_coach(text: str) -> ToTheCoach | None:
    """What is said to the coach itself (replies.yaml `to_the_coach`), with its answer."""
    found = said_to_the_coach(text)
    return None if found is None else found[1]


def _nudge_time_alone(turn: Turn, text: str) -> NamedSchedule | None:
    """ "friday at 3pm", "thursdays 7am" typed alone soon after the weekly nudge was turned on
    or changed: when it should come (it had been read as a week short of time)."""
    said = words(for_matching(text))
    if len(said) > SCHEDULE_SAID_WORDS or default_reader().names_a_family(said):
        return None
    named = schedule_named(text)
    if named is None:
        return None
    whole = named.weekday is not None and named.at is not None
    matched = for_matching(text)
    asks_to_change = bool(_CHANGE_WORDS.search(matched) or _ASKS_ANOTHER.search(matched))
    if len(said) > SCHEDULE_ALONE_WORDS and not whole and not asks_to_change:
        return None
    subscription = subscription_of(turn.session, turn.educator.id)
    if subscription is None or not subscription.enabled:
        return None
    return named if turn.now - subscription.updated_at < SETTINGS_JUST_SET else None


def _names_the_coach(typed: list[str]) -> bool:
    """ "how do i use this with my team": about the coach itself."""
    return not THE_COACH.isdisjoint(typed)


def _tells_of_no_reply(text: str, reading: Understanding, typed: list[str]) -> bool:
    """ "a mom never answers my emails about her son's missing work": a family that does not
    answer, told with no word asking for a note (the model had read the emails as one, and a
    note home was begun)."""
    return (
        "no-response" in reading.themes
        and not asks_a_question(text)
        and not default_reader().cued(text, "draft")
        and default_reader().names_a_family(typed)
    )


def _tells_of_a_family(text: str, reading: Understanding) -> bool:
    """ "i have a mom who cries every time we talk": something told about a family, in no
    theme's words and asking nothing; heard as that, not answered "I'm not sure what you'd
    like me to do with that"."""
    said = words(for_matching(text))
    return (
        reading.intent == "unknown"
        and len(said) >= FAMILY_STORY_WORDS
        and not asks_a_question(text)
        and default_reader().names_a_family(said)
    )


def _sentence_to_reframe(text: str) -> str:
    for pattern in _QUOTED:
        found = pattern.search(text)
        if found and found.group(1).strip():
            return found.group(1).strip()
    return ""


def _reframe_switch(text: str) -> str:
    """ "stop correcting my wording" -> "off", "turn reframe back on" -> "on", else ""
    (the reframe command's how-to). Only said of the notes: the "dont" of "everyone says
    these parents dont care" had turned them off."""
    said = for_matching(text)
    if not in_phrase_set(REFRAME_FEATURE_SET, said) or _names_someone(said):
        return ""  # "i should stop correcting my students grammar": about them, not the notes
    return next((switch for name, switch in REFRAME_SWITCHES if in_phrase_set(name, said)), "")


def reframe_switch_asked(text: str) -> str:
    """ "quit reframing my stuff" typed mid-conversation, right after a note on wording:
    "off" (or "on"), to be run as `reframe off` with the place kept; "" for anything else.
    Every answer in a conversation passes here: the words are looked at before the whole
    message is read."""
    switch = _reframe_switch(text)
    if not switch or _sentence_to_reframe(text):
        return ""
    return switch if understand(text, deficit=False).intent == "reframe" else ""


def _names_someone(said: str) -> bool:
    """A family member, a student or a child named (intents.yaml `family`, `engagement`)."""
    return in_phrase_set(FAMILY_SET, said) or in_phrase_set(ENGAGEMENT_SET, said)


def _how_it_went(turn: Turn, text: str, reading: Understanding) -> list[Reply] | None:
    """ "not yet", "done", "kinda, mom texted back once" typed after the check-in question
    (the journal's, a nudge's, `checkin`'s: buttons with no conversation waiting) while an
    action waits for one: the check-in, as if the button had been tapped, and what else
    was said answers its next question. Only a text that opens with how it went: "ugh I
    haven't had time to breathe" is heard as the week it is about. A bare "yes" or "no"
    could answer anything, and a request is a request: neither is taken for a check-in."""
    if asks_for_a_draft(text, reading):
        # "can u write a short note in spanish to the ramirez family saying sofia moved up": a
        # request, however much it names the week's step (it had been asked how it went, and
        # "not yet" kept).
        return None
    told = tells_how_it_went(text) and len(words(for_matching(text))) >= TELLS_OF_WORDS
    readable = reading.intent in CHECKIN_READINGS and not _only(text, AMBIGUOUS_OUTCOMES)
    # Nothing asked: only the plain words.
    outcome = outcome_first(text, asked=False) if readable else None
    if not told and outcome is None:
        return None  # (before the database is asked: most messages are neither)
    pending = action_awaiting_check_in(turn)
    if pending is None or turn.now - pending.created_at < CHECK_IN_AFTER:
        return None  # chosen minutes ago: "done" is not about it yet
    said_first = outcome is not None and _outcome_alone_first(text)
    if not said_first and told and _tells_of(turn.sealer.unseal(pending.action), text):
        # "I did the notebook thing with Theo. On Wednesday his dad wrote one line...": the
        # week's action told of in its own words, whatever else it sounds like (it had been
        # read as a question about IEP meetings, named on the way). "partly. Kaylee made the
        # call herself, but..." opens with how it went: that is taken (it had been asked).
        return start_checkin_told(turn, pending, text)
    if outcome is None:
        return None
    return start_checkin(turn, pending, outcome, said=text)


# A story of the week's action tells at least this much ("I did the notebook thing with Theo.
# On Wednesday his dad wrote one line back").
TELLS_OF_WORDS = 12


def _tells_of(action: str, text: str) -> bool:
    """Whether a story names the action's own words: two of its longer words, or a name."""

    def telling(said: str) -> set[str]:
        return {w for w in words(for_matching(said)) if len(w) >= 4} - _COMMON_WORDS

    shared = telling(action) & telling(text)
    named = {w.casefold() for w in re.findall(r"\b[A-Z][a-z]{2,}", action[1:])}
    return len(shared) >= 2 or bool(named & shared)


# Longer words any plan and any story share: no sign the story is about this plan.
_COMMON_WORDS = frozenset(
    ["with", "family", "families", "their", "this", "that", "will", "about", "week", "what",
     "when", "then", "from", "have", "they", "just", "them", "some", "said", "one", "home",
     "school", "class", "parent", "parents", "child", "student", "students", "para", "familia",
     "semana", "casa", "escuela", "clase"]
)  # fmt: skip


def answer_to_how_it_went(turn: Turn, text: str, offered: str) -> list[Reply] | None:
    """The message right after "How did it go?", read as its answer: how it went anywhere in
    it ("mom picked up and we talked for like 10 min"), or, when it does not say, kept and
    asked plainly ("only got to talk to one, the meeting got taken over by testing stuff").
    None for anything else (a request, a question, a word or two)."""
    pending = action_awaiting_check_in(turn)
    if pending is None or offered != how_it_went_asked(pending.id):
        return None
    if len(text) > messages.MAX_ANSWER_CHARS:  # as long as no answer in a conversation may be
        return None
    if _asks_which_action(text):  # "wait which one did I pick": the question again, with it
        return [ask_how_it_went(turn, pending)]
    if _to_the_coach(text) is not None:  # "fire drill in 5 min ttyl": said to the coach
        return None
    if _WHAT_THE_COACH_DID.search(text):
        # "are you kidding me. i said NOT to send me the school improvement plan stuff and you
        # sent the exact same one again": about the coach (it had been saved as done, "sent").
        return None
    asked = _asked_instead(turn, text, pending)
    if asked is not None:
        return asked
    if _asks_for_something(text) and not _opens_with_how_it_went(text):
        return None  # "can you give me a script for the call?": asked, not told
    reading = understand(text, deficit=False)
    outcome = typed_outcome(text)
    if outcome is not None:
        # Whatever else the words sound like ("sent the note, she wrote back a thank you"
        # reads like thanks; "went fine. on to the next one" like a reflection), right after
        # the question they tell how it went. A family that answered in anger ("le hablé y
        # se enojó") is no "Well done": what got in the way is heard instead.
        # The anger in the words, not only the model's guess ("the voicemails turn into
        # garbage text on her phone" is no angry family).
        cued = tuple(theme for theme in reading.themes if theme in reading.cued)
        hard = outcome == "done" and family_upset(text, cued)
        return start_checkin(turn, pending, "partly" if hard else outcome, said=text)
    if reading.intent in CHECKIN_READINGS and tells_how_it_went(text):
        if asks_at_the_end(text) and not _tells_of(turn.sealer.unseal(pending.action), text):
            # "rough day. one of my seniors, his dad got sentenced today... idk what to do for
            # him": another story, asking for help (it had been taken for how the step went).
            return None
        return start_checkin_told(turn, pending, text)
    return None


# What the coach did, complained of: "you sent the exact same one again", "u keep asking";
# read under "How did it go?" and under the nudge's card alike.
_WHAT_THE_COACH_DID = re.compile(
    r"\b(?:you|u)\s+(?:just\s+)?(?:sent|send|keep|kept|said|put|gave|told|ignored|asked)\b",
    re.IGNORECASE,
)


def _asked_instead(turn: Turn, text: str, pending: Reflection) -> list[Reply] | None:
    """Asked right after "How did it go?" instead of an answer (replies.yaml
    `checkin_asked`): "?" (what the question means), "should i do it again this week?",
    "busy rn, tomorrow?" (no rush: not asked again), "does it count if the parent emailed me
    first and I just replied?"; answered, and how it went asked again. None when the text
    tells how it went ("forgot again lol, can you remind me wednesday?") or asks another
    thing."""
    asked = replies_in(current_language()).checkin_asked
    if puzzled(text):
        return [Text(asked.puzzled), ask_how_it_went(turn, pending)]
    said = for_matching(text)
    tomorrow = phrases_pattern(tuple(replies_in(current_language()).nudge_card.tomorrow_words))
    later = len(words(said)) <= BUTTON_IN_WORDS and tomorrow.search(said) is not None
    outcome = typed_outcome(text)
    if later and "?" in text and outcome in (None, "not_yet"):
        return [Text(asked.later)]  # "busy at the moment — tomorrow?" asks to be asked later
    if action_question(text) == WHAT_COUNTS and outcome in (None, "done"):
        if outcome == "done":  # "la mamá contestó con un corazón ❤️ cuenta no?": yes, done
            return [Text(asked.counts), *start_checkin(turn, pending, "done", said=text)]
        return [Text(asked.counts), ask_how_it_went(turn, pending)]
    if outcome is not None:
        return None
    if phrases_pattern(tuple(asked.again_words)).search(said) is not None:
        return [Text(asked.again), ask_how_it_went(turn, pending)]
    return [Text(asked.later)] if later else None


def answer_to_nudge_card(
    turn: Turn, text: str, offered: str, commands: dict[str, CommandHandler]
) -> list[Reply] | None:
    """Typed under the weekly nudge's card, its buttons in words: "did it already lol" is
    Mark done, "not this week" Not this week, "can you ping me again in the morning?" Remind
    me tomorrow; "already do this every week" is done, "doesnt really work for high school"
    left for the week, "love this, will try it thursday" heard as liked; a question with no
    topic of its own ("which family do i pick tho?") is about the nudge's. None for anything
    else, which is read as it would be without the nudge."""
    if _only(text, AMBIGUOUS_OUTCOMES):  # a bare "yes" or "no": the card asked neither
        return None
    ledger_id = offered.removeprefix(NUDGE_CARD).strip()
    card = replies_in(current_language()).nudge_card
    said = for_matching(text)
    if _requests(said):  # "help me write a note home, mom asked about the fair"
        return None
    if _WHAT_THE_COACH_DID.search(text):  # "you sent the exact same one again": not a "sent"
        return None
    if asks_for_a_pause(text) and _a_pause_of_the_nudges(said, words(said)):
        # "no nudges during winter break pls, i am off dec 21 until jan 4": the pause, not the
        # card (it had been "No rush: it's there for the whole week").
        return None
    if len(words(said)) > NUDGE_CARD_STORY_WORDS and _tells_a_situation(text):
        # "not this week. its been a bad week. a dad in my class got detained by ICE...": the
        # story is answered, not the card (it had been "No rush: it's there for the whole week").
        return None
    # A button's words count in a short answer: "i'll pass the note on" is no "pass".
    short = len(words(said)) <= BUTTON_IN_WORDS

    def says(phrases: list[str]) -> bool:
        return phrases_pattern(tuple(phrases)).search(said) is not None

    def week(action: str) -> list[Reply]:
        return commands["nudge"](turn, f"{action} {ledger_id}")

    if short and says(card.tomorrow_words) and not _opens_asking(said):
        return week("tomorrow")  # "can you ping me again in the morning?"
    outcome = typed_outcome(text)
    if outcome == "done" and outcome_first(text) == "done":
        return _marked_done(turn, text, ledger_id, week("done"))  # "did it, i'll try two next week"
    if says(card.already_words) and "?" not in text:
        week("done")  # "already do this every week tbh"
        row = turn.session.get(NudgeLedger, parse_small_int(ledger_id) or 0)
        return [Text(card.already.format(topic=row.topic if row is not None else ""))]
    liked = says(card.plan_words) or says(card.will_try_words)
    if liked and "?" not in text:  # "¡Qué buena idea! la pruebo el jueves" asks nothing
        return [Text(card.will_try)]
    if _asks_the_coach(text):
        row = turn.session.get(NudgeLedger, parse_small_int(ledger_id) or 0)
        reading = understand(text, deficit=False)
        if row is None or reading.topic is not None or reading.intent not in ASKED_OF_A_NUDGE:
            return None
        return _question(turn, replace(reading, topic=row.topic), text)
    if (short and says(card.skip_words)) or _in_a_short_sentence(text, card.skip_words):
        # "...i teach PE and coach football. we dont do conferences. not this week": the
        # button's words in a sentence of their own, however long the rest.
        return week("skip")
    not_fit = says(replies_in(current_language()).checkin.not_fit_words)
    # ...in a few words, or said of the nudge: "...she was going through a lot in the fall and
    # sorry for how she talked to me" is a story of its own (it had been "not every nudge fits
    # every role"); "this one's not for my situation - I'm itinerant speech..." is the nudge's.
    of_the_nudge = len(words(said)) <= NUDGE_CARD_STORY_WORDS or _OF_THE_NUDGE.search(said)
    if (not_fit and of_the_nudge) or (
        action_question(text) == NOT_MY_ROLE  # "I'm the school nurse, I don't have a class"
    ):
        week("skip")  # "doesnt really work for high school"
        return [Text(card.not_fit)]
    if says(card.plan_words):  # "la voy a try con mis ELL families el thursday 👍"
        return [Text(card.will_try)]
    # A long story marks the week done only when it opens by saying so: "mom emailed me
    # today... sorry for how she talked to me" is the family's doing (it had been Marked done).
    told_first = (
        len(words(said)) <= NUDGE_CARD_STORY_WORDS
        or outcome_first(text) is not None
        or _done_in_the_first_sentence(text)
    )
    if outcome in ("done", "partly") and not partly_only_by_a_hedge(text) and told_first:
        return _marked_done(turn, text, ledger_id, week("done"))
    if short and says(card.later_words):
        return week("skip")  # "too much going on, maybe next week's"
    if says(card.will_try_words):
        return [Text(card.will_try)]  # "love this idea"
    if outcome == "not_yet" and outcome_first(text) is None and what_is_told(text) is not None:
        return None  # "Bentleys papaw Earl is in the hospital...": told, not a week not done
    if outcome == "not_yet":
        make_offer(turn.educator, offered, turn.now)  # a word for a button still answers it
        return [Text(card.not_yet)]
    return None


# Past this many words, an answer under the card may be a story of its own.
NUDGE_CARD_STORY_WORDS = 20


def _tells_a_situation(text: str) -> bool:
    """Whether the text asks what to do at its end, or tells something that names one of the
    everyday situations by its words (replies.yaml `told` with a `situation`)."""
    told = what_is_told(text)
    return asks_at_the_end(text) or (told is not None and told[1].situation is not None)


def _marked_done(turn: Turn, text: str, ledger_id: str, done: list[Reply]) -> list[Reply]:
    """Mark done's reply, after a family named or a theme said back ("asked the lopez family,
    mateo loves dinosaurs"); "wait no, i didnt do that one" next takes it back."""
    row_id = parse_small_int(ledger_id)
    if row_id is not None:
        make_offer(turn.educator, marked_done(row_id), turn.now)
    ack = heard(text, understand(text, deficit=False))
    return done if ack.key.startswith(GENERAL) else [Text(ack.text), *done]


# Said of the nudge itself: "this one's not for my situation", "the nudge assumes...".
_OF_THE_NUDGE = re.compile(
    r"\b(?:this one|this nudge|the nudge|this tip|these nudges|this week'?s|este no|esta no)\b"
)


def _done_in_the_first_sentence(text: str) -> bool:
    """ "ok so i tried it w my 3rd period kid's dad and it went way better...": done, said by
    the educator in the first sentence of a longer story."""
    first = next(iter(sentences_of(text)), "")
    said = f" {for_matching(first)} "
    return typed_outcome(first) in ("done", "partly") and (" i " in said or " yo " in said)


def _in_a_short_sentence(text: str, phrases: list[str]) -> bool:
    """One of the phrases said as the first or last sentence of a longer text, in a few words."""
    parts = sentences_of(text)
    ends = [part for part in (parts[:1] + parts[-1:]) if len(words(part)) <= BUTTON_IN_WORDS]
    pattern = phrases_pattern(tuple(phrases))
    return any(pattern.search(for_matching(part)) for part in ends)


def _opens_asking(said: str) -> bool:
    """ "what should i do tomorrow": opens as a question does."""
    opening = words(said)[:1]
    return bool(opening) and opening[0] in default_reader().asking_openers


def answer_to_keep_going(
    turn: Turn, text: str, offered: str, commands: dict[str, CommandHandler]
) -> list[Reply] | None:
    """Typed under the keep-going question: "less often pls" is every 4 weeks, "stop" or
    "nah" stop for now, "keep em coming" keep going. None for anything else (a question, a
    story about the week), which is read as it would be without the question."""
    if _asks_the_coach(text) or len(words(for_matching(text))) > KEEP_GOING_WORDS:
        return None  # a question, or a story that happens to hold "stop"
    ledger_id = offered.removeprefix(KEEP_GOING).strip()
    answers = replies_in(current_language()).keep_going
    said = for_matching(text)
    for action, phrases in (("monthly", answers.monthly), ("stop", answers.stop)):
        if phrases_pattern(tuple(phrases)).search(said):
            return commands["nudge"](turn, f"{action} {ledger_id}")
    if phrases_pattern(tuple(answers.keep)).search(said) or says_yes(text):
        return commands["nudge"](turn, f"keep {ledger_id}")
    return None


def _opens_with_how_it_went(text: str) -> bool:
    """ "forgot again lol. can you remind me wednesday?": how it went comes first, and is
    heard first. Not a bare yes or no ("no, can you help me write a note?")."""
    said = words(for_matching(text))
    return bool(said) and said[0] not in AMBIGUOUS_OUTCOMES and outcome_first(text) is not None


def _only(text: str, phrases: frozenset[str]) -> bool:
    return for_matching(text).strip(" .!?,") in phrases


def _typed_args(text: str, intent: str) -> str:
    """What follows the command word when the message starts with a typo of it ("nudgs on",
    "recordatorio off"): the words the educator meant for it; else nothing."""
    word, rest = split_command(text)
    names = [intent, *spanish_words_for((intent,))]
    close = difflib.get_close_matches(word, names, n=1, cutoff=TYPO_BEFORE_WORDS)
    return rest if close and rest else ""


def _heard(text: str, reading: Understanding, turn: Turn) -> str:
    """Something told, not asked ("nobody comes to our family nights"): what the coach heard
    in it, and a way to think it through (on the topic it is about, when there is one)."""
    said = replies_in(current_language()).intents
    told = what_is_told(text)  # "i'm nervous": the C it grows, `reflect confidence`
    bright = good_news_leads(text, reading.themes) or (
        told is None
        and "positive" in reading.themes
        and not set(reading.themes) - {"positive", "unsure"}
    )
    offer = said.heard_positive_offer if bright else said.heard_offer
    if told is not None and told[1].alone and told[1].answers:
        return told[1].acknowledge  # "finally friday!!": said all there is to say
    slug = reading.topic if told is None else told[1].topic
    topic = f" {slug}" if slug in turn.library.topics else ""
    # "sure" typed means `reflect`; "what should I do?" asks about this story.
    make_offer(turn.educator, heard_asked(advice_on(text, reading), f"reflect{topic}"), turn.now)
    return f"{acknowledgement(text, reading)} {offer.format(topic=topic)}"


def answer_while_listening(text: str) -> list[Reply] | None:
    """What is told right after "can you just listen": heard, and nothing offered after it;
    None for a question, a yes or a no, or words the coach must answer (a crisis), which are
    read as anywhere."""
    if asks_a_question(text) or says_yes(text) or says_no(text) or _to_the_coach(text):
        return None
    said = replies_in(current_language()).intents
    if is_non_answer(text) or len(words(for_matching(text))) <= LISTENED_ALONE_WORDS:
        return [Text(said.listened)]  # "idk": nothing to say back (had: 'Got it: "idk".')
    reading = understand(text, deficit=False)
    return [Text(f"{acknowledgement(text, reading)} {said.listened}")]


def stops_to_listen(text: str) -> bool:
    """An aside that ends the conversation: a crisis or the end of a rope ("I don't want to
    be alive anymore", "i want to quit") is answered, and the educator owes nothing (no
    question after it, nor an "ok" typed next read as an answer to one)."""
    about = _to_the_coach(text)
    return about is not None and about.any_length and not about.asks_again


def coach_language_asked(text: str) -> str | None:
    """The one language the coach is asked to speak in ("can you switch back to english",
    "puedes hablarme en español?"); None when none or two are named, or when it is named for
    others ("half my staff prefers spanish" is no choice of theirs)."""
    unwanted = _language_not_wanted(text)
    if unwanted is not None:
        # "why are you speaking spanish now?? I don't speak spanish lol": the other one (it
        # had switched to the very language refused).
        return _THE_OTHER_LANGUAGE.get(unwanted)
    typed = words(for_matching(text))
    if _a_thing_in_that_language(text):
        return None  # "I can get the spanish one done by Sra. Lopez": a card's, not the coach's
    if asks_for_advice(text):
        # "pero que le digo a ELLA, a la maestra. en ingles porfa": the words to say are in
        # that language, not the coach (it had switched to English).
        return None
    languages = _languages_in(typed)
    if len(languages) > 1:
        # "english please, i clicked spanish by accident", "puedes hablarme en español? my
        # english is fine but im tired": the one the request opens with.
        first = next(iter(clauses_of(text)), "")
        languages = _languages_in(words(for_matching(first)))
    # Whom the language is for, read in the clause that names it: "Can you switch to
    # Spanish? I want to practice before I talk to Daniela's mom" is for the educator.
    named_in = next(
        (words(for_matching(c)) for c in clauses_of(text) if _languages_in(words(for_matching(c)))),
        typed,
    )
    for_others = default_reader().names_a_family(named_in) or not OTHERS.isdisjoint(named_in)
    return languages.pop() if len(languages) == 1 and not for_others else None


# The coach speaks one of two languages: refusing one asks for the other.
_THE_OTHER_LANGUAGE = {"en": "es", "es": "en"}
# "I don't speak spanish", "why are you speaking spanish", "no hablo inglés", "¿por qué me
# hablas en inglés?": a language refused.
_NOT_WANTED = re.compile(
    r"\b(?:(?:don'?t|dont|do not|can'?t|cant|cannot) (?:speak|read|understand)|why (?:are|r) "
    r"(?:you|u) (?:speaking|talking|writing|answering|replying)(?: to me)?(?: in)?|no (?:hablo|"
    r"entiendo|leo)(?: el| en)?|por qu[eé] me (?:hablas|habla|escribes|escribe|contestas|"
    r"contesta)(?: en)?)\s+(?P<language>\w+)",
    re.IGNORECASE,
)
# "the spanish one", "a spanish version", "la versión en inglés": a thing in that language.
_A_THING_IN_IT = re.compile(
    r"\b(?:the|a|an|one) (?:english|spanish) (?:one|version|copy|card|flyer|note|letter|side)\b"
    r"|\b(?:la|una) (?:versi[oó]n|copia|nota|carta) en (?:ingl[eé]s|espa[nñ]ol)\b",
    re.IGNORECASE,
)


def _language_not_wanted(text: str) -> str | None:
    """The language the text refuses ("I don't speak spanish"), as a code, or None."""
    found = _NOT_WANTED.search(text)
    return None if found is None else language_named(found["language"].casefold())


def _a_thing_in_that_language(text: str) -> bool:
    return _A_THING_IN_IT.search(text) is not None


# Quote marks around what someone else said (not an apostrophe: "Mateo's").
_QUOTE_MARK = re.compile(r"[\"“”«»]")


def _thanks_of_a_family(text: str, typed: list[str]) -> bool:
    """The thanks in the message is a family's, told: a family member told of as saying or
    writing it ("mom wrote back..."), or the thanks in quotes."""
    quoted = len(_QUOTE_MARK.findall(text)) >= QUOTE_MARKS_AROUND
    return len(typed) > THANKS_ALONE_WORDS and (quoted or family_told_something(text))


# A thanks of this many words or fewer is the educator's own ("thanks so much!!").
THANKS_ALONE_WORDS = 4
QUOTE_MARKS_AROUND = 2


def _hello_then_nothing_to_answer(text: str) -> bool:
    """A hello first, then only words about coming here ("a colleague mentioned this might
    help"), with no family, worry or request in them."""
    sentences = sentences_of(text)
    if len(sentences) < 2 or not default_reader().cued(sentences[0], "greeting"):
        return False  # (the cue first: most long messages open with no hello at all)
    if understand(sentences[0], deficit=False).intent != "greeting":
        return False
    rest = " ".join(sentences[1:])
    reading = understand(rest, deficit=False)
    return (
        reading.intent in _NOT_A_HELLO_AFTER | {"greeting", "help", UNKNOWN}
        and set(reading.themes) <= {"unsure"}
        and default_reader().situation(rest) is None
        and not default_reader().names_a_family(words(for_matching(rest)))
    )


# What a hello followed by words about coming here can be read as, whole.
_NOT_A_HELLO_AFTER = frozenset({"frustration", "unknown", "thanks", "question"})


def _a_pause_of_the_nudges(matched: str, typed: list[str]) -> bool:
    """A pause asked of what the coach sends: the nudges named ("no reminders til..."), or,
    in a few words, a pause with nothing else to pause ("pause them till 1/5")."""
    named = (
        nudge_words_in(matched)
        or not _NUDGE_NOUNS.isdisjoint(typed)
        or SENDS_NOTHING.search(matched) is not None
    )
    paused = typed[:1] in (["pause"], ["pausa"], ["hold"]) and len(typed) <= 8
    # "skip next week please" (a bare "skip, ..." under a nudge is that week's nudge skipped)
    skipped = typed[:1] == ["skip"] and "next week" in matched and len(typed) <= 8
    return named or paused or skipped


def _a_whole_time_asked(turn: Turn, text: str, matched: str, typed: list[str]) -> bool:
    """A day and its hour asked of the coach: to be reminded then, or (nudges on) to move
    them there; never a task reminder, nor a day told about a family."""
    named = schedule_named(text)
    if named is None or named.weekday is None or named.at is None:
        return False
    if TASK_REMINDER.search(matched) or default_reader().names_a_family(typed):
        return False
    if _REMIND_ME.search(matched):
        return True
    subscription = subscription_of(turn.session, turn.educator.id)
    return subscription is not None and subscription.enabled and bool(_CHANGE_WORDS.search(matched))


# Asked to be reminded: "remind me", "quiero q me recuerdes", "recuérdame", "mándame".
_REMIND_ME = re.compile(
    r"\b(?:remind me|ping me|nudge me|message me|recu[eé]rdame|me recuerdes|me recuerde|"
    r"recordarme|m[aá]ndame|me mandes|me mande|av[ií]same|me (?:puedes|puede|podr[ií]as) "
    r"(?:mandar|enviar|recordar))\b"
)


# Words that ask for another time than the one just set: "actually can it be like 9pm, kids
# are asleep by then", "mejor a las 8".
_ASKS_ANOTHER = re.compile(
    r"\b(?:can it be|could it be|can we do|could we do|actually|instead|rather|"
    r"puede ser|mejor|m[aá]s bien|en vez)\b"
)


# Words that ask for a setting to change: "change my nudges to fridays", "cambia los
# recordatorios para los lunes", "move the reminders".
_CHANGE_WORDS = re.compile(
    r"\b(?:change|move|switch|set|make|cambia|cambie|cambiar|pasa|pase|mueve|mueva|pon|ponga)\b"
)


# What the coach sends, by the words educators use for it.
_NUDGE_NOUNS = frozenset(
    ["nudge", "nudges", "reminder", "reminders", "recordatorio", "recordatorios", "pings"]
)


def _after_lead_in_sentences(text: str) -> str | None:
    """What follows sentences that only lead in ("Okay.", "Never mind.", "Anyway,": intents.yaml
    `opening-fillers`), when a sentence of its own follows them; None when none lead in."""
    sentences = sentences_of(text)
    lead = 0
    fillers = default_reader().opening_fillers
    while lead < len(sentences) - 1 and set(words(for_matching(sentences[lead]))) <= fillers:
        lead += 1
    return " ".join(part.strip() for part in sentences[lead:]) if lead else None


def _language_asked_first(text: str) -> str | None:
    """The language asked for in a message's first clause, when that clause asks it of the
    coach in so many words ("can you switch to spanish?") and later ones tell more."""
    if not _languages_in(words(for_matching(text))):
        return None  # (no language named: most messages)
    clauses = clauses_of(text)
    if len(clauses) < 2 or not default_reader().cued(clauses[0], "language"):
        return None
    return coach_language_asked(clauses[0])


def _another_language_named(matched: str) -> str | None:
    """A language the coach does not speak, named in the message ("haitian creole")."""
    names = default_understanding().intents.sets.get("coach-languages", [])
    found = phrases_pattern(tuple(names)).search(matched)
    return None if found is None else found[0]


# "do you know any swahili?", "can u speak arabic": what the coach speaks, asked.
_ASKS_WHAT_THE_COACH_SPEAKS = re.compile(
    r"^\W*(?:do|can|could) (?:you|u) (?:know|speak|talk|write|read|understand)\b"
)


def _languages_in(typed: list[str]) -> set[str]:
    return {name for word in typed if len(word) > 2 and (name := language_named(word))}  # no "en"


def aside_in_flow(text: str, profiles: ProfileWords) -> str | None:
    """The reply to a short aside typed where a guided conversation wants words, or None
    when the text is an answer. Nothing of an aside is saved as an answer or an action, so
    an aside is only what could not be one: thanks or a hello and nothing else ("thank the
    volunteers" and "say hi to dad at pickup" are actions), "I'm a counselor", a question
    about the framework ("learn about their culture" is an action)."""
    said = for_matching(text).split()
    about = _to_the_coach(text)
    if about is not None and about.any_length:  # a child who may be unsafe: that first
        return about.answer
    if _opens_an_aside(text) and (
        "?" in text or "¿" in text or _asks_the_coach(text) or _opener_asks(text)
    ):
        # "wait, random q: a dad recorded our whole meeting, what do i do next time?", "sorry
        # side question - mom says shes coming in tomorrow... how do i handle that" (asked:
        # "btw i called grandma and she was thrilled" is still an answer)
        # Read without its opener, which says nothing of the situation ("sorry side question -
        # mom says shes coming in tomorrow to 'have words'...": the opener had made the model
        # too unsure of an angry parent to answer).
        asked = _after_the_opener(text)
        situation = situation_aside(asked)
        if situation is not None:
            return situation
        told = what_is_told(asked)
        if told is not None and told[1].answers:
            return told[1].acknowledge  # "quick q, ...moving into a shelter, who do i tell"
    if about is not None and about.aside and len(said) <= (about.most_words or ASIDE_WORDS):
        # "why does this app keep asking me the same question every week": as long as its
        # entry allows (it had been kept as the answer past ASIDE_WORDS).
        return about.answer
    if len(said) > ASIDE_WORDS:
        return None
    # "wait is this private?", and "sorry, long day" (said in passing, whatever is asked).
    if about is not None and (about.aside or asks_a_question(text)):
        return about.answer
    reading = understand(text, deficit=False)
    replies = replies_in(current_language()).intents
    bare = [word.strip(".,!?¡¿") for word in said if word.strip(".,!?¡¿")]
    if reading.intent in ("thanks", "greeting") and all(w in SMALL_TALK_WORDS for w in bare):
        return pick(replies.thanks, text) if reading.intent == "thanks" else replies.aside_greeting
    if (
        reading.intent == "thanks"
        and not THANKS_WORDS.isdisjoint(bare)
        and not reading.themes
        and not default_reader().names_a_family(bare)
    ):
        # "thank you this actually helped", "gracias, de verdad me sirve esto": thanks, with
        # nothing of the week in it (it had been saved as the week's action). A word of thanks
        # as typed: "the garcias again" is read as thanks by the typo fixer, and is a plan.
        return pick(replies.thanks, text)
    if reading.intent == "profile" and _says_own_role(bare):
        return _role_aside(profiles, text)
    # A topic the words name, or a framework word: "qué significa" alone leans to a topic
    # (it had been sent to `learn outcomes`), and asks what the question means.
    named = reading.topic is not None and default_reader().names_a_topic(text)
    about_framework = named or FRAMEWORK_WORDS & set(bare)
    if reading.intent == "learn" and about_framework and asks_a_question(text):
        topic = f" {reading.topic}" if reading.topic else ""
        return replies.aside_learn.format(topic=topic)
    return None


def _note_to_self(matched: str) -> re.Match[str] | None:
    """Where a note to oneself is named ("note to self: never on a friday again", "nota para
    mí"), by the told entry `note_to_self`'s words: never a note home to write, a nudge setting
    or a thanks (each had answered one)."""
    entry = replies_in(current_language()).told.get("note_to_self")
    return None if entry is None else phrases_pattern(tuple(entry.words)).search(matched)


def _reminder_for_families(text: str, typed: list[str]) -> bool:
    """ "recordatorio de vacunas para papás", "reminder for parents about picture day": the
    reminder word, then what it is of or for, and families named ("nudges about families who
    speak spanish" is a focus for the nudges, and stays one)."""
    return (
        len(typed) > 2
        and typed[0] in REMINDER_WORDS
        and typed[1] in OF_OR_FOR
        and default_reader().names_a_family(typed)
    )


# Openers that say a question follows ("quick q, a family told me theyre moving into a
# shelter next week, who do i tell": asked, with no question mark).
QUESTION_OPENER_WORDS = frozenset(["q", "question", "pregunta"])


def _opener_asks(text: str) -> bool:
    found = _aside_opener(text)
    return found is not None and not QUESTION_OPENER_WORDS.isdisjoint(
        found.group(0).lower().split()
    )


def _after_the_opener(text: str) -> str:
    """The text after an aside's opener among its first words ("quick q, a family told me
    ..." -> "a family told me ..."); the text as typed when none is found."""
    found = _aside_opener(text)
    return text if found is None else text[found.end() :].lstrip(" -:,.!?") or text


def _aside_opener(text: str) -> re.Match[str] | None:
    """Where an aside's opener ends among the text's first words, matched on the text as
    typed (a case-folded copy may differ in length, and its positions would not fit)."""
    openers = replies_in(current_language()).intents.aside_openers
    return _opener_pattern(tuple(openers)).search(text)


@lru_cache(maxsize=4)
def _opener_pattern(openers: tuple[str, ...]) -> re.Pattern[str]:
    words = rf"(?:\S+\s+){{0,{ASIDE_OPENING_WORDS - 1}}}?"
    return re.compile(rf"^\W*{words}(?:{alternation(openers)})\b", re.IGNORECASE)


def _opens_an_aside(text: str) -> bool:
    """ "random q", "btw", "pregunta rápida" among a message's first words: what follows is
    beside the conversation, not an answer to it."""
    openers = replies_in(current_language()).intents.aside_openers
    opening = " ".join(words(for_matching(text))[:ASIDE_OPENING_WORDS])
    return phrases_pattern(tuple(openers)).search(opening) is not None


def _at_the_coach(text: str, at_coach_words: list[str]) -> bool:
    """ "this bot is useless", "wtf is this": aimed at the coach, not at a heavy week (which
    the `time` theme names: "this is pointless, I'm drowning"), nor at what a long story
    tells ("this girl's mom is going to say the policy is sexist"), nor at what a pointing
    word names ("this job is killing me")."""
    said = words(for_matching(text))
    intents = replies_in(current_language()).intents
    aimed = {for_matching(word) for word in at_coach_words}
    pointers = {for_matching(word) for word in intents.at_coach_pointers}
    if len(said) > POINTING_MOST_WORDS:
        aimed -= pointers
    then = {for_matching(word) for word in intents.at_coach_pointer_then} | aimed
    return any(
        word in aimed and (word not in pointers or at + 1 == len(said) or said[at + 1] in then)
        for at, word in enumerate(said)
    )


# What a role does not have, said: "i dont have conferences", "i'm not a teacher".
_NOT_MINE_SAID = re.compile(
    r"\b(?:don'?t|dont|do not|never) (?:have|teach|do)\b|\bnot a (?:teacher|classroom)\b"
    r"|\bno (?:class|classroom|conferences)\b|\bno (?:tengo|doy) (?:clase|salón|salon)",
    re.IGNORECASE,
)


def _role_said_in_passing(turn: Turn, text: str) -> list[Reply]:
    """ "im a counselor, how do i get families to trust me...": the question is answered, and
    a role the profile does not hold yet is offered to set (one tap), as when said alone."""
    said = for_matching(text).split()
    role = turn.library.profiles.role_in(text)
    if not _says_own_role(said) or role is None or role.value == turn.educator.role:
        return []
    return offer_role(turn, text)


def _someone_else_s_role(matched: str, typed: list[str]) -> bool:
    """A role word that is someone else's ("to the principal", "my counselor"), in a message
    where the educator names no role of their own ("as a principal", "im the AP")."""
    own = bool(SELF_WORDS & set(typed)) or _AS_A_ROLE.search(matched) is not None
    return not own and _OTHERS_ROLE.search(matched) is not None


_AS_A_ROLE = re.compile(r"\b(as an?|como)\s")
_OTHERS_ROLE = re.compile(
    r"\b(to the|the|my|our|his|her|their|al|la|el|mi|nuestra|nuestro)\s+"
    r"(new\s+|nueva\s+|nuevo\s+)?(principal|ap|assistant principal|vice principal|counselor"
    r"|superintendent|director|directora)\b"
)


def _says_own_role(words: list[str]) -> bool:
    """ "im a counselor", "I'm the AP", "soy maestra": the educator's own role, said alone."""
    return bool(words) and (words[0] in SELF_WORDS or words[:2] == ["i", "am"])


def greet(turn: Turn) -> list[Reply]:
    """Hello back, and one thing to do next: the action still waiting for a check-in, if
    there is one, or else, for someone who has not said who they are, the first hello's
    question (once; it waits for a hello with nothing pending)."""
    said = replies_in(current_language()).intents
    lines = [pick(said.greeting, turn.educator.user_id)]
    pending = action_awaiting_check_in(turn)
    if pending is None:
        return [Text(" ".join(lines)), *first_hello(turn)]
    action = turn.sealer.unseal(pending.action)
    ahead = day_still_ahead(action, pending.created_at, turn.now, educator_zone(turn))
    if ahead is not None:
        lines.append(said.greeting_day_ahead.format(action=action.rstrip("."), day=ahead))
        return [Text(" ".join(lines))]
    if turn.now - pending.created_at >= CHECK_IN_AFTER:
        # A week on: asked right here, as the journal asks, and the answer read as one.
        return [Text(" ".join(lines)), ask_how_it_went(turn, pending)]
    lines.append(said.greeting_pending.format(action=action))
    make_offer(turn.educator, "reflect", turn.now)
    return [Text(" ".join(lines))]


def _note_asked_for_an_everyday_situation(text: str) -> bool:
    """ "can u help me write a text to marcus's grandma... need her to sign off on credit
    recovery... she only texts": a note asked for in so many words, about a situation with
    nothing delicate in it, is the note (it had been the card for hard news, "Call or meet
    rather than write"); a death or a report keeps its own answer, a sample note in it."""
    if not default_reader().cued(text, "draft"):
        return False
    name = default_reader().situation(text, SITUATION_OVER_TOLD)
    situations = situations_in(current_language()).situations
    return name is None or (name in situations and situations[name].nearest)


def _draft_begun(turn: Turn, text: str, commands: dict[str, CommandHandler]) -> list[Reply]:
    """A note home begun, at its purpose when the request names one; a note to a colleague
    ("help me write an email to my principal") is said plainly not to be one."""
    if for_a_colleague(text):
        return [Text(str(drafts_said.NOT_FOR_STAFF))]
    if writes_it_themselves(text):
        # "ill write it myself", after a draft was done: nothing begun (it had begun another).
        return [Text(str(drafts_said.WRITING_IT_THEMSELVES_UNASKED))]
    purpose = purpose_in(text)
    if purpose is None:
        not_offered = language_not_offered(text)  # "can you write a note in vietnamese"
        return [*([Text(not_offered)] if not_offered else []), *commands["draft"](turn, "")]
    return start_draft(turn, purpose.value, heard=True, request=text)


def _draft_asked_in(text: str) -> bool:
    """A sentence of a message the intents do not name as a whole asks for a note home by
    itself ("can you give me a script for the call? i get nervous")."""
    sentences = [part.strip() for part in _SENTENCES.findall(text) if part.strip()]
    return len(sentences) > 1 and any(
        understand(sentence, deficit=False).intent == "draft" for sentence in sentences
    )


def _question_in(text: str) -> str | None:
    """The how-to question inside a weary message ("ugh long day. how do i get parents to
    come to conferences"), when one of its sentences reads as one by itself; None for a
    rhetorical "why do i even bother"."""
    sentences = [part.strip() for part in _SENTENCES.findall(text) if part.strip()]
    for sentence in reversed(sentences[1:]):  # a sentence after the weariness
        if (
            len(words(for_matching(sentence))) >= QUESTION_WORDS
            and asks_a_question(sentence)
            and understand(sentence, deficit=False).intent == "question"
        ):
            return str(sentence)
    return None


def _themed_question(turn: Turn, text: str, reading: Understanding) -> list[Reply]:
    """ "what do I do about a mom who never answers?": no part of the framework named, but
    what is in the way is: heard, with two of the actions written for it (the two closest to
    the question) when it has some, and the way into a reflection. Empty with no theme."""
    replies = replies_in(current_language())
    # The theme model learned from answers and statements, and vetoes cues in a question
    # ("how do i get parents to actually come to conferences" names families not coming);
    # asked outright, the cue's words are evidence enough for which tries to offer.
    found = reading.themes or tuple(t for t in ACK_ORDER if t in reading.cued)
    # A bright spot's tries ("tell the family exactly what went well") do not answer a how-to
    # ("how do i say no to a parent who wants to volunteer every day"; "any ideas for getting
    # more dads involved?" had got them).
    found = tuple(t for t in found if t not in ASKED_NOT_TOLD or _told_beside(text, t))
    theme = hardest_theme(found)
    if theme is None:
        return []
    reading = replace(reading, themes=found)
    lines = [acknowledgement(text, reading)]
    command = "reflect"
    if theme in replies.theme_actions:
        actions = replies.theme_actions[theme]
        shown = closest_indices(text, actions, QUESTION_PRACTICE_LINES)
        lines += [replies.intents.question_themed_try, *(f"• {actions[n]}" for n in shown)]
        # "what should i say to her next time?" next gets two more, or where to start.
        command = advised(f"{THEME_ADVICE}:{theme}:{','.join(map(str, shown))}", command)
    lines += ["", replies.intents.heard_offer.format(topic="")]
    make_offer(turn.educator, command, turn.now)
    return [Text("\n".join(lines))]


def _told_beside(text: str, theme: str) -> bool:
    """ "how do i keep this going? mom finally answered my text today!": the theme is in a
    sentence that tells, beside the question (not in the question's own words)."""
    openers = default_reader().question_openers
    for part in _SENTENCES.findall(text):
        said = words(for_matching(part))
        if not said or said[0] in openers or asks_a_question(part):
            continue  # "como respondo a un papá que...": asked, whatever its words
        if theme in understand(part, deficit=False).themes:
            return True
    return False


def _role_aside(profiles: ProfileWords, text: str) -> str:
    """ "I'm a counselor" mid-reflection: how to set it once this is done."""
    role = profiles.role_in(text)
    if role is None or profiles.works_beside(text):  # "im a para": not told they're a teacher
        return str(profile_said.OFFER_ASIDE_UNCLEAR)
    described = profiles.roles[role].described
    return profile_said.OFFER_ASIDE.format(described=described, role=role.value)


def _question(turn: Turn, reading: Understanding, text: str) -> list[Reply]:
    said = replies_in(current_language()).intents
    # "how do i get parents to actually come to conferences" names families not coming, which
    # the theme's tries answer; a situation near it ("getting ready for conferences") must be
    # surer than that.
    silence = bool(reading.cued & CUED_BEFORE_SITUATIONS)
    situation = situation_answer(
        turn, text, sure=SITUATION_OVER_TOLD if silence else SITUATION_CONFIDENCE
    )
    if situation:
        # "a dad wants to volunteer in my room every day, how do i say no nicely": the
        # situation's own answer says more than the part of the framework it touches.
        return situation
    slug = reading.topic
    if slug in turn.library.topics:
        topic = turn.library.topics[slug]
        lines = _practice_for(turn, text, topic)
        practice = [f"• {line}" for line in closest_lines(text, lines, QUESTION_PRACTICE_LINES)]
        if lines == list(topic.in_practice):
            # "ok but how?" next gets where to start: the first of these lines.
            shown = ",".join(map(str, closest_indices(text, lines, QUESTION_PRACTICE_LINES)))
            advice = f"{TOPIC_ADVICE}:{slug}:{shown}"
            make_offer(turn.educator, advised(advice, f"reflect {slug}"), turn.now)
        summary, title = topic.summary, topic.title
    elif slug in turn.library.learn_only:
        learn_only = turn.library.learn_only[slug]
        practice, summary, title = [], learn_only.summary, learn_only.title
    elif what_is_told(text) is not None:
        # "idk why but conferences always make me feel like im the one being graded": what
        # it tells (nerves) is the answer, not the general one.
        return [Text(_heard(text, reading, turn))]
    else:
        return _themed_question(turn, text, reading) or nearest_answer(turn, text)
    told = what_is_told(text)  # "...but i don't feel comfortable going to homes, is that ok?"
    if told is not None and told[1].alone:
        # "...there's a custody thing going on and he's not supposed to have contact. what do
        # I do?": its own answer says it all (a framework section and "call the family back"
        # after it had muddied a records question).
        return [Text("\n".join([told[1].acknowledge, "", said.question_more.format(slug=slug)]))]
    opening = [] if told is None else [told[1].acknowledge, ""]
    lines = [*opening, said.question_intro.format(topic=title), summary, *practice]
    lines += [*_theme_try(text, reading), "", said.question_more.format(slug=slug)]
    return [Text("\n".join(lines))]


def _practice_for(turn: Turn, text: str, topic: NudgeTopic) -> list[str]:
    """What the topic looks like in practice, for the one asking: a school leader, counselor
    or liaison (in their profile, or said in the question: "im a new principal, where do i
    start") gets the topic's small steps written for their role, where it has at least two
    (its general lines assume a classroom: "Asking your principal..."); anyone else, its
    general lines."""
    role = profile_of(turn.educator).role
    said = turn.library.profiles.role_in(text)
    if said is not None and _says_own_role(for_matching(text).split()):
        role = said
    if role is None or role is Role.TEACHER:
        return list(topic.in_practice)
    theirs = [action.text for action in topic.quick_actions if role in action.roles]
    return theirs if len(theirs) >= QUESTION_PRACTICE_LINES else list(topic.in_practice)


def _theme_try(text: str, reading: Understanding) -> list[str]:
    """ "how do i get my newcomer families to trust me, most of them speak dari": the topic's
    practice answers the question; what is in the way (language) gets one try of its own."""
    replies = replies_in(current_language())
    theme = next(
        (
            t
            for t in ACK_ORDER
            if t in reading.themes
            and t in replies.theme_actions
            and (t not in ASKED_NOT_TOLD or _told_beside(text, t))
        ),
        None,
    )
    if theme is None:
        return []
    [tried] = closest_lines(text, replies.theme_actions[theme], 1)
    return [replies.intents.question_theme_also.format(action=tried[:1].lower() + tried[1:])]
