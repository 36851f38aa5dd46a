"""The core dialogs, each run once in English and once in Spanish.

Every expected sentence is the coach's own catalogue sentence said in the conversation's
language (or the content in that language), so one test checks both that the flow works and
that it speaks the educator's language, with the Spanish read by tests/spoken.py. On both
databases."""

from __future__ import annotations

import re

import pytest

from bot import messages
from bot import profile_messages as profile_said
from bot.app import CoachApp
from bot.assess import messages as assess_said
from bot.drafts import messages as draft_said
from bot.i18n import Msg, speaking
from bot.nudges import messages as nudge_said
from bot.privacy import messages as privacy_said
from bot.weekly.messages import ScheduleWords
from content.loader import library_in
from content.understanding_schema import replies_in
from tests.dialog import Conversation
from tests.spoken import language_of

LANGUAGES = ("en", "es")
_PLACEHOLDER_OR_MARKUP = re.compile(r"\{[^}]*\}|[*_`“”\"\n]")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def said(message: Msg, language: str) -> str:
    """The sentence's longest fixed run of words in `language` (what any filled-in version
    of it contains), at most 50 characters."""
    with speaking(language):
        words = str(message)
    runs = [run.strip(" .,:;()•") for run in _PLACEHOLDER_OR_MARKUP.split(words)]
    return max(runs, key=len)[:50]


def label(message: Msg, language: str) -> str:
    with speaking(language):
        return str(message)


def educator_in(app: CoachApp, language: str, user: str = "ms-rivera") -> Conversation:
    educator = Conversation(app.coach, user, timezone="America/Chicago")
    educator.says(f"language {language}")
    return educator


def spoken(answer: str, language: str) -> str:
    assert language_of(answer) == language, answer
    return answer


# --- help and what is not understood ---------------------------------------------------------


