"""Drafting a message home: one dialog per purpose and language, the bad input an educator
types, what is kept (only a count, unless they save), and next week's check-in. Both
databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.app import CoachApp
from bot.drafts.models import SavedDraft
from bot.drafts.quality import has_open_door, readable, sentences
from bot.drafts.suggest import draft_button
from bot.nudges.compose import nudge_card
from bot.replies import Card
from bot.storage.models import Educator, FlowState
from content.drafts_schema import Language, Purpose, default_drafts
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation

# What an educator types for each specific, in the language the family reads.
TYPED = {
    Language.ENGLISH: {
        "child": "Maya",
        "observation": "she fixed the jammed printer with a paper clip and showed two friends how.",
        "home_step": "ask her to explain one math problem to you at dinner",
        "invitation": "our student-led conferences on March 3, any time after 4",
        "my_name": "Ms. Okafor",
        "about_me": "I teach 7th grade science and I run the garden club",
        "event": "our Family Science Night on March 3 at 5:30 in the gym, with pizza",
    },
    Language.SPANISH: {
        "child": "Maya",
        "observation": "arregló la impresora con un clip y les enseñó a dos compañeros",
        "home_step": "pedirle que le explique un problema de matemáticas en la cena",
        "invitation": "las conferencias del 3 de marzo, a cualquier hora después de las 4",
        "my_name": "la maestra Okafor",
        "about_me": "enseño ciencias de séptimo grado y dirijo el club del jardín",
        "event": "la Noche de Ciencias el 3 de marzo a las 5:30 en el gimnasio, con pizza",
    },
}
LANGUAGE_BUTTON = {Language.ENGLISH: "English", Language.SPANISH: "Español"}


def the_draft(educator: Conversation) -> str:
    cards = [reply for reply in educator.last if isinstance(reply, Card) and reply.copy]
    assert cards, educator.transcript
    return str(cards[-1].copy)


def write_draft(
    educator: Conversation, purpose: Purpose, language: Language, tone: str = "Warm"
) -> str:
    educator.says("draft")
    educator.clicks(default_drafts().purposes[purpose].label)
    educator.clicks(LANGUAGE_BUTTON[language])
    for specific in default_drafts().purposes[purpose].asks:
        educator.says(TYPED[language][specific])
    educator.clicks(tone)
    return the_draft(educator)


def saved_drafts(app: CoachApp) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(SavedDraft)) or 0)


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("purpose", list(Purpose))
def test_each_purpose_gives_a_short_readable_draft_of_exactly_what_was_typed(
    app: CoachApp, purpose: Purpose, language: Language
) -> None:
    educator = Conversation(app.coach)
    for tone in ("Warm", "Brief"):
        draft = write_draft(educator, purpose, language, tone)
        for specific in default_drafts().purposes[purpose].asks:
            # Their words, as typed (the template ends the sentence itself).
            assert TYPED[language][specific].rstrip(".") in draft, draft
        assert 2 <= len(sentences(draft)) <= 4, draft
        assert readable(draft, language), draft
        assert has_open_door(draft, language), draft
        educator.clicks("Done")
    with app.sessions() as session:
        # Nothing of an unsaved draft is kept but the count.
        assert session.scalar(select(func.count()).select_from(FlowState)) == 0
        assert session.scalars(select(Educator.drafts_made)).one() == 2
    assert saved_drafts(app) == 0


def test_another_version_shorter_and_the_other_language(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    first = write_draft(educator, Purpose.CELEBRATE, Language.ENGLISH)
    educator.clicks("Another version")
    second = the_draft(educator)
    assert second != first and "paper clip" in second
    educator.clicks("Shorter")
    shorter = the_draft(educator)
    assert len(shorter) < len(first)
    answer = educator.clicks("En español")
    assert "check they read well in Spanish" in answer
    spanish = the_draft(educator)
    assert "Maya" in spanish and "paper clip" in spanish  # never translated, only placed
    assert "In English" in educator.transcript


def test_shorter_asked_before_there_is_a_note_is_kept_as_the_tone(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Celebrate something specific")
    answer = educator.says("make it shorter pls")
    assert "Short it is" in answer and "kept that for the note" not in answer
    assert "Which language" in answer  # the question is still asked
    educator.clicks("English")
    educator.says("Maya")
    answer = educator.says("She read her first chapter book all by herself")
    assert "Warm, or brief?" not in answer  # the tone was already said
    assert "She read her first chapter book all by herself" in the_draft(educator)
    assert "make it shorter" not in the_draft(educator)


def test_no_name_reads_your_child(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft celebrate")
    educator.clicks("English")
    educator.clicks("Skip the name")
    educator.says("read a whole chapter book to the class")
    educator.clicks("Brief")
    assert "your child" in the_draft(educator) or "Your child" in the_draft(educator)


@pytest.mark.parametrize("name", ["O'Brien", "Zoë", "José María", "Mary-Kate"])
def test_names_with_apostrophes_accents_and_two_words_are_kept_as_typed(
    app: CoachApp, name: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("draft celebrate")
    educator.clicks("English")
    educator.says(name)
    educator.says("led the morning meeting for the whole class")
    educator.clicks("Warm")
    assert name in the_draft(educator)


def test_the_child_named_in_lower_case_in_what_was_told_gets_a_capital(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(
        "can you help me write a note to tamikas mom saying tamika did great on her fractions "
        "test, she got a 92"
    )
    educator.clicks("English")
    educator.clicks("Warm")
    # Had: "a happy moment to share about Tamika: tamika did great..."
    assert "Tamika did great on her fractions test" in the_draft(educator)


def test_bad_input_gets_a_clear_kind_answer_and_loses_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Share one next step")
    educator.clicks("English")
    assert "One child per note" in educator.says("Maya and Leo")
    assert "first name" in educator.says("the kid in the back row who never sits still ok")
    educator.says("Maya")
    too_long = educator.says("she " + "read and wrote and counted " * 45)
    assert "1,218 characters" in too_long and "more briefly" in too_long
    # Past what the coach takes in one message at all: the same kind answer, still here.
    assert "shorter version" in educator.says("she " + "read and wrote " * 150)
    assert "Families remember the specific" in educator.says("did well")
    educator.says("she sounds out three-letter words on her own")
    educator.says("read a page together before bed")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert "Maya" in draft and "three-letter words" in draft and "before bed" in draft


def test_a_deficit_phrase_is_flagged_before_it_reaches_a_family(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft follow_up")
    educator.clicks("English")
    educator.says("Leo")
    flagged = educator.says("his parents don't care about homework but he finished it twice")
    assert "Before this goes to a family" in flagged
    educator.clicks("Use the new wording")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert "don't care" not in draft and "finished it twice" in draft


def test_writing_it_again_after_a_flag(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft follow_up")
    educator.clicks("English")
    educator.says("Leo")
    educator.says("those parents never show up but Leo came in early twice")
    assert "Go ahead" in educator.clicks("Write it again")
    educator.says("Leo came in early twice this week to finish his lab")
    educator.clicks("Warm")
    assert "finish his lab" in the_draft(educator)


def test_a_saved_draft_is_in_the_journal_and_export_and_forget_erases_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    write_draft(educator, Purpose.INVITE, Language.SPANISH)
    assert "Saved to your journal" in educator.clicks("Save to my journal")
    assert saved_drafts(app) == 1
    journal = educator.says("journal")
    assert "Messages home you saved" in journal and "conferencias del 3 de marzo" in journal
    assert "conferencias del 3 de marzo" in educator.says("export")
    educator.says("forget")
    educator.clicks("Yes")
    assert saved_drafts(app) == 0


def test_the_check_in_asks_whether_the_family_wrote_back(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    write_draft(educator, Purpose.CELEBRATE, Language.ENGLISH)
    educator.clicks("Save to my journal")
    journal = educator.says("journal")  # the planned send can be checked in on once sent
    assert "Once you've done it" in journal and "nudge" not in journal  # here, not by a nudge
    answer = educator.clicks("Done")
    assert "Did the family write back?" in answer
    educator.says("yes! mom answered the same night")
    assert "mom answered" in educator.says("journal")


def test_a_plain_request_starts_a_draft(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("Can you help me write an email to a parent about missing homework?")
    assert "What is it for?" in answer


@pytest.mark.parametrize(
    "asked",
    [
        # Had: the nerves heard and `reflect confidence` offered, no note begun.
        "can you give me a script for the call? i get nervous",
        # Had: the note begun with no word of the nerves.
        "can you help me write an email to mom? i'm so nervous she'll be mad",
    ],
)
def test_nerves_told_with_a_request_for_a_note_are_heard_and_the_note_begun(
    app: CoachApp, asked: str
) -> None:
    educator = Conversation(app.coach)
    answer = educator.says(asked)
    nerves = replies_in("en").told["nerves"].before_a_draft
    assert nerves is not None and answer.startswith(nerves)
    assert "What is it for?" in answer


def test_nerves_told_in_spanish_with_a_request_for_a_note(app: CoachApp) -> None:
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    answer = maestra.says("me da nervios, ayúdame a escribir una nota a la mamá de Luis")
    nerves = replies_in("es").told["nerves"].before_a_draft
    assert nerves is not None and answer.startswith(nerves)
    assert "¿Para qué es?" in answer


def test_an_action_that_is_a_note_home_offers_draft_it_now(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I talked with Ana's grandmother at pickup.")
    educator.says("She told me Ana reads to her little brother every night.")
    educator.clicks("Write my own")
    saved = educator.says("Send Ana's grandmother a short note about her reading")
    assert "Saved to your journal" in saved and "Draft it now" in saved
    assert "What is it for?" in educator.clicks("Draft it now")
    assert "Which language" in educator.clicks("Celebrate")


@pytest.mark.parametrize(
    ("action", "button"),
    [
        (
            "Send one family a two-sentence note about something their child did well",
            "draft celebrate",
        ),
        ("Send each family in your advisory a short note with your name", "draft introduce"),
        ("Write a note home inviting Dad to the science fair", "draft invite"),
        ("Send a short note home about Ana's reading", "draft"),
        ("Write down one detail a family shared", None),
        ("Note whether the front office greets families by name", None),
        ("Draft a short email to your principal about family goals", None),
    ],
)
def test_only_actions_that_send_a_family_a_note_get_draft_it_now(
    action: str, button: str | None
) -> None:
    offered = draft_button(action)
    assert (offered.value if offered else None) == button


def test_a_nudge_that_asks_for_a_note_home_has_draft_it_now(app: CoachApp) -> None:
    found = [
        (slug, index, nudge.action)
        for slug, topic in app.library.topics.items()
        for index, nudge in enumerate(topic.nudges)
    ]
    notes = [(slug, index) for slug, index, action in found if draft_button(action)]
    others = [(slug, index) for slug, index, action in found if not draft_button(action)]
    assert notes and others
    labels = [b.label for b in nudge_card(app.library, *notes[0], ledger_id=7).buttons]
    assert "Draft it now" in labels
    assert "Draft it now" not in [b.label for b in nudge_card(app.library, *others[0], 7).buttons]


def test_one_guided_conversation_at_a_time(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I talked with Ana's dad at pickup about her drawings")
    answer = educator.says("draft")
    assert "is still open" in answer and "Question 2 of 2" in answer
    educator.says("cancel")
    educator.says("draft")
    educator.clicks("1")  # what the note is for: begun
    answer = educator.says("reflect")
    assert "Your message home is still open" in answer


def test_a_conversation_not_yet_answered_gives_way_to_the_one_asked_for(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("draft")
    assert "I've closed your reflection" in answer and "What is it for?" in answer
    answer = educator.says("reflect asset-based")
    assert "I've closed your message home" in answer and "Let's reflect on *Asset-based" in answer
    # The same word again, nothing new asked: the place is kept.
    assert "is still open" in educator.says("reflect")


def test_who_can_see_this_at_a_choice_is_answered_and_never_put_in_the_note(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    asked = educator.says("who can see this")  # had: "Thanks, I kept that for the note..."
    assert asked.startswith(replies_in("en").to_the_coach["privacy"].answer)
    assert "What is it for?" in asked
    educator.clicks("Celebrate")
    educator.clicks("English")
    educator.says("Maya")
    educator.says("she read her poem to the whole class")
    educator.clicks("Brief")
    assert "see this" not in the_draft(educator)


def test_a_question_to_the_coach_is_never_put_in_a_note(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Share one next step")
    educator.clicks("English")
    educator.says("his name is ava")  # had: "Just the child's first name, please"
    educator.says("sight words, she knows about 20 now")
    # Had: "One thing you could try at home: idk, what do you suggest?."
    assert "needs a few of your own words" in educator.says("idk, what do you suggest?")
    educator.says("point out her words on a cereal box")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert "Ava" in draft and "suggest" not in draft and "cereal box" in draft


def test_a_non_answer_is_never_put_in_a_note(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft invite")
    educator.clicks("English")
    assert "What are you inviting them to" in educator.says("no")  # no name: "your child"
    for said in ("skip", "idk", "?"):
        assert "needs a few of your own words" in educator.says(said)
    educator.says("a 15-minute call next week, any day after 4")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert "15-minute call" in draft and "skip" not in draft and "idk" not in draft


def test_a_request_that_says_what_the_note_is_for_is_not_asked_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says(
        "can you write a text to grandma saying jose did great on his spelling test"
    )
    assert "Celebrate something specific" in answer and "What is it for?" not in answer
    assert "Which language" in answer
    # Without a purpose in the words, it is asked.
    other = Conversation(app.coach, "U2")
    assert "What is it for?" in other.says("help me write an email to a dad")


def test_what_is_typed_ahead_of_its_question_is_kept_and_not_asked_again(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.says("the 4th one")
    # Had: "Please pick one of the options", twice, and both were asked again later.
    assert "kept that for the note" in educator.says("his name is jayden")
    assert "kept that for the note" in educator.says("he's been late a lot, like 3 times a week")
    assert "Warm, or brief?" in educator.says("english")  # name and what was seen: not asked
    draft = educator.clicks("Warm")
    assert "Jayden" in draft and "he's been late a lot, like 3 times a week" in draft


def test_what_a_note_is_for_can_be_said_in_words(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    answer = educator.says("i want to tell his mom he did great on his spelling test")
    assert "Celebrate something specific" in answer and "Which language" in answer
    assert "Please pick one" in educator.says("hmm")  # a word or two answers nothing


def test_brief_said_in_words_a_capital_i_and_a_command_after_the_draft_is_written(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("can you help me write a text to jaylen's dad about him missing 6 days")
    educator.clicks("Follow up")
    educator.clicks("English")
    educator.says("jaylen")
    educator.says("he's a great kid when he's here, i miss having him in class")
    # Had: "Please pick one of the options" at "Warm, or brief?".
    draft = educator.says("shorter pls")
    assert "Your draft" in draft
    assert "I miss having him in class" in draft  # the family reads a capital I
    # The note is written: a command typed now runs (it had been "still open").
    assert "(1 of 13)" in educator.says("assess")


def at_warm_or_brief(educator: Conversation) -> Conversation:
    """A celebration of Ana's kindness, in English, at "Warm, or brief?"."""
    educator.says("draft")
    educator.clicks("Celebrate")
    educator.clicks("English")
    educator.says("Ana")
    educator.says("she helped a new student find the library")
    return educator


