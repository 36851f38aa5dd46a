"""Pydantic models for content/understanding/: intents, themes, topic cues and replies.

replies.yaml is written in every language the coach speaks (content/languages.py): loading
reads it in one language, English for `load_understanding`, any for `replies_in`.

Loading compiles every cue with the reframe pattern language (content/reframe_patterns.py),
so a cue that cannot be read fails `coach content check` with its place named.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Self

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from content.languages import DEFAULT_LANGUAGE, MissingLanguage, in_language
from content.reframe_patterns import PatternCompiler, PatternError
from content.schema import FamilyContext
from content.situations_schema import load_situations, situation_examples, situation_faults
from content.text_model_schema import (
    ACTION_QUESTION_EXAMPLES_PATH,
    ACTION_QUESTION_MODEL_PATH,
    INTENT_MODEL_PATH,
    NO_ACTION_QUESTION,
    NO_REFLECTION_ASIDE,
    PLAN_MODEL_PATH,
    REFLECTION_ASIDE_EXAMPLES_PATH,
    REFLECTION_ASIDE_MODEL_PATH,
    REFLECTION_ASIDES,
    SITUATION_MODEL_PATH,
    THEME_EXAMPLES_PATH,
    THEME_MODEL_PATH,
    TOPIC_MODEL_PATH,
    Examples,
    action_question_examples,
    intent_examples,
    model_faults,
    plan_examples,
    reflection_aside_examples,
    theme_examples,
    theme_training_examples,
    topic_examples,
)
from content.topic_names import ALL_TOPICS
from content.understanding_cues import CueCompiler

UNDERSTANDING_DIR = Path(__file__).parent / "understanding"
# The C loader where PyYAML has it: about ten times faster on these files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INTENTS = (
    "help", "learn", "reflect", "journal", "nudges", "assess", "reframe", "draft", "profile",
    "language", "export", "forget", "cancel", "greeting", "thanks", "frustration", "question",
)  # fmt: skip
THEMES = ("time", "no-response", "language", "conflict", "positive", "unsure")
BARRIERS = ("no_time", "no_reply", "language", "not_fit", "forgot", "other")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cued(_Strict):
    cues: list[str] = Field(min_length=1)


class IntentEntry(Cued):
    examples: list[str] = Field(min_length=3)
    # A message of nothing but one of these emoji means this intent ("👋" greets).
    emoji: list[str] = Field(default_factory=list)


class Overruling(_Strict):
    """Words that look like a theme's cues but say something else, and the theme they say:
    "3 parent emails i haven't answered" is the educator's backlog (`time`), not a family's
    silence (`no-response`). With no `theme`, the words only rule the theme out."""

    theme: str | None = None
    cues: list[str] = Field(min_length=1)


class ThemeCues(Cued):
    # Cues that count only in a short text: "maybe", "ok", "pass" are a non-answer on their
    # own and mean nothing inside a paragraph.
    short: list[str] = Field(default_factory=list)
    overruled_by: Overruling | None = None
    # Words that rule the theme out of the whole message, wherever its cues are: "I speak
    # Vietnamese, so no interpreter needed" is no family's language barrier to offer help with.
    ruled_out_by: list[str] = Field(default_factory=list)


class TopicCues(Cued):
    words: list[str] = Field(min_length=1)
    # Messages about this part of the framework that need not name it: the topic model
    # learns from them (content/text_model_schema.py).
    examples: list[str] = Field(default_factory=list)


class IntentFile(_Strict):
    version: int
    sets: dict[str, list[str]]
    priority: list[str]
    intents: dict[str, IntentEntry]
    # Messages about none of the intents ("whats the wifi password"): the intent model learns
    # from them what `unknown` looks like, so it does not force every message into an intent.
    off_topic: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> Self:
        missing = [name for name in INTENTS if name not in self.intents]
        unknown = [name for name in self.intents if name not in INTENTS]
        if missing or unknown:
            raise ValueError(f"intents missing {missing}, unknown {unknown}")
        if sorted(self.priority) != sorted(INTENTS):
            raise ValueError("priority must list every intent exactly once")
        return self


class ThemeFile(_Strict):
    version: int
    sets: dict[str, list[str]]
    themes: dict[str, ThemeCues]

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if sorted(self.themes) != sorted(THEMES):
            raise ValueError(f"themes must be exactly {list(THEMES)}")
        for name, entry in self.themes.items():
            overruled = entry.overruled_by
            if overruled and overruled.theme is not None and overruled.theme not in THEMES:
                raise ValueError(f"{name}.overruled_by.theme must be one of {list(THEMES)}")
        return self


class TopicFile(_Strict):
    version: int
    topics: dict[str, TopicCues]
    # Messages about family engagement in general, no one part of it: the topic model's `none`.
    general: list[str] = Field(default_factory=list)


class Stuck(_Strict):
    intro: str
    example: str
    starter: str
    easier: str
    skip: str
    examples: list[str] = Field(min_length=2)
    starters: list[str] = Field(min_length=2)
    easier_questions: list[str] = Field(min_length=2)
    action_help: str
    not_an_action: str
    # "what do you mean by two way?", "can u give an example of what that would be?": the
    # question asked back, at any length up to `asked_back_words`.
    asked_back: list[str] = Field(min_length=1)
    asked_back_words: int = 25
    # "does a phone call count as two-way?": asked whether something counts, answered (any
    # honest example does) before the question is asked again, rather than an example.
    counts_words: list[str] = Field(min_length=1)
    what_counts: str
    # "like do i just type what happened": how to answer a reflection's question, asked.
    how_to_answer_words: list[str] = Field(min_length=1)
    how_to_answer: str
    # "is it ok if i talk about more than one family?": asked before answering.
    several_words: list[str] = Field(min_length=1)
    several: str


class IntentReplies(_Strict):
    greeting: list[str] = Field(min_length=1)
    thanks: list[str] = Field(min_length=1)
    # Praise or eagerness with no thanks in it ("love this", "dying to try the coffee hour").
    praise: list[str] = Field(min_length=1)
    frustration: list[str] = Field(min_length=1)
    frustration_at_coach: list[str] = Field(min_length=1)
    at_coach_words: list[str] = Field(min_length=1)
    at_coach_pointers: list[str] = Field(min_length=1)
    at_coach_pointer_then: list[str] = Field(min_length=1)
    draft_in_reflection: str
    forget_pointer: str
    aside_learn: str
    aside_greeting: str
    aside_back_again: str
    aside_openers: list[str] = Field(min_length=1)
    advice_asks: list[str] = Field(min_length=1)
    # A last sentence that asks the coach to choose or to allow ("should i call back tonight",
    # "is that ok??", "a quien le aviso?"), matched at its start; and the words that, last in
    # a message, ask for help with what it told ("...not on the emergency card. help").
    leave_or_choice_asks: list[str] = Field(min_length=1)
    help_at_the_end: list[str] = Field(min_length=1)
    # "ok but how?", "like what?" right after a story was heard: asked about that story.
    follow_up_asks: list[str] = Field(min_length=1)
    # Before the tries kept for a story heard, when "what should I do?" follows it.
    heard_then_tries: str
    # After what was told while only listening: no offer, no task.
    listened: str
    # "what do you mean?" with nothing the coach still holds to explain.
    what_i_meant: str
    # "and if he still doesn't answer?" after them: before two more of the theme's actions.
    heard_more_tries: str
    heard_one_more_try: str
    # "what would you do first?", "which one?" after things to try were given.
    start_asks: list[str] = Field(min_length=1)
    # ...answered with the first of them, {step}, and the ways to begin ({topic}: " SLUG").
    start_with: str
    # ...and asked with nothing given to choose from.
    which_one_unheld: str
    # "i already tried all of those" after them: more, or (none left) another messenger.
    tried_already_words: list[str] = Field(min_length=1)
    tried_them_all: str
    leave_words: list[str] = Field(min_length=1)
    aside_situation_after: str
    # What the weekly nudges are for, and that they come only in this chat.
    nudges_what_for: str
    asked_again: str  # a question asked again after a reply that missed it
    same_again: str  # "thats the same answer you gave me": the repeat owned
    same_again_tell: str  # ...and nothing added: what did not fit, asked
    only_telling: str  # news taken for a question, said so; how it went asked
    only_telling_heard: str  # the same with no action waiting
    which_hour: str  # {hour}, {am}, {pm}: an hour said with no morning or evening
    nudges_only_here: str
    pause_when_back: str
    # A pause asked for a funeral or a death ("can you skip next weeks reminder? funeral is
    # thursday"): `loss_heard` leads the pause.
    loss_words: list[str] = Field(min_length=1)
    loss_heard: str
    # After a told answer given beside a reflection's question, before it is asked again.
    aside_back: str
    # A question about a family asked at a reflection's question with nothing ready for it:
    # kept, and answered when the reflection ends (`asked_kept_then` leads that answer).
    # A question announced ("can i ask something", "quick question") or asking whether
    # something was normal or wrong, typed at a reflection's question: never its answer.
    question_announced: list[str] = Field(min_length=1)
    asked_if_normal: list[str] = Field(min_length=1)
    asked_kept_for_later: str
    # A note home asked for at a reflection's question: written with them when it ends.
    draft_kept_for_later: str
    draft_kept_then: str
    asked_kept_then: str
    greeting_pending: str
    # "i dont have conferences. im the nurse": said outside a conversation.
    role_assumed: str
    # {action}, {day}: a hello before the day the action is planned for.
    greeting_day_ahead: str
    short_reply: list[str] = Field(min_length=1)
    # Told right after a safety answer: the educator's own crisis, or another's.
    told_more_crisis: str
    told_more_weary: str
    told_more_safety: str
    # ...and told it is over ("SRO walked him out... I'm shaking a little"): heard as over.
    safe_now_words: list[str] = Field(min_length=1)
    told_more_safe_now: str
    # A story told on in a second message, with nothing of its own to read.
    story_continued: str
    heard_offer: str
    role_and_question: str
    heard_positive_offer: str
    question_intro: str
    question_more: str
    question_themed_try: str
    situation_tries: str
    weary_then_question: str
    weary_then_situation: str
    question_theme_also: str
    question_general: str
    question_nearest: str
    question_nearest_more: str
    question_nearest_more_plain: str
    mixed: str
    task_reminder: str


class CheckIn(_Strict):
    done: list[str] = Field(min_length=1)
    what_worked: str
    what_worked_skip: str
    what_worked_heard: str
    # "honestly I don't know what made it work, can you tell me?": asked back, answered.
    what_worked_asked: str
    # Told just after a check-in said done, why it worked ("porque fue en español y no por la
    # oficina"): found by its opening, kept with how it went, and said back.
    reason_openers: list[str] = Field(min_length=1)
    reason_kept: str
    step_up: str
    barrier_question: str
    other_question: str
    other_skip: str
    barriers: dict[str, str]
    barrier_replies: dict[str, str]
    done_since_words: list[str] = Field(min_length=1)
    phone_tag_words: list[str] = Field(min_length=1)
    phone_tag_reply: str
    answered_after_all_reply: str
    # "the number was wrong", "the email bounced": the message never reached the family.
    wrong_contact_words: list[str] = Field(min_length=1)
    wrong_contact_reply: str
    # "the family moved away", "mom is in the hospital": nothing to carry into the week.
    gone_words: list[str] = Field(min_length=1)
    gone_reply: str
    # "done! also can you help me write a note to invite families...": a request at "What
    # made it work?", answered, not kept as the note.
    draft_asked: str
    partly_reply: str
    # A death told at the check-in: heard, the step set aside, nothing carried or asked.
    death_words: list[str] = Field(min_length=1)
    death_reply: str
    # No time, for a step that is no call ("answer parent email only tues and thurs", "no
    # contestar whatsapp después de las 8"): a smaller version, not "a message instead of a
    # call". `call_words` find a call in the step.
    call_words: list[str] = Field(min_length=1)
    no_time_not_a_call: str
    upset_words: list[str] = Field(min_length=1)
    hard_moment_reply: str
    typed_outcomes: dict[str, list[str]]
    done_only_when_asked: list[str] = Field(min_length=1)
    # Words of `partly` that often only soften ("kinda made my week"): with a done word
    # beside them, it went.
    hedges: list[str]
    others_said: list[str]
    contrasts: list[str] = Field(min_length=1)
    negations: list[str] = Field(min_length=1)
    forgot_words: list[str]
    # "can you remind me wednesday?": a reminder asked for beside how it went.
    reminder_words: list[str]
    reminder_how: str
    reminder_off: str
    no_time_words: list[str] = Field(min_length=1)
    replied_words: list[str] = Field(min_length=1)
    not_sent_words: list[str] = Field(min_length=1)
    not_sent_reply: str
    not_fit_words: list[str] = Field(min_length=1)
    carry_over_question: str
    outcome_unclear: str
    carry_same: str
    carry_smaller: str
    carry_no: str
    typed_carry: dict[str, list[str]]
    carry_heard: str
    carry_kept: str
    carry_planned: str
    smaller_question: str
    refers_back: list[str] = Field(min_length=1)
    smaller_of: str
    smaller_not_yet: str
    let_go: str
    # "not this week, its in january. can u remind me in jan?": a reminder for a later month.
    later_month: str

    @model_validator(mode="after")
    def _every_barrier(self) -> Self:
        if sorted(self.typed_outcomes) != sorted(("done", "partly", "not_yet")):
            raise ValueError("typed_outcomes must be exactly done, partly, not_yet")
        if sorted(self.typed_carry) != sorted(("same", "smaller", "no")):
            raise ValueError("typed_carry must be exactly same, smaller, no")
        for field_name in ("barriers", "barrier_replies"):
            keys = sorted(getattr(self, field_name))
            if keys != sorted(BARRIERS):
                raise ValueError(f"{field_name} must be exactly {list(BARRIERS)}")
        return self


class Named(_Strict):
    acknowledge: list[str] = Field(min_length=1)
    learned: list[str] = Field(min_length=1)
    learned_from_unnamed: str
    tellers: list[str] = Field(min_length=1)
    told_words: list[str] = Field(min_length=1)
    family_words: list[str] = Field(min_length=1)
    not_owners: list[str]
    not_names: list[str]


class OwnPlan(_Strict):
    """Words that find a step the educator names in an answer (bot/understanding/own_plan.py)."""

    first_is_yours: str
    openers: list[str] = Field(min_length=1)
    others: list[str]
    negations: list[str]
    not_steps: list[str]
    cuts: list[str]
    fillers: list[str]
    note_verbs: list[str]
    reports: list[str] = Field(min_length=1)
    report_heard: str
    not_a_step: str
    too_thin: str  # {step}: a step's verb with nothing beside it
    # {day}: a day typed over the options alone ("tuesday nights like 8:30"): kept for the step.
    day_only: str
    not_that_one: str  # said against an option typed over the options
    # Said against doing a step at all, or asking whether one is required ("i'm not calling
    # him", "is this going to make me call..."): answered `refused`, nothing saved.
    refusals: list[str]
    refused: str
    leave_openers: list[str] = Field(min_length=1)
    instead_words: list[str]
    pointing_words: list[str]
    choice_words: list[str]
    to_someone_verbs: list[str] = Field(min_length=1)
    recipient_words: list[str]
    leave_given: str


class ChangeAction(_Strict):
    """ "can i change my action? this one doesn't fit": this week's action options again, and
    the one picked takes the place of the one chosen (bot/flows/action_change.py)."""

    # Whole words or phrases that name a change of the action...
    words: list[str] = Field(min_length=1)
    # ...asked for, when the text asks nothing ("i want to", "please").
    asking: list[str] = Field(min_length=1)
    offered: str  # {action}: the one it would replace
    changed: str
    day_moved: str  # {action}: the action with its new day
    none_planned: str
    last_week: str
    chosen_today: str  # {action}: chosen earlier the same day, not asked about yet
    day_ahead: str  # {action}, {day}: planned for a day that has not come yet
    # Asked over the action options, before any is saved.
    not_saved_yet: str


class ReflectionAside(_Strict):
    """Said about the reflection itself at one of its questions ("how long is this?", "can
    we finish this later?", "do i have to answer this one?"): found by its words in a message
    of at most `most_words` words, and answered; the question is asked again."""

    words: list[str] = Field(min_length=1)
    most_words: int = Field(ge=1)
    answer: str
    # Asked over the action options (the last step) instead.
    at_action: str
    # Not this aside in a message with any of these words, however it is asked: "do i have to
    # call or can i just text them?" asks how to do the step, not whether to.
    unless_words: list[str] = []


class AsidesAtAPick(_Strict):
    """A reflection aside asked where an option is to be picked: the answers there."""

    later: str
    how_long_checkin: str
    # May name {number} and {total}: the statement shown and how many there are.
    how_long_self_check: str


class NotKept(_Strict):
    """Asked, in an answer of any length, that it not be kept ("please dont save this but
    the dad was deported last month"): nothing of it is saved, and the question waits."""

    words: list[str] = Field(min_length=1)
    answer: str


class TakenBack(_Strict):
    """Asked that an answer already given be deleted ("actually can you delete what i just
    wrote", or "please dont save her name, thats private" typed after it): that answer is
    emptied, said plainly, and the question waits. `answer` may name {number}, the question
    whose answer was removed."""

    words: list[str] = Field(min_length=1)
    # Words that point back ("scratch that"), asking only where their clause ends.
    pointing: list[str] = Field(min_length=1)
    answer: str
    nothing_yet: str  # asked before any answer of this reflection was written
    # not_kept's words with at most this many other words ("please don't save her name or
    # the part about nights, that's private") point back at the answer before; more tell a
    # story of their own, which is what is not kept.
    pointing_most_words: int = Field(ge=1)


class Corrected(_Strict):
    """A correction of the answer just given ("sorry i meant the Nguyen family not the Tran
    family", "*Nguyen"): the answer is mended, said plainly, and the question waits.
    `changed` names {new}, {old} and {number}; `added` (nothing in the answer to replace)
    {new} and {number}."""

    openers: list[str] = Field(min_length=1)
    openers_with_instead: list[str] = Field(min_length=1)
    fillers: list[str] = Field(min_length=1)
    instead_of: list[str] = Field(min_length=1)
    most_words: int = Field(ge=1)
    changed: str
    added: str
    continued: str  # {number}: the answer before goes on ("sorry, hit enter. ...")
    replaced: str  # {number}: the answer before replaced by one given "My answer: ..."


class ReflectionAsides(_Strict):
    """What is asked about the reflection at its questions, instead of an answer
    (bot/flows/reflection_asides.py). Its answers may name {number} and {count}: the
    question asked and how many there are."""

    later: ReflectionAside
    how_long: ReflectionAside
    # "wait do i have to do this every week": how often a reflection is asked of them.
    how_often: ReflectionAside
    must_answer: ReflectionAside
    # "ugh long day": only how the day was, said at a question.
    weary: ReflectionAside
    # "can i change my action?" (change_action's words) before this week's is picked.
    change_action: str
    # A role named and asked about ("does this even apply to me"): it does, for every role.
    applies_to_every_role: str
    applies_asks: list[str] = Field(min_length=1)
    # "who sees this", "is this saved anywhere? who can see it": to_the_coach's privacy
    # words, in a message of at most this many words, or of the second many when it asks
    # with a question mark or an asking word (the answer is privacy's).
    privacy_most_words: int = Field(ge=1)
    privacy_asked_most_words: int = Field(ge=1)
    at_a_pick: AsidesAtAPick
    not_kept: NotKept
    taken_back: TakenBack
    corrected: Corrected


class CheckinAsked(_Strict):
    """Asked right after "How did it go?" instead of an answer (bot/plain_requests.py):
    whether what they did counts, to be asked another day, whether the action can go on into
    this week, or what the question means."""

    asked_at_carry: str  # a question of its own at "carry it into this week?"
    counts: str
    later: str  # found by the nudge card's tomorrow_words, in a short message
    again_words: list[str] = Field(min_length=1)
    again: str
    puzzled_words: list[str] = Field(min_length=1)
    puzzled: str
    # The same, at each step of a check-in under way (bot/flows/checkin.py STEPS).
    puzzled_steps: dict[str, str]
    # A question of their own where done, partly or not yet is asked, with no ready answer.
    asked_at_outcome: str
    # "done what? i'm talking about the robocall": what they told was not how the step went
    # (it had been marked done); the check-in is left, the step still waiting.
    not_about_the_step_words: list[str] = Field(min_length=1)
    not_about_the_step: str


class SecondLook(_Strict):
    """An answer that takes back its own wording after a note on it ("maybe they do care")."""

    words: list[str] = Field(min_length=1)
    acknowledge: str


class OfferAnswers(_Strict):
    """A whole message that says yes or no to the one next step the coach just offered
    ("Type `reflect time`", the role offer's one button); `declined` answers a no."""

    yes_words: list[str] = Field(min_length=1)
    no_words: list[str] = Field(min_length=1)
    turned_down: list[str] = Field(min_length=1)
    declined: str


class ToTheCoach(_Strict):
    """Said to the coach itself ("is this private?", "are you a person?", "sorry that was
    rude"), found by its words anywhere in a message of at most `most_words` words (any
    length when None), and its answer. A question about the coach is an aside in a
    conversation too."""

    words: list[str] = Field(min_length=1)
    most_words: int | None = None
    # Said mid-conversation, an aside (answered, the question asked again) rather than an
    # answer: an apology is; "i'll try" at the action step is the plan.
    aside: bool = False
    # An aside whatever the answer's length ("i think one of my kids is being neglected, he
    # comes in hungry every day" typed as a reflection answer): answered first, not saved.
    any_length: bool = False
    # In a guided conversation, its question is asked again after the answer; not after a
    # crisis or burnout ("You don't owe me anything this week" and then "Question 2 of 2").
    asks_again: bool = True
    # Not said of a message that names families ("unrelated but do you have ideas for
    # getting more families to come to conferences?" is what the coach is for).
    unless_families: bool = False
    # Not said of a message with any of these ("my daughter is cutting class" is no crisis).
    unless_words: list[str] = []
    # Only said with one of these too ("yelling at me" with "right now": the moment itself,
    # not last week's story).
    with_words: list[str] = []
    # After it, the next thing told is only listened to ("I'm listening, no advice" ... "every
    # email feels like an attack"): heard, with no tip, offer or reflection after it.
    listens_after: bool = False
    answer: str


class TipNow(_Strict):
    """A weekly nudge asked for now ("whats this weeks tip"): the words that ask, and what is
    said around it."""

    words: list[str] = Field(min_length=1)
    intro: str
    subscribe: str


class RoleNote(_Strict):
    """Said after an answer that sends the educator to someone in their own role: the words
    in the answer that name that role, and the note."""

    words: list[str] = Field(min_length=1)
    note: str


class SituationCorrection(_Strict):
    """Said right after a situation's answer, that the answer misread it ("one dad. not a
    town hall" after a meeting with many families; "nobody died" after a loss): the miss
    owned, with what fits instead. Heard only after the situations it `rules_out`."""

    rules_out: list[str] = Field(min_length=1)
    # Anywhere in a message of at most `most_words` words...
    words: list[str] = Field(min_length=1)
    most_words: int = 14
    # ...or as the whole message ("one dad", "solo una familia").
    whole: list[str] = Field(default_factory=list)
    answer: str


class Told(_Strict):
    """Something told that no theme names ("i'm nervous", "i barely know my families", "the
    family is scared of the school"), heard as the part of the framework it belongs to
    (`topic`, a slug)."""

    topic: str
    words: list[str] = Field(min_length=1)
    acknowledge: str
    # The acknowledgement is itself the practical answer to what is asked ("is it ok to give
    # parents my personal cell"), so it is kept over an everyday situation's answer
    # (situations.yaml); a feeling or a story heard ("im nervous") gives way to one.
    answers: bool = False
    # ...and says all there is to say: no part of the framework after it ("...custody thing
    # going on, what do I do?" is a records question, and "call the family back" had followed).
    alone: bool = False
    # What it tells is one of the everyday situations (situations.yaml) by its words alone
    # ("deported", "redadas"): that situation is answered after the acknowledgement, however
    # unsure the situation model is of a short or Spanish message.
    situation: str | None = None
    # Broader situations that give way to `situation` when the model reads one of them
    # ("...staying with her sister after getting evicted" is a family in a hard time, and more
    # precisely one without stable housing).
    narrows: list[str] = Field(default_factory=list)
    # Heard only where the situation model leans to these situations too: "the shelter" is a
    # family's home in "they moved into the shelter, kid misses the bus", not in "our canned
    # food drive for the shelter" (bot/flows/listening.py READ_AS_LEAN).
    read_as: list[str] = Field(default_factory=list)
    # Said before a situation's answer when both fit (a feeling: "IEP meeting tomorrow and i'm
    # really nervous"); false for general advice the situation's own answer says better.
    heard_first: bool = True
    # Said before a note home is begun when the request tells this too ("can you help me write
    # an email to mom? i'm so nervous she'll be mad"): a line, not the whole acknowledgement.
    before_a_draft: str | None = None
    # Heard only in a question ("how do i get families to come to our publishing party?"):
    # told as news ("...and 20 families came!!"), the words are left to the other readings.
    asked_only: bool = False
    # Never a note home, whatever the request's words ("role play with me? I need to call a
    # dad...": a call rehearsed, not a note).
    no_draft: bool = False
    # Themes it settles for a reflection's action options ("i speak spanish myself, no
    # interpreter needed": no interpreter to book), whatever else the answers named.
    settles: list[str] = Field(default_factory=list)
    # Action options that fit what it tells, offered first at the reflection's last step
    # ("no K'iche' interpreter in the whole district": finding one, not booking one).
    actions: list[str] = Field(default_factory=list)


class NudgeCard(_Strict):
    """A weekly nudge's buttons in words, typed under it ("not this week", "tmrw")."""

    tomorrow_words: list[str] = Field(min_length=1)
    skip_words: list[str] = Field(min_length=1)
    later_words: list[str] = Field(min_length=1)
    plan_words: list[str] = Field(min_length=1)
    will_try_words: list[str] = Field(min_length=1)
    already_words: list[str] = Field(min_length=1)
    # Said right after a typed "done" was marked: it was not (bot/nudge_marked.py).
    not_done_after_all: list[str] = Field(min_length=1)
    will_try: str
    already: str
    not_fit: str
    # "can you not send me stuff thats for principals", said any time: nothing changed.
    kind_not_wanted: str
    # "the side by side activity thing in the nudge wont work for my families tho, most work
    # in the fields or nights", said any time: the nudge's idea fitted to their hours.
    families_not_fit: str
    not_yet: str
    unmarked: str


class KeepGoingWords(_Strict):
    """The keep-going question's answers in words, checked in the order written."""

    monthly: list[str] = Field(min_length=1)
    stop: list[str] = Field(min_length=1)
    keep: list[str] = Field(min_length=1)


class GoodNews(_Strict):
    """Words that make a report good news whatever hard thing it also names ("small win: a
    mom who hasn't answered since August replied"): the bright spot is heard first."""

    words: list[str] = Field(min_length=1)


class FamilyGroup(_Strict):
    words: list[str] = Field(min_length=1)
    said: str


class NudgeFamilies(_Strict):
    """Nudges asked to be about one group of families ("about IEP families", "most of my
    families are new to the country"): each group the content tags nudges with
    (content/schema.py FamilyContext), the words that name it and how it is said, and the
    answer naming the topic that holds most nudges written with them in mind."""

    groups: dict[str, FamilyGroup]
    answer: str

    @model_validator(mode="after")
    def _known_groups(self) -> Self:
        unknown = sorted(set(self.groups) - {context.value for context in FamilyContext})
        if unknown:
            raise ValueError(f"nudge_families: unknown groups {unknown}")
        return self


class ReplyFile(_Strict):
    version: int
    acknowledge: dict[str, list[str]]
    acknowledge_also: dict[str, str]
    probe: list[str] = Field(min_length=1)
    probe_skip: str
    stuck: Stuck
    theme_actions: dict[str, list[str]]
    intents: IntentReplies
    checkin: CheckIn
    named: Named
    own_plan: OwnPlan
    change_action: ChangeAction
    checkin_asked: CheckinAsked
    reflection_asides: ReflectionAsides
    second_look: SecondLook
    good_news: GoodNews
    told: dict[str, Told]
    # By role (content/schema.py Role): said after a situation's answer that names it.
    role_in_the_answer: dict[str, RoleNote] = {}
    offer_answers: OfferAnswers
    to_the_coach: dict[str, ToTheCoach]
    situation_corrections: dict[str, SituationCorrection] = Field(min_length=1)
    tip_now: TipNow
    nudge_card: NudgeCard
    keep_going: KeepGoingWords
    nudge_families: NudgeFamilies
    # A question typed over the action options, answered before they are asked again ("can i
    # pick two?", "what if they don't speak english?"): its answer by what it asks, the names
    # the action question model learned (action_question_examples.yaml).
    action_questions: dict[str, str] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_theme(self) -> Self:
        expected = sorted([*THEMES, "general"])
        if sorted(self.acknowledge) != expected:
            raise ValueError(f"acknowledge must be exactly {expected}")
        settled = [t for entry in self.told.values() for t in entry.settles]
        unknown = [
            t for t in [*self.theme_actions, *self.acknowledge_also, *settled] if t not in THEMES
        ]
        if unknown:
            raise ValueError(
                f"theme_actions, acknowledge_also, told settles: unknown themes {unknown}"
            )
        return self


class UnderstandingContent(_Strict):
    intents: IntentFile
    themes: ThemeFile
    topics: TopicFile
    replies: ReplyFile

    def cue_faults(self) -> list[str]:
        """Every cue that the pattern language cannot compile, named by its place."""
        faults: list[str] = []
        intent_sets = {**self.intents.sets, "topic-word": self.topic_words()}
        groups: list[tuple[str, dict[str, list[str]], dict[str, list[str]]]] = [
            ("intents", intent_sets, {k: v.cues for k, v in self.intents.intents.items()}),
            ("themes", self.themes.sets, {k: v.cues for k, v in self.themes.themes.items()}),
            (
                "themes",
                self.themes.sets,
                {f"{k}.short": v.short for k, v in self.themes.themes.items() if v.short},
            ),
            (
                "themes",
                self.themes.sets,
                {
                    f"{k}.overruled_by": v.overruled_by.cues
                    for k, v in self.themes.themes.items()
                    if v.overruled_by
                },
            ),
            (
                "themes",
                self.themes.sets,
                {
                    f"{k}.ruled_out_by": v.ruled_out_by
                    for k, v in self.themes.themes.items()
                    if v.ruled_out_by
                },
            ),
            ("topics", {}, {k: v.cues for k, v in self.topics.topics.items()}),
        ]
        for file_name, sets, cues_by_name in groups:
            compiler = PatternCompiler(sets)
            words = CueCompiler(sets)  # what the reader matches word by word
            for name, cues in cues_by_name.items():
                for index, cue in enumerate(cues):
                    try:
                        compiler.compile(cue, capture=False)
                        words.cue(name, cue)
                    except PatternError as exc:
                        faults.append(f"understanding/{file_name}.yaml {name}.cues.{index}: {exc}")
        return faults

    def model_faults(self) -> list[str]:
        """A learned model that was not trained from these examples (retrain it)."""
        themes = theme_examples()
        unknown = sorted(
            {name for label, _ in themes for name in label.split(",") if name not in THEMES} - {""}
        )
        named = [f"understanding/{THEME_EXAMPLES_PATH.name}: unknown themes {unknown}"]
        return (
            (named if unknown else [])
            + model_faults(intent_examples(self.intents), INTENT_MODEL_PATH)
            + model_faults(topic_examples(self.topics), TOPIC_MODEL_PATH)
            + model_faults(theme_training_examples(self.intents), THEME_MODEL_PATH)
            + model_faults(plan_examples(), PLAN_MODEL_PATH)
            + _situation_faults(self.replies.told, self.replies.situation_corrections)
            + _action_question_faults(self.replies.action_questions)
            + _reflection_aside_faults()
        )

    def topic_words(self) -> list[str]:
        return sorted({word for topic in self.topics.topics.values() for word in topic.words})


def _situation_faults(
    told: dict[str, Told], corrections: dict[str, SituationCorrection]
) -> list[str]:
    """The situations' answers and examples, the model trained from the examples, and the
    situations `told` entries name."""
    try:
        situations = load_situations()
        examples = situation_examples()
    except (OSError, yaml.YAMLError, ValidationError, MissingLanguage) as exc:
        return [f"understanding/situations: cannot be read ({exc})"]
    return (
        situation_faults(situations, examples)
        + model_faults(examples, SITUATION_MODEL_PATH)
        + [
            f"understanding/replies.yaml told.{name}: unknown situation {entry.situation!r}"
            for name, entry in told.items()
            if entry.situation is not None and entry.situation not in situations.situations
        ]
        + [
            f"understanding/replies.yaml told.{name}: narrows unknown situation {broader!r}"
            for name, entry in told.items()
            for broader in entry.narrows
            if broader not in situations.situations
        ]
        + [
            f"understanding/replies.yaml situation_corrections.{name}: unknown situation {ruled!r}"
            for name, entry in corrections.items()
            for ruled in entry.rules_out
            if ruled not in situations.situations
        ]
        + [
            f"understanding/replies.yaml told.{name}: unknown topic {entry.topic!r}"
            for name, entry in told.items()
            if entry.topic not in ALL_TOPICS
        ]
        + [
            f"understanding/replies.yaml told.{name}: read_as unknown situation {read!r}"
            for name, entry in told.items()
            for read in entry.read_as
            if read not in situations.situations
        ]
    )


# Fewer examples than this and the model cannot tell a question from its neighbours.
MIN_ACTION_QUESTION_EXAMPLES = 6


def _action_question_faults(answers: dict[str, str]) -> list[str]:
    """Examples of a question with no answer, answers with too few examples to learn from,
    and a model not trained from the examples."""
    where = f"understanding/{ACTION_QUESTION_EXAMPLES_PATH.name}"
    try:
        examples = action_question_examples()
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        return [f"{where}: cannot be read ({exc})"]
    labels = {label for label, _ in examples}
    faults = [
        f"{where}: {label!r} has no answer in replies.yaml action_questions"
        for label in sorted(labels - {*answers, NO_ACTION_QUESTION})
    ]
    if NO_ACTION_QUESTION in answers:
        faults.append(f"replies.yaml action_questions: {NO_ACTION_QUESTION!r} is for no question")
    faults += _too_few(examples, list(answers), where)
    return faults + model_faults(examples, ACTION_QUESTION_MODEL_PATH)


def _too_few(examples: Examples, names: list[str], where: str) -> list[str]:
    """Labels with fewer than MIN_ACTION_QUESTION_EXAMPLES examples to learn from."""
    counts = Counter(label for label, _ in examples)
    return [
        f"{where}: {name} has {counts[name]} examples, at least {MIN_ACTION_QUESTION_EXAMPLES}"
        " needed"
        for name in names
        if counts[name] < MIN_ACTION_QUESTION_EXAMPLES
    ]


def _reflection_aside_faults() -> list[str]:
    """Examples of an aside the coach has no answer for, asides with too few examples to
    learn from, and a model not trained from the examples."""
    where = f"understanding/{REFLECTION_ASIDE_EXAMPLES_PATH.name}"
    try:
        examples = reflection_aside_examples()
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        return [f"{where}: cannot be read ({exc})"]
    labels = {label for label, _ in examples}
    faults = [
        f"{where}: unknown aside {label!r} (one of {', '.join(REFLECTION_ASIDES)}, or none)"
        for label in sorted(labels - {*REFLECTION_ASIDES, NO_REFLECTION_ASIDE})
    ]
    faults += _too_few(examples, list(REFLECTION_ASIDES), where)
    return faults + model_faults(examples, REFLECTION_ASIDE_MODEL_PATH)


class UnderstandingError(ValueError):
    def __init__(self, faults: list[str]) -> None:
        super().__init__("; ".join(faults))
        self.faults = faults


def load_understanding(
    directory: Path = UNDERSTANDING_DIR, *, check_cues: bool = True
) -> UnderstandingContent:
    """Read and validate the four files; UnderstandingError lists every fault found.

    `check_cues=False` leaves compiling the cues to their user (the reader compiles them all
    anyway, and compiling each one twice was most of the start-up), and checking that the
    intent model was trained from these examples to `coach content check` and the tests."""
    raw = {}
    faults: list[str] = []
    for name in ("intents", "themes", "topics", "replies"):
        path = directory / f"{name}.yaml"
        try:
            raw[name] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, yaml.YAMLError) as exc:
            faults.append(f"understanding/{name}.yaml: cannot be read ({type(exc).__name__})")
    if faults:
        raise UnderstandingError(faults)
    try:
        raw["replies"] = in_language(raw["replies"], DEFAULT_LANGUAGE)
    except MissingLanguage as exc:
        raise UnderstandingError([f"understanding/replies.yaml: {exc}"]) from exc
    try:
        content = UnderstandingContent.model_validate(raw)
    except ValidationError as exc:
        raise UnderstandingError(
            [
                f"understanding/{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
                for error in exc.errors()
            ]
        ) from exc
    faults = content.cue_faults() + content.model_faults() if check_cues else []
    if faults:
        raise UnderstandingError(faults)
    return content


@cache
def default_understanding() -> UnderstandingContent:
    """The packaged content; its cues are checked by `coach content check` and the tests,
    and compiled (once) by the reader, which names the faulty cue if one cannot be."""
    return load_understanding(check_cues=False)


def load_replies(language: str, directory: Path = UNDERSTANDING_DIR) -> ReplyFile:
    """replies.yaml in one language; UnderstandingError lists every fault found."""
    path = directory / "replies.yaml"
    try:
        raw = in_language(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER), language)
    except (OSError, yaml.YAMLError) as exc:
        raise UnderstandingError(
            [f"understanding/replies.yaml: cannot be read ({type(exc).__name__})"]
        ) from exc
    except MissingLanguage as exc:
        raise UnderstandingError([f"understanding/replies.yaml: {exc}"]) from exc
    try:
        return ReplyFile.model_validate(raw)
    except ValidationError as exc:
        raise UnderstandingError(
            [
                f"understanding/replies.{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"
                for error in exc.errors()
            ]
        ) from exc


@cache
def replies_in(language: str) -> ReplyFile:
    """The packaged replies in one language, loaded once per process (English is
    `default_understanding().replies`)."""
    if language == DEFAULT_LANGUAGE:
        return default_understanding().replies
    return load_replies(language)