def test_help_and_the_kind_answers_to_what_is_not_understood(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    assert said(messages.HELP, language) in spoken(educator.says("help"), language)
    assert said(messages.UNKNOWN_COMMAND, language) in educator.says("frobnicate")
    assert said(messages.NO_WORDS, language) in educator.says("🙂")
    assert said(messages.NOTHING_NUMBERED, language) in educator.says("3")
    assert said(messages.NOTHING_TO_CANCEL, language) in educator.says("cancel")
    too_long = educator.says("a" * (messages.MAX_MESSAGE_CHARS + 1))
    assert said(messages.TOO_LONG, language) in too_long
    # A short reply with nothing asked ("nope", "no sé") gets a way in, in their language.
    short = {"en": "nope", "es": "no sé"}[language]
    assert spoken(educator.says(short), language) in replies_in(language).intents.short_reply
    # Something told, not asked: heard, and a reflection offered, in their language.
    told = {
        "en": "the parents never answer my messages",
        "es": "los papás nunca contestan mis mensajes",
    }[language]
    offer = replies_in(language).intents.heard_offer.format(topic="")
    assert offer.split("`")[0] in spoken(educator.says(told), language)


# --- a reflection, its journal, and next week's check-in -------------------------------------


def test_a_reflection_then_its_check_in_next_time(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    library = library_in(language)
    opening = spoken(educator.says("reflect relational"), language)
    assert said(messages.REFLECT_INTRO, language) in opening
    assert library.topics["relational"].title in opening
    educator.says("I called Diego's mom to share good news and she was so happy")
    actions = spoken(educator.says("I asked what Diego likes to do at home"), language)
    assert said(messages.ACTION_QUESTION, language) in actions
    saved = spoken(educator.clicks("1"), language)
    assert said(messages.REFLECTION_SAVED, language) in saved

    journal = spoken(educator.says("journal"), language)
    assert said(messages.JOURNAL_HEADER, language) in journal

    again = spoken(educator.says("reflect"), language)
    assert said(messages.FOLLOWUP_QUESTION, language) in again
    after = spoken(educator.clicks(label(nudge_said.CHECKIN_DONE, language)), language)
    assert language_of(after) == language


def test_leaving_a_reflection_keeps_nothing_from_it(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    educator.says("reflect cognition")
    still = educator.says("journal")
    assert said(messages.JOURNAL_EMPTY, language) in still
    left = spoken(educator.says("cancel"), language)
    assert said(messages.CANCELLED, language) in left


# --- weekly nudges -----------------------------------------------------------------------------


def test_weekly_nudges_on_a_day_then_off(app: CoachApp, language: str) -> None:
    from bot.nudges.messages import SCHEDULE

    words: ScheduleWords = SCHEDULE
    educator = educator_in(app, language)
    assert said(words.settings_off, language) in spoken(educator.says("nudges"), language)
    assert said(words.turned_on, language) in spoken(educator.says("nudges on"), language)
    friday = "Friday" if language == "en" else "viernes"
    day_set = spoken(educator.says("nudges day fri"), language)
    assert said(words.day_set, language) in day_set and friday in day_set
    assert said(words.turned_off, language) in spoken(educator.says("nudges off"), language)


# --- the self-assessment -----------------------------------------------------------------------


def test_the_self_assessment_from_first_statement_to_a_focus(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    first = spoken(educator.says("assess"), language)
    assert "(1 of 13)" in first or "(1 de 13)" in first
    answer = first
    for _ in range(13):
        answer = educator.clicks("2")
    assert said(assess_said.RESULTS_HEADER, language) in spoken(answer, language)


# --- a message home ----------------------------------------------------------------------------


def test_a_message_home_written_and_saved(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    assert said(draft_said.PURPOSE_QUESTION, language) in spoken(educator.says("draft"), language)
    assert said(draft_said.LANGUAGE_QUESTION, language) in educator.clicks("1")
    child_question = spoken(educator.clicks(label(draft_said.LANGUAGE_ENGLISH, language)), language)
    assert language_of(child_question) == language
    educator.says("Maya")
    tone = spoken(educator.says("she helped a new student find the library"), language)
    assert said(draft_said.TONE_QUESTION, language) in tone
    draft = educator.clicks(label(draft_said.TONE_WARM, language))
    assert label(draft_said.DRAFT_TITLE, language) in draft and "Maya" in draft
    saved = spoken(educator.clicks(label(draft_said.SAVE, language)), language)
    assert said(draft_said.SAVED, language) in saved


# --- reframing, profile, language --------------------------------------------------------------


def test_reframe_and_its_setting(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    assert said(messages.REFRAME_USAGE, language) in spoken(educator.says("reframe"), language)
    assert said(messages.REFRAME_OFF, language) in educator.says("reframe off")
    assert said(messages.REFRAME_ON, language) in educator.says("reframe on")


def test_profile_is_shown_and_set(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    shown = spoken(educator.says("profile"), language)
    assert said(profile_said.PROFILE_SHOWN, language) in shown
    leader = library_in(language).profiles.roles
    set_to = spoken(educator.says("profile role principal"), language)
    assert any(entry.label.casefold() in set_to.casefold() for entry in leader.values())


def test_the_language_is_shown_with_both_choices(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    shown = educator.says("language")
    assert said(messages.LANGUAGE_NOW, language) in shown
    assert "English" in shown and "Español" in shown


# --- their data --------------------------------------------------------------------------------


def test_export_then_forget_asked_first_and_kept(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    educator.says("nudges on")  # something of theirs to export
    exported = educator.says("export")
    assert said(privacy_said.EXPORT_HEADER, language) in spoken(exported, language)
    asked = spoken(educator.says("forget"), language)
    assert said(privacy_said.FORGET_CONFIRM, language) in asked
    kept = educator.clicks(label(privacy_said.FORGET_NO, language))
    assert said(privacy_said.FORGET_KEPT, language) in kept


def test_forget_typed_in_a_reflection_says_how_to_get_there(app: CoachApp, language: str) -> None:
    educator = educator_in(app, language)
    educator.says("reflexionar" if language == "es" else "reflect")
    mid_way = spoken(educator.says("olvidar" if language == "es" else "forget"), language)
    # Had: "still open: answer above to go on, or type `cancel`", and nothing on deleting.
    assert said(messages.FORGET_IN_FLOW, language) in mid_way
    educator.says("cancelar" if language == "es" else "cancel")
    asked = spoken(educator.says("olvidar" if language == "es" else "forget"), language)
    assert said(privacy_said.FORGET_CONFIRM, language) in asked


# --- listening: stuck, a theme, a check-in's barrier -------------------------------------------

STUCK = {"en": "idk", "es": "no sé"}
NO_TIME = {
    "en": "honestly no time this week, 32 kids and no planning period",
    "es": "la verdad no tuve tiempo esta semana, tengo 32 niños y nada de tiempo para planear",
}


def test_stuck_then_a_theme_are_answered_in_their_language(app: CoachApp, language: str) -> None:
    replies = replies_in(language)
    educator = educator_in(app, language)
    educator.says("reflect relational")
    stuck = spoken(educator.says(STUCK[language]), language)
    assert replies.stuck.intro in stuck
    heard = spoken(educator.says(NO_TIME[language]), language)
    assert any(reply in heard for reply in replies.acknowledge["time"]), heard


def test_a_check_in_barrier_and_carrying_the_action_over(app: CoachApp, language: str) -> None:
    replies = replies_in(language).checkin
    educator = educator_in(app, language)
    educator.says("reflect relational")
    educator.says("I called two families with good news")
    educator.says("I asked one mom what her son likes at home")
    educator.clicks("1")
    educator.says("reflect")
    asked = spoken(educator.clicks(label(nudge_said.CHECKIN_PARTLY, language)), language)
    assert replies.barrier_question in asked
    answer = spoken(educator.clicks(replies.barriers["no_time"]), language)
    # The step is a note, no call: the smaller version is the same step on one day.
    assert replies.no_time_not_a_call in answer and replies.carry_over_question in answer
    smaller = educator.clicks(replies.carry_smaller)
    assert replies.smaller_question in smaller


DEFICIT = {
    "en": "those parents just dont care about school",
    "es": "esos padres no se involucran para nada",
}
ASSET_WORDS = {"en": "care deeply", "es": "forma de participar"}


def test_a_deficit_answer_gets_one_note_on_wording_in_their_language(
    app: CoachApp, language: str
) -> None:
    educator = educator_in(app, language)
    educator.says("reflect asset-based")
    note = spoken(educator.says(DEFICIT[language]), language)
    assert said(messages.REFRAME_OFFER_END, language) in note
    assert ASSET_WORDS[language] in note
    assert said(messages.PROMPT_LABEL, language) in note  # and the reflection goes on