def test_words_that_name_no_tone_get_the_question_again(app: CoachApp) -> None:
    educator = at_warm_or_brief(Conversation(app.coach))
    answer = educator.says("hmm")
    assert "Warm, or brief?" in answer and "Your draft" not in answer


def test_under_a_finished_draft_what_is_typed_works_like_its_buttons(app: CoachApp) -> None:
    educator = at_warm_or_brief(Conversation(app.coach))
    warm = educator.says("warm")
    # Each had: "Please pick one of the options (a number works too)".
    shorter = educator.says("make it shorter pls")
    assert "Your draft" in shorter and len(shorter) < len(warm)
    spanish = educator.says("can you do it in spanish")
    assert "In English" in spanish  # the draft is in Spanish now, its button offers English
    assert "Saved to your journal" in educator.says("save it")


def test_words_under_a_draft_that_name_no_button_get_the_buttons_again(app: CoachApp) -> None:
    educator = at_warm_or_brief(Conversation(app.coach))
    educator.says("brief")
    answer = educator.says("hmm not sure about the middle part")
    assert "pick one of the options" in answer and "Your draft" in answer


@pytest.mark.parametrize("typed", ["save", "1", "otra versión"])
def test_a_button_word_or_a_number_is_never_put_in_a_note(app: CoachApp, typed: str) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Share one next step")
    educator.clicks("English")
    educator.says("Kevin")
    # Had: "I have been watching Kevin grow this month, and here is what I see: save."
    assert "needs a few of your own words" in educator.says(typed)
    educator.says("he finished his lab report on his own")
    educator.says("read together")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert "finished his lab report" in draft and f": {typed}." not in draft


@pytest.mark.parametrize(
    ("typed", "child"), [("jaylen's grandma", "Jaylen"), ("la mamá de Brayan", "Brayan")]
)
def test_the_family_named_by_the_child_gives_the_child_s_name(
    app: CoachApp, typed: str, child: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Celebrate something specific")
    educator.clicks("English")
    educator.says(typed)  # had: "about Jaylen'S Grandma: he helped clean up the lab"
    educator.says("he helped clean up the lab without being asked")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert child in draft and "Grandma" not in draft and "mamá" not in draft


def test_a_language_notes_are_not_written_in_is_said_so_and_never_kept(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Celebrate something specific")
    # Had: "Please pick one of the options", then "vietnamese please..." kept as what the
    # child did ("I have a happy moment to share about Bao: vietnamese please, ...").
    reply = educator.says("vietnamese please, the Nguyens dont read english much")
    assert "only in English and Spanish" in reply and "Vietnamese" in reply
    educator.clicks("English")
    educator.says("Bao")
    educator.says("he counted to 20 by himself today")
    educator.clicks("Brief")
    draft = the_draft(educator)
    assert "counted to 20" in draft and "vietnamese" not in draft.casefold()


def test_spanish_asked_for_in_a_sentence_at_the_language_question_is_chosen(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Celebrate something specific")
    educator.says("Aaliyah read her whole book aloud to the class today and she was so proud")
    # Had: "Thanks, I kept that for the note..." and the language question, over and over.
    reply = educator.says("can you put it in spanish too, mom speaks spanish")
    assert "The note will be in Spanish" in reply and "first name" in reply
    # A word for the coach is not the child's name (had: "algo que hizo Perfect").
    assert "Just the child's first name" in educator.says("perfect")
    educator.says("Aaliyah")
    educator.clicks("Brief")
    assert "Perfect" not in the_draft(educator)


def test_hard_news_gets_a_note_of_facts_that_asks_for_a_call(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    # Had: kept as what the child did, then "Thank you for talking with me about Leo last
    # time... here is what I have seen since then: I need to let a parent know their son bit".
    heard = educator.says(
        "I need to let a parent know their son bit another kid today. it's the first time "
        "I'm contacting them"
    )
    assert "Share a concern" in heard and "lands better in a call" in heard
    educator.clicks("English")
    educator.says("Leo")
    educator.says("he bit a classmate on the arm at recess; the nurse checked her and she is ok")
    educator.says("a quick call tomorrow after 3")
    educator.clicks("Warm")
    draft = the_draft(educator)
    assert "he bit a classmate on the arm at recess" in draft and "after 3?" in draft
    assert "I need to let a parent know" not in draft and "last time" not in draft


def test_a_request_naming_what_happened_starts_the_concern_note(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "can you help me write a note home? jaylen punched a kid at lunch"
    )
    assert "Share a concern" in reply and "Which language" in reply


@pytest.mark.parametrize(
    "typed",
    [
        "he bit into a lemon at our science tasting and loved it",
        "she did great on her test even after being suspended last year",
    ],
)
def test_good_news_with_a_hard_word_in_it_is_no_concern(app: CoachApp, typed: str) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    # Had (a helper's probe): "Let's write a short note home: Share a concern."
    assert "short note home: Share a concern" not in educator.says(typed)


@pytest.mark.parametrize("typed", ["ok sure", "no name pls"])
def test_words_for_the_coach_are_never_the_child_s_name(app: CoachApp, typed: str) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Celebrate something specific")
    educator.clicks("English")
    # Had: "I have a happy moment to share about Ok Sure".
    assert "Just the child's first name" in educator.says(typed)


def concern_note_at_the_time(educator: Conversation) -> None:
    """A concern note in English for Liam, at "When could you talk?"."""
    educator.says("draft")
    educator.clicks("Share a concern")
    educator.clicks("English")
    educator.says("Liam")
    asked = educator.says("he keeps getting yellow on the behavior chart for talking in reading")
    assert "When could you talk?" in asked


def test_no_time_of_their_own_offers_the_family_s_and_a_question_is_never_pasted(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    concern_note_at_the_time(educator)
    # Had: "Could we talk soon, maybe and if they dont answer??"
    again = educator.says("and if they dont answer?")
    assert "needs a few of your own words" in again and "When could you talk?" in again
    # Had: "Could we talk soon, maybe idk, whenever she wants??"
    educator.says("idk, whenever she wants?")
    note = educator.clicks("Warm")
    assert "a short call at a time that works for you" in note and "idk" not in note


def test_a_tone_asked_for_where_a_detail_was_is_kept_for_the_note(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    concern_note_at_the_time(educator)
    # Had: pasted in as the time to talk.
    kept = educator.says("can you make it sound less like a robot")
    assert "keep the note warm" in kept and "When could you talk?" in kept
    note = educator.says("a short call tomorrow after 3")
    assert "Your draft" in note and "less like a robot" not in note
    # Under the draft, the same words are a warmer version, not "Please pick one".
    warmer = educator.says("make it less formal")
    assert "Your draft" in warmer and "Please pick" not in warmer


@pytest.mark.parametrize(
    "asked", ["how do i say this nicely?", "what should i say?", "idk what to say"]
)
def test_a_question_where_the_facts_are_asked_is_never_pasted_in(app: CoachApp, asked: str) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.clicks("Share a concern")
    educator.clicks("English")
    educator.says("Leo")
    again = educator.says(asked)  # had (a probe): "...what happened at school: how do I say..."
    assert "needs a few of your own words" in again
    educator.says("he keeps missing homework")
    note = educator.says("a call friday at 3")
    note = educator.clicks("Warm") if "Warm, or brief?" in note else note
    assert "he keeps missing homework" in note and asked.rstrip("?") not in note.casefold()


def test_unsure_at_the_language_question_gets_help_choosing_not_a_kept_line(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("draft")
    educator.says("1")
    reply = educator.says("idk what should i put here")
    # Had: "Thanks, I kept that for the note and won't ask for it again."
    assert "the office usually has it on file" in reply and "I kept that" not in reply
    educator.says("1")
    educator.says("Jayden")
    educator.says("he read a whole chapter book aloud")
    note = educator.clicks("Warm")
    assert "Jayden: he read a whole chapter book aloud" in note and "idk" not in note


def test_the_child_and_the_moment_in_the_request_are_not_asked_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    begun = educator.says(
        "can you help me write a text to Maria's mom saying she did great on her reading test"
    )
    assert "I'll use what you told me about Maria" in begun
    # Had: "What is the child's first name?", then "What did you see them do?".
    assert "Warm, or brief?" in educator.says("1")
    note = educator.clicks("Warm")
    assert "Maria: she did great on her reading test" in note


def test_a_moment_told_in_english_is_asked_again_for_a_note_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(
        "can you help me write a text to Maria's mom saying she did great on her reading test"
    )
    asked = educator.says("2")
    assert "What did you see them do?" in asked and "first name" not in asked


def test_his_mom_names_no_child(app: CoachApp) -> None:
    begun = Conversation(app.coach).says(
        "help me write a text to his mom saying he did great today"
    )
    assert "I'll use what you told me about" not in begun


def test_a_request_telling_the_child_is_doing_better_is_a_celebration_with_it_kept(
    app: CoachApp,
) -> None:
    # Session 34: had "What is it for?", the child and the moment asked for again.
    educator = Conversation(app.coach)
    reply = educator.says(
        "can you help me write a note to jaylen's grandma, he's been doing way better in math"
    )
    assert "Celebrate something specific" in reply and "Jaylen" in reply
    educator.says("1")  # English
    draft = educator.says("warm")
    assert "Jaylen" in draft and "doing way better in math" in draft


def test_a_good_grade_after_failing_is_good_news_not_a_concern(app: CoachApp) -> None:
    # Had: "Share a concern", read from "failing".
    educator = Conversation(app.coach)
    educator.says("draft")
    reply = educator.says(
        "he got a B on the fractions test after failing the last two. he stayed in at lunch"
        " twice for help"
    )
    assert "Celebrate something specific" in reply and "concern" not in reply


def test_something_to_mention_typed_with_the_tone_goes_into_the_note(app: CoachApp) -> None:
    # Session 35: "warm, and mention he also aced his quiz friday" took the tone and dropped
    # the quiz.
    teacher = Conversation(app.coach)
    teacher.says("draft celebrate")
    teacher.says("1")
    teacher.says("Jaylen")
    assert "Warm, or brief?" in teacher.says("he helped a new student find his classes all week")
    note = teacher.says("warm, and mention he also aced his quiz friday")
    assert "find his classes all week, and he also aced his quiz friday" in note


def test_a_tone_said_in_more_words_adds_nothing_to_the_note(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    teacher.says("draft celebrate")
    teacher.says("1")
    teacher.says("Jaylen")
    teacher.says("he helped a new student find his classes all week")
    note = teacher.says("warm, say it in a kind way, not too long")
    assert "all week." in note and "kind way" not in note


def test_a_draft_saved_beside_this_week_s_action_leaves_it_the_one_asked_about(
    app: CoachApp, clock: FakeClock
) -> None:
    # Session 35: saving a note home had made "send it" the week's action, and the action
    # chosen in the reflection was never asked about again.
    teacher = Conversation(app.coach)
    teacher.says("reflect relational")
    teacher.says("idk. i have 148 kids. 6 families came to conferences. thats where im at")
    teacher.says("honestly most of them work, prob both")
    teacher.says("4")
    teacher.says("ask the counselor if theres a better number for jaylens dad")
    teacher.says("draft celebrate")
    teacher.says("1")
    teacher.says("maria")
    teacher.says("she went from a D to a B this quarter")
    teacher.says("1")
    saved = teacher.clicks("Save")
    assert "beside this week's action: _ask the counselor" in saved
    clock.advance(days=7)
    assert "better number for jaylens dad" in teacher.says("hi")
    assert "What made it work?" in teacher.clicks("Done")
    assert "went from a D to a B" in teacher.says("journal")


def test_what_is_told_to_the_coach_about_the_note_is_never_pasted_into_it(app: CoachApp) -> None:
    # Session 35: "reply to a mom who emails me angry stuff at midnight..." typed where the
    # purpose is asked had been kept as what was seen, and the note said it word for word.
    teacher = Conversation(app.coach)
    teacher.says("draft")
    reply = teacher.says(
        "reply to a mom who emails me angry stuff at midnight about her sons C. he doesnt do hw"
    )
    assert "what the note is for" in reply and "kept that for the note" not in reply
    teacher.says("4")
    teacher.says("1")
    teacher.says("tyler")
    assert "What have you seen since you last talked?" in teacher.says("2")


def test_a_note_asked_for_in_another_language_is_told_plainly_at_the_start_and_under_it(
    app: CoachApp,
) -> None:
    # Session 35: "can you write a note in vietnamese" began an English/Spanish draft without
    # a word, and "can you do it in Somali?" under a note was asked to pick an option.
    teacher = Conversation(app.coach)
    assert "won't guess at Vietnamese" in teacher.says("can you write a note in vietnamese")
    teacher.says("cancel")
    teacher.says("draft celebrate")
    teacher.says("1")
    teacher.says("Jaylen")
    teacher.says("he helped a new student find his classes")
    teacher.says("1")
    reply = teacher.says("can you do it in Somali?")
    assert "won't guess at Somali" in reply and "Your draft" in reply


def test_an_invitation_typed_ahead_is_not_asked_for_again(app: CoachApp) -> None:
    # Session 35: kept "for the note" at the language question, then asked for again.
    para = Conversation(app.coach)
    para.says("language es")
    para.says("borrador")
    para.says("invitar")
    assert "lo guardé para la nota" in para.says("al cafe con padres el viernes a las 8")
    para.says("español")
    reply = para.clicks("Omitir")
    assert "¿A qué les invita" not in reply and "¿Cálido o breve?" in reply
    assert "al cafe con padres el viernes a las 8" in para.clicks("Cálido")


def test_a_line_asked_to_be_added_or_words_taken_out_under_a_note_are_made(
    app: CoachApp,
) -> None:
    # Session 35: both had been "Please pick one of the options".
    teacher = Conversation(app.coach)
    teacher.says("draft celebrate")
    teacher.says("1")
    teacher.says("Jaylen")
    teacher.says("he helped a new student find his classes all week")
    teacher.says("1")
    added = teacher.says(
        "can you add that i cant share the other kids name because of privacy? but nicely"
    )
    assert "all week. It made my whole day at school. I can't share the other kids name" in added
    assert added.rstrip().count("?") >= 1  # the note still ends with its question
    taken = teacher.says('take out "all week"')
    assert "find his classes. It made" in taken
    missing = teacher.says("take out purple elephants")
    assert "couldn't find “purple elephants”" in missing
    teacher.clicks("Save")
    assert "I can't share the other kids name" in teacher.says("journal")


def test_a_note_for_every_family_at_an_event_is_written_for_all_of_them(app: CoachApp) -> None:
    # Session 35: "it's not for one kid, it's a FAFSA night for all senior families" had been
    # "One child per note works best", and the invitation asked one family to pick a time.
    counselor = Conversation(app.coach)
    counselor.says("draft invite")
    counselor.says("1")
    asked = counselor.says("it's not for one kid, it's a FAFSA night for all senior families")
    assert "Invite families to an event" in asked and "What is the event" in asked
    counselor.says("FAFSA completion night, Tuesday Oct 14 at 6pm in the library")
    note = counselor.says("1")
    assert "You and your family are invited! FAFSA completion night" in note
    assert "get to know your family" not in note and "prefer another" not in note


def test_a_family_night_asked_for_is_an_event_from_the_start(app: CoachApp) -> None:
    leader = Conversation(app.coach)
    reply = leader.says("can you write an invite for our family math night")
    assert "Invite families to an event" in reply
    # Many households read it: not "Which language does the family read best?"
    assert "Which language should this note go out in?" in reply


def test_how_the_note_should_sound_is_heard_and_kept_out_of_it(app: CoachApp) -> None:
    # Session 36: a school nurse's "i dont want it to sound like a truancy letter" was the
    # note's last line, and its Spanish note carried her English and who had told her.
    nurse = Conversation(app.coach)
    nurse.says("draft")
    nurse.clicks("Share a concern")
    nurse.clicks("Español")
    nurse.says("Sofia")
    heard = nurse.says(
        "missed 9 days since october. older sister says shes home watching the baby so mom can"
        " work. i dont want it to sound like a truancy letter"
    )
    assert "keep that out of the note itself" in heard
    nurse.says("el viernes despues de las 3")
    note = nurse.clicks("Warm")
    assert "truancy" not in note and "missed 9 days since october" in note
    assert "Some of what you typed is in English" in note
    assert "The note says who told you (“older sister says”)" in note


def test_i_dont_speak_spanish_turns_the_note_to_english_with_a_word_on_translating(
    app: CoachApp,
) -> None:
    nurse = Conversation(app.coach)
    nurse.says("draft")
    nurse.clicks("Celebrate")
    nurse.clicks("Español")
    nurse.says("Daniela")
    heard = nurse.says(
        "i dont really speak spanish. she came every day this week, 5 for 5, and she was proud"
    )
    assert "Then I'll write the note in English" in heard and "translation service" in heard
    note = nurse.clicks("Warm")
    assert "I have a happy moment to share about Daniela: she came every day this week" in note
    assert "speak spanish" not in note and "Some of what you typed is in English" not in note
    teacher = Conversation(app.coach, "mr-hall")
    teacher.says("draft")
    teacher.clicks("Share a concern")
    teacher.clicks("Español")
    teacher.says("Sofia")
    teacher.says("missed 3 labs and has a 52")
    # Nothing left to say when it goes: the same question, in English.
    asked = teacher.says("i dont speak spanish thats the whole problem")
    assert "Then I'll write the note in English" in asked and "When could you talk?" in asked


def test_reframe_typed_at_a_choice_runs_and_the_note_waits(app: CoachApp) -> None:
    # Session 36: "reframe The dad of my student..." typed at "What is it for?" had been
    # "Thanks, I kept that for the note".
    teacher = Conversation(app.coach)
    teacher.says("draft")
    reply = teacher.says("reframe The dad never comes and doesnt care about homework")
    assert '"never comes"' in reply and '"doesnt care about homework"' in reply
    assert "kept that for the note" not in reply and "message home is still open" in reply
    teacher.says("1")  # the choice still waiting: celebrate
    teacher.clicks("English")
    teacher.says("Omar")
    assert "doesnt care" not in teacher.says("he read his whole essay out loud to the class")


def test_a_question_where_your_name_is_asked_is_answered_not_put_in_the_note(
    app: CoachApp,
) -> None:
    # Session 36: "Hello, this is one of the moms can't read in any language though..."
    teacher = Conversation(app.coach)
    teacher.says("draft")
    teacher.clicks("Introduce")
    teacher.clicks("English")
    reply = teacher.says(
        "one of the moms cant read in any language tho, not even Pashto. what do I do for her"
    )
    assert "Family members who don't read" in reply and "How do families address you?" in reply
    reply = teacher.says("wait, that was a question not my name. my name is Ms. Amira")
    assert "One line about you" in reply
    teacher.says("I teach English to newcomer students, 6th to 8th grade")
    teacher.says("Skip")
    note = teacher.clicks("Warm")
    assert "Hello, this is Ms. Amira" in note and "cant read" not in note


def test_translating_it_myself_is_said_to_the_coach_and_the_note_is_in_english(
    app: CoachApp,
) -> None:
    # Session 37: "I can translate it myself, I'm Vietnamese..." had gone into the note.
    teacher = Conversation(app.coach)
    teacher.says("draft")
    teacher.says("3")
    teacher.says("Español")
    teacher.says("Bao")
    heard = teacher.says(
        "a folktale reading in our class any morning. I can translate it myself, I'm "
        "Vietnamese. just help me with the english version and I'll do the rest"
    )
    assert "you'll put it into the family's language yourself" in heard
    note = teacher.clicks("Warm")
    assert "folktale" in note and "translate" not in note and "Vietnamese" not in note


def test_writing_it_myself_leaves_the_draft_kindly(app: CoachApp) -> None:
    # Session 37: "I'll just write it myself..." had been kept as the invitation, and the
    # next two messages (the concert night) as details of the note.
    teacher = Conversation(app.coach)
    teacher.says("draft")
    teacher.says("3")
    teacher.says("English")
    teacher.says("Mei")
    left = teacher.says("I'll just write it myself and give it to Sra. Lopez")
    assert "a note in your own words is the best kind" in left
    assert "still open" not in teacher.says("journal")


def test_a_person_named_karen_is_no_language(app: CoachApp) -> None:
    # Session 37: "I can write notes only in English and Spanish for now, so I won't guess at
    # Karen", to a principal writing to the PTA president.
    principal = Conversation(app.coach)
    assert "guess at Karen" not in principal.says("help me write a reply email to Karen")
    teacher = Conversation(app.coach, "U2")
    assert "guess at Karen" in teacher.says("can you write a note in Karen for my Karen families")


def test_notes_to_oneself_about_the_family_are_pointed_out_before_the_note_goes(
    app: CoachApp,
) -> None:
    # Session 37: a principal's "I want to thank her for speaking... and ask her to meet"
    # went into the letter to the mother as typed, with nothing said.
    principal = Conversation(app.coach)
    principal.says("draft")
    principal.says("4")
    principal.says("English")
    principal.says("Jamal")
    principal.says(
        "it's the school's failure to follow up. I want to thank her for speaking, and ask her "
        "to meet with me and the counselor next week on her terms"
    )
    note = principal.clicks("Warm")
    assert "speaks about the family (“thank her”)" in note
    plain = Conversation(app.coach, "U2")
    plain.says("draft")
    plain.says("1")
    plain.says("English")
    plain.says("Maria")
    plain.says("she read her whole poem out loud to the class")
    assert "speaks about the family" not in plain.clicks("Warm")


def test_good_news_with_a_note_asked_for_begins_a_celebration(app: CoachApp) -> None:
    # Session 37: had the answer for a parent who broke down ("Keep tissues... ready").
    case_manager = Conversation(app.coach)
    reply = case_manager.says(
        "MARCUS RAN HIS WHOLE IEP TODAY. did intros, read his own strengths off a google slide "
        "and said he wants to be an electrician. his mom cried (good crying). i want to send "
        "mom something tonight"
    )
    assert "Let's write a short note home: Celebrate something specific" in reply
    assert "tissues" not in reply


def test_both_languages_asked_for_begins_in_one_with_the_other_a_tap_away(app: CoachApp) -> None:
    # Session 37: "both?" had chosen Spanish alone, and the details were asked in Spanish.
    teacher = Conversation(app.coach)
    teacher.says("draft")
    teacher.says("1")
    both = teacher.says("both?")
    assert "I'll write it in English first" in both and "En español" in both
    teacher.says("Lily")
    teacher.says("she read her whole book to the class")
    note = teacher.clicks("Warm")
    assert "Lily" in note
    assert teacher.button("En español") is not None


def test_a_note_to_a_colleague_is_said_not_to_be_a_note_home(app: CoachApp) -> None:
    # Session 37: a principal's email to staff and a coordinator's to a teacher had become
    # notes home, and "no es para la familia, es para la maestra" their content.
    principal = Conversation(app.coach)
    asked = principal.says("help me write an email to my principal about the family night budget")
    assert "I only write notes to families" in asked
    coordinator = Conversation(app.coach, "U2")
    coordinator.says("draft")
    coordinator.says("3")
    coordinator.says("English")
    coordinator.says("Kevin")
    assert "I only write notes to families" in coordinator.says(
        "no es para la familia, es para la maestra"
    )
    assert "still open" not in coordinator.says("journal")
    assert "What is it for?" in principal.says("help me write a note to the family about the trip")
