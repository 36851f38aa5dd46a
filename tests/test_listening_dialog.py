"""The coach listens: plain requests, a reply to every answer, help when stuck, check-ins
that lead somewhere, and the journal in the educator's own words."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.models import Reflection
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation, verify_dialog


def at_the_action_step(educator: Conversation, skip: str = "skip") -> None:
    """A relational reflection with both questions skipped (`skip` typed), at "pick one small
    action for this week"."""
    educator.says("reflect relational")
    educator.says(skip)
    educator.says(skip)


def skip_to_own_action(educator: Conversation) -> None:
    """A relational reflection with both questions skipped, at "What's one small thing you'll
    do this week?"."""
    at_the_action_step(educator)
    educator.clicks("Write my own")


def a_week_after_planning(educator: Conversation, clock: FakeClock, action: str) -> str:
    """Their own action planned, a week gone by, and a new reflection asking how it went."""
    skip_to_own_action(educator)
    educator.says(action)
    clock.advance(days=7)
    return educator.says("reflect relational")


def test_plain_requests_are_understood_not_refused(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("Can you help me write an email to a parent about missing homework?", "it for?"),
            ("cancel", "Nothing from it was saved"),
            ("I'm a principal, what should I focus on?", "set that as your role"),
            ("how do I run a home visit?", "learn relational"),
            ("thanks!", "You're welcome"),
            ("this is pointless, I'm drowning", "That sounds like a lot"),
            ("i want to reflect on trust", "Question 1 of 2"),
        ],
    )
    assert "I don't know" not in educator.transcript
    # The principal's question is answered too, not only their role heard.
    principal = Conversation(app.coach, "principal").says(
        "I'm a principal, what should I focus on?"
    )
    assert "set that as your role" in principal and "`assess` is a two-minute" in principal


def test_every_answer_gets_a_reply_that_shows_it_was_read(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("I have 32 kids and no planning period, honestly.")
    assert "small enough" in answer or "Schedules" in answer or "stretched" in answer
    assert "Question 2 of 2" in answer
    answer = educator.says("Tomás's dad only speaks Portuguese so my notes never land.")
    assert "language" in answer.casefold() and "pick one small action" in answer
    # Language and time came up: an interpreter or translated note is offered first.
    assert "interpreter" in answer or "translated" in answer


def test_asking_for_help_writing_to_the_family_mid_reflection_gets_an_answer(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("mom of one of my kids yelled at me in the pickup line")
    answer = educator.says("can u help me write a note to her")
    # Heard as a request, not echoed back nor kept as the answer: the note is written once
    # the reflection is done, and its question is asked again (session 34; it had been kept
    # as the answer, with "type `draft`" once this is done).
    kept = replies_in("en").intents.draft_kept_for_later
    assert kept in answer and "I see what you mean" not in answer
    assert "Question 2 of 2" in answer
    # A plan to send a note is an answer like any other, not a request.
    educator.says("cancel")
    educator.says("reflect relational")
    educator.says("I talked with Ana's grandma at pickup about her reading.")
    assert kept not in educator.says("send a note home friday with her log")


def test_a_short_aside_is_answered_and_never_saved_as_an_answer_or_the_action(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    verify_dialog(
        educator,
        [
            ("thx", "Question 1 of 2"),  # answered, and the same question again
            ("im a counselor", "`profile role counselor` sets it"),
            ("what is the dual capacity framework", "Type `learn`"),
            ("whats a strength", "Here's a way in"),  # a question back: help to answer
        ],
    )
    educator.says("I called Ana's grandma, she was so happy to hear good news")
    educator.says("dad works nights so i text him instead")
    answer = educator.says("im the AP")
    assert "you're a school leader" in answer and "pick one small action" in answer
    assert "Saved to your journal" in educator.clicks_value(educator.option(1))
    journal = educator.says("journal")
    assert "im the AP" not in journal and "counselor" not in journal and "thx" not in journal


@pytest.mark.parametrize(
    "action",
    ["thank the volunteers", "say hi to dad at pickup", "learn how to say hello in somali"],
)
def test_an_action_that_sounds_like_small_talk_is_still_saved(app: CoachApp, action: str) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I called Ana's grandma about her reading.")
    assert "pick one small action" in educator.says("I only ever call Marcus's dad about behavior.")
    assert "Saved to your journal" in educator.says(action)


def test_a_command_with_its_words_mid_reflection_runs_and_keeps_the_place(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("nudges on")
    assert "Weekly nudges are on" in answer and "still open" in answer
    assert "still open" in educator.says("nudges pause 2")
    # Neither was taken for an answer: the first answer moves on to the second question.
    answer = educator.says("learn more about his family")  # an answer that starts like one
    assert "Question 2 of 2" in answer


def test_a_family_s_hours_are_heard_as_time_not_as_the_educator_s_workload(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("dad drives a truck cross country so hes gone for weeks at a time")
    # The time theme, said so that it fits a family's schedule too.
    assert any(words in answer for words in ("yours or the family's", "real lives", "suits both"))
    assert "heavy load" not in answer and "your time" not in answer


def test_a_vague_answer_gets_one_follow_up_then_moves_on(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect asset-based")
    answer = educator.says("it went fine")
    assert "Question 2" not in answer and "Keep going" in answer  # one probe
    answer = educator.says("ok")
    assert "Question 2 of 2" in answer  # never more than one extra turn
    with app.sessions() as session:
        assert session.scalar(select(Reflection.id)) is None  # nothing saved mid-reflection


def test_idk_gets_an_example_and_is_never_saved_as_the_action(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect connections")
    answer = educator.says("idk")
    assert "For example" in answer and "Skip this question" in answer
    educator.clicks("Skip this question")
    answer = educator.says("not sure tbh")
    assert "easier version" in answer.casefold()
    educator.clicks("Skip this question")
    answer = educator.says("idk")
    assert "Small is the point" in answer and 'like "text one family' in answer  # an example
    assert "Saved to your journal" not in answer
    answer = educator.says("Ask Ana's mom on Thursday what time suits her for a call")
    assert "Saved to your journal" in answer


def test_done_is_celebrated_and_not_yet_leads_to_carrying_the_action_over(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Maria's grandma with good news")
    answer = educator.clicks("Not yet")
    assert "What got in the way?" in answer
    answer = educator.clicks("No reply from the family")
    assert "different channel" in answer and "carry it into this week" in answer
    answer = educator.clicks("A smaller version")
    answer = educator.says("Text Maria's grandma one sentence of good news")
    assert "Kept for this week" in answer
    educator.says("skip")
    answer = educator.says("skip")
    assert "Text Maria's grandma one sentence of good news" in answer  # offered first
    educator.clicks("1")
    clock.advance(days=7)
    educator.says("reflect relational")
    answer = educator.clicks("Done")
    assert "Text Maria's grandma one sentence of good news" in answer
    assert "What made it work?" in answer
    answer = educator.says("She texted back the same day")
    assert "Next step up" in answer
    assert "She texted back the same day" in answer  # what made it work was read


def test_forgot_and_asked_for_a_reminder_on_a_day_gets_the_weekly_nudge_moved_there(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "text one family a good-news note")
    answer = educator.says("forgot again, can you remind me wednesday?")
    assert "It happens to everyone" in answer
    assert "Weekly nudges are on" in answer and "arrives Wed" in answer
    assert "carry it into this week" in answer  # the check-in goes on
    assert "Wednesday" in educator.says("nudges")


def test_a_reminder_asked_for_with_no_day_says_how_the_weekly_nudge_can_be_it(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("nudges on")
    a_week_after_planning(educator, clock, "text one family a good-news note")
    answer = educator.says("not yet. i keep forgetting, can u remind me?")
    assert "one-off reminder" in answer and "`nudges day wed`" in answer
    told = educator.says("no, let it go")
    assert "one-off reminder" not in told


def test_an_emoji_at_what_made_it_work_is_a_reaction_not_a_note_to_quote(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "text one family a good-news note")
    educator.clicks("Done")
    answer = educator.says("🙃")
    assert "🙃" not in answer and "Next step up" in answer
    assert "🙃" not in educator.says("journal")


def test_the_journal_shows_the_educators_own_words(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect cognition")
    educator.says("I assumed the Nguyens weren't interested, but they were working two jobs.")
    educator.says("skip")
    educator.clicks("1")
    journal = educator.says("journal")
    assert "You wrote: “I assumed the Nguyens weren't interested" in journal
    with app.sessions() as session:
        reflection = session.scalars(select(Reflection)).one()
        sealer = app.coach.sealer.for_educator(session, reflection.educator_id)
        stored = json.loads(sealer.unseal(reflection.answers))  # sealed, always
    assert stored[0]["answer"].startswith("I assumed the Nguyens")


def test_a_complaint_typed_over_the_action_buttons_is_not_saved_as_the_action(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("skip")
    answer = educator.says("skip")
    assert "pick one small action" in answer
    answer = educator.says("those parents just dont care honestly")
    assert "A gentle thought on wording" in answer
    assert "doesn't look like an action yet" in answer and "Saved to your journal" not in answer
    answer = educator.says("Call the Ortiz family Thursday with one piece of good news")
    assert "Saved to your journal" in answer


@pytest.mark.parametrize(
    "question",
    [
        "qué es esto",
        "wait what do I pick?",
        "how long should it be",
        # The answer to the question before, still wondering: not this week's plan.
        "maybe the family of jayden? mom works nights i think",
    ],
)
def test_a_question_at_the_action_step_is_not_saved_as_the_action(
    app: CoachApp, question: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("skip")
    educator.says("skip")
    answer = educator.says(question)
    # Help for the stuck, or the answer to what it asks ("how long should it be": what counts).
    helped = [
        "doesn't look like an action yet",
        "Small is the point",
        *replies_in("en").action_questions.values(),
    ]
    assert any(said in answer for said in helped) and "Saved to your journal" not in answer
    assert "Saved to your journal" in educator.says("1")


@pytest.mark.parametrize(
    "stuck",
    [
        "i guess i dont know",
        "give me a sec i cant think of anyone",
        "no tengo ninguna",
        "struggling to think of one",
    ],
)
def test_saying_nothing_comes_to_mind_gets_a_way_in_and_nothing_is_kept(
    app: CoachApp, stuck: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(stuck)
    assert "Here's a way in" in answer and "Question 2" not in answer


@pytest.mark.parametrize(
    "unsure_answer",
    [
        "the Garcias?",
        "idk maybe the Alvarez family? dad works nights",
        "we have a family that never answers",  # had: the help, as if nothing were said
    ],
)
def test_a_family_named_unsure_of_itself_is_an_answer(app: CoachApp, unsure_answer: str) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(unsure_answer)
    assert "Here's a way in" not in answer and "Question 2 of 2" in answer


def test_stuck_twice_gets_a_different_example(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    first = educator.says("idk")
    second = educator.says("not sure")
    assert "For example" in first and "For example" in second and first != second


@pytest.mark.parametrize("symbol", ["²", "①", "…", "😀"])
def test_a_symbol_typed_at_a_question_is_no_answer_to_probe_or_quote(
    app: CoachApp, symbol: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(symbol)
    # "²" had: "Can you make it concrete?", then "Thanks, I see what you mean about "²"."
    assert "For example" in answer and "Question 2" not in answer
    assert "concrete" not in answer and symbol not in answer


def test_asked_whether_something_counts_gets_a_yes_and_the_question_again(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    # Had: "No problem. Here's a way in: For example, someone might write..."
    answer = educator.says("does a phone call count as two-way? or does it have to be in person?")
    assert answer.startswith("Yes, most likely") and "Question 1 of 2" in answer
    assert "For example" not in answer


def test_asked_for_help_with_a_note_mid_reflection_is_pointed_to_draft(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(
        "wait actually can you help me write a msg to a parent first? her kid hit another kid"
    )
    # Had: 'Noted, "wait actually can you help me write a msg..." Thanks for putting it into words'.
    assert replies_in("en").intents.draft_kept_for_later in answer and "Noted" not in answer


@pytest.mark.parametrize("marks", ["?", "??", "¿?"])
def test_a_question_mark_inside_a_reflection_gets_help_with_the_question(
    app: CoachApp, marks: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(marks)
    assert "For example" in answer and "Here's what you can type" not in answer
    assert "Skip this question" in answer


@pytest.mark.parametrize("marks", ["??", "¿", "¿?"])
def test_question_marks_alone_ask_what_the_coach_does(app: CoachApp, marks: str) -> None:
    answer = Conversation(app.coach).says(marks)
    assert "Here's what you can type" in answer  # had: "I read words better than emoji"


def test_emoji_or_a_sentence_it_cannot_place_gets_a_way_forward(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("🙃", "better than emoji"),
            ("my cat walked on the keyboard yesterday", "not sure what you'd like"),
            ("reflet relational", "Did you mean `reflect`?"),
        ],
    )
    assert "I don't know `🙃`" not in educator.transcript


def test_a_reflection_waits_while_a_nudge_button_is_clicked(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("checkin 999 done")  # a stale button from an old nudge
    assert "can't find that planned action" in answer and "is still open" in answer
    answer = educator.says("I called Ana's grandmother and she told me how much Ana loves drawing")
    assert "Question 2 of 2" in answer  # the stale click was not taken as the answer


def test_hi_from_someone_the_coach_knows_is_a_hello_with_what_is_waiting(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "Here's what you can type" in educator.says("hi")  # first time: the whole menu
    educator.says("reflect relational")
    educator.says("I have 32 kids and no planning period, honestly.")
    educator.says("Tomás's dad only speaks Portuguese so my notes never land.")
    educator.says("Send one short note home in Portuguese with a translation app")
    hello = educator.says("hello")
    assert "Here's what you can type" not in hello
    assert "Last time you planned" in hello and "Portuguese" in hello
    educator.says("reflect connections")
    back = educator.says("hi")  # back mid-reflection: where we were, not the whole menu
    assert "Here's what you can type" not in back and "where we left off" in back
    assert "How did it go?" in back


def test_how_did_it_go_can_be_typed_and_its_reason_is_heard(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I have 32 kids and no planning period, honestly.")
    educator.says("Tomás's dad only speaks Portuguese so my notes never land.")
    educator.says("Send one short note home in Portuguese with a translation app")
    answer = educator.says("reflect connections")
    assert "How did it go?" in answer
    answer = educator.says("not yet, honestly I forgot all about it")
    assert "What got in the way?" not in answer  # the reason was already given
    assert "reminder" in answer and "carry it into this week" in answer
    assert "I'll offer it first" in educator.clicks("Yes, as it was")
    with app.sessions() as session:
        (first,) = session.scalars(select(Reflection)).all()
        assert first.action_status == "not_yet"


def _partly_done_and_something_else(educator: Conversation) -> str:
    educator.says("reflect relational")
    educator.says("I called Ana's grandma about her reading.")
    educator.says("I only ever call Marcus's dad about behavior.")
    educator.says("Call Marcus's dad with one good thing this week")
    educator.says("reflect connections")
    educator.clicks("Partly")
    return educator.clicks("Something else")


def test_something_else_asks_what_it_was_and_the_reply_fits_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "What was it?" in _partly_done_and_something_else(educator)
    answer = educator.says("report cards ate my whole week")
    assert "Weeks fill up" in answer and "carry it into this week" in answer  # heard as time
    educator.clicks("No, let it go")
    assert "report cards ate my whole week" in educator.says("journal")  # in their words


def test_something_else_can_stay_unsaid(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    _partly_done_and_something_else(educator)
    answer = educator.clicks("I'd rather not say")
    # Partly, and nothing more said: the part that happened is what is said back.
    assert "Part of it happened" in answer and "carry it into this week" in answer


def test_an_unclear_typed_check_in_asks_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I have 32 kids and no planning period, honestly.")
    educator.says("Tomás's dad only speaks Portuguese so my notes never land.")
    educator.says("Send one short note home in Portuguese with a translation app")
    educator.says("reflect connections")
    answer = educator.says("hmm")
    assert "pick one of the options" in answer and "How did it go?" in answer
    assert "celebrat" not in answer.casefold()


def test_a_question_asked_again_after_draft_keeps_its_options_and_a_bare_number_is_no_answer(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    verify_dialog(
        educator,
        [
            ("idk", "1. Skip this question"),  # help, with one button
            ("draft", "is still open"),  # one guided conversation at a time
        ],
    )
    # The same question again, with the same button, so "1" skips it as it would have.
    assert "Question 1 of 2" in educator.transcript
    assert "1. Skip this question" in educator.transcript
    answer = educator.says("1")
    assert "Question 2 of 2" in answer and 'Noted, "1"' not in answer
    # Here no option is shown: a bare number is a slip, told so, and the question stays.
    verify_dialog(
        educator,
        [
            ("1", "There's no option 1 here"),
            ("help", "Question 2 of 2"),
            ("3.", "There's no option 3 here"),
            ("Ana's grandma only hears from me about problems.", "pick one small action"),
            ("9", "There's no option 9 here"),
            ("Write my own", "One sentence is plenty"),
        ],
    )
    answer = educator.says("2")  # the own-words action step shows no options either
    assert "There's no option 2 here" in answer and "Saved to your journal" not in answer
    assert "Saved to your journal" in educator.says("Call Ana's grandma with one good thing.")
    with app.sessions() as session:
        reflection = session.scalars(select(Reflection)).one()
        sealer = app.coach.sealer.for_educator(session, reflection.educator_id)
        stored = json.loads(sealer.unseal(reflection.answers))
        action = sealer.unseal(reflection.action)
    assert [entry["answer"] for entry in stored] == [
        "",
        "Ana's grandma only hears from me about problems.",
    ]
    assert action == "Call Ana's grandma with one good thing."


def test_names_or_a_bare_no_outside_a_flow_are_not_read_as_frustration(app: CoachApp) -> None:
    # Frustration is hostility, overload, "this is pointless": not a name, not a plain "no".
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("Maya and Leo", "not sure what you'd like me to do with that"),
            ("no", "I'm here when you want me"),
            ("this is pointless", "not always useful"),  # the real thing still is (at the coach)
            ("ugh", "That sounds like a lot"),  # and so is a short weary word
        ],
    )
    for said in ("Maya and Leo", "no", "Priya and Marcus"):
        assert "That sounds like a lot," not in educator.says(said)


def test_a_short_yes_no_or_idk_with_nothing_asked_gets_a_way_in_not_a_puzzled_reply(
    app: CoachApp,
) -> None:
    # Typed between conversations ("ok" to a nudge read on the phone, "nope", "later"), a
    # short reply is not a mistyped command: the coach says where to start, once.
    educator = Conversation(app.coach)
    for said in ("nope", "idk", "ok", "later", "not really", "no thanks"):
        answer = educator.says(said)
        assert "I don't know" not in answer and "not sure what you'd like" not in answer
        assert "`reflect`" in answer or "welcome" in answer.casefold()
    # A typo of a command word is still one.
    assert "Did you mean `reflect`?" in educator.says("reflet")


def test_something_told_outside_a_reflection_is_heard_and_offered_a_reflection(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    verify_dialog(
        educator,
        [
            # What it is about, in the coach's words, then a way to think it through.
            ("my principal wants more family nights but nobody ever comes", "Want to think it"),
            ("half my families speak Dari and we have no interpreter", "Language"),
            ("Maya's mom came to conferences for the first time!!", "Want to build on it?"),
            # Anger from a family is heard as that, not as the educator's overload (since
            # session 26, the angry parent's own situation answers it).
            ("a dad yelled at me in the pickup line today", "A parent who is angry with you"),
        ],
    )
    assert "good-news message" not in educator.says("a dad yelled at me in the pickup line")
    # Told nothing the coach can place: still a plain way forward.
    assert "not sure what you'd like" in educator.says("the weather is nice today")
    # A sentence whose first word looks a little like a command word is still a sentence,
    # and an event nobody came to is heard as families not coming.
    empty_nights = educator.says("our family nights are always empty")
    assert "Did you mean" not in empty_nights
    assert "Want to think it through?" in empty_nights
    assert "Did you mean `reflect`?" in educator.says("reflet relational")


def test_two_answers_about_the_same_thing_are_not_answered_with_the_same_sentence(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    first = educator.says("i have 34 kids and no planning period").splitlines()[0]
    second = educator.says("no time this week, we had testing all week").splitlines()[0]
    assert first != second
    time_said = replies_in("en").acknowledge["time"]
    assert first in time_said and second in time_said  # both still heard as time


def test_a_bright_spot_after_a_busy_week_is_heard_as_the_bright_spot(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("i have 34 kids and no planning period")
    # Time again, and a success: the success is what has not been heard yet.
    answer = educator.says("grandma works nights so i texted at 4pm and she answered right away")
    assert answer.splitlines()[0] in replies_in("en").acknowledge["positive"]


def test_a_smaller_step_that_is_not_a_step_is_said_so_and_nothing_is_kept(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Maria's grandma with good news")
    educator.clicks("Partly")
    educator.clicks("No time")
    educator.clicks("A smaller version")
    answer = educator.says("yes")
    assert "doesn't look like a step yet" in answer and "Kept for this week" not in answer
    assert "Kept for this week" in educator.says("Text Maria's grandma one line on Friday")


def test_an_answer_that_says_who_the_educator_is_is_heard_as_that(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect linked-to-learning")
    answer = educator.says("I'm a counselor, not a teacher, so I don't really have lesson plans")
    assert "you're a counselor" in answer and "`profile role counselor`" in answer
    assert "time" not in answer.splitlines()[0].casefold()  # not heard as a lack of time
    assert "Question 2 of 2" in answer  # kept as the answer, and on to the next question
    educator.says("cancel")
    educator.says("profile role counselor")
    educator.says("reflect linked-to-learning")
    again = educator.says("I'm a counselor, not a teacher, so I don't really have lesson plans")
    assert "profile role" not in again  # said once it is set: nothing to offer


def test_a_one_word_answer_gets_one_follow_up_and_reads_as_two_sentences(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    asked = educator.says("Ana")
    assert "Question 2" not in asked and any(p in asked for p in replies_in("en").probe)
    heard = educator.says("she told me about her soccer team")
    assert "Ana. She told me about her soccer team" in heard and "Question 2" in heard
    # A follow-up answered with "not sure" adds nothing to the first answer.
    educator.says("Marco")
    assert '"Marco"' in educator.says("not sure what else")


def test_a_single_word_is_never_saved_as_the_week_s_action(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    answer = educator.says("frobnicate")
    assert "doesn't look like an action yet" in answer and "Saved" not in answer
    assert "Saved to your journal" in educator.says("text Ana's dad")


@pytest.mark.parametrize(
    ("typed", "heard_as"),
    [
        ("it went fine, no problems", "done"),  # a "no" inside is not a "no"
        ("called but no answer", "partly"),  # tried, and the family did not answer
        ("I sent it but the family never wrote back", "partly"),
        ("nope", "not_yet"),
        ("me fue bien", "done"),
    ],
)
def test_a_typed_how_did_it_go_is_read_as_the_educator_meant_it(
    app: CoachApp, typed: str, heard_as: str
) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("Call Maria's grandma with good news")
    assert "How did it go?" in educator.says("reflect connections")
    educator.says(typed)
    with app.sessions() as session:
        first = session.scalars(select(Reflection).order_by(Reflection.id)).first()
        assert first is not None and first.action_status == heard_as


def test_a_deficit_answer_is_not_agreed_with_before_the_note_on_its_wording(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect asset-based")
    answer = educator.says("honestly some of my families are just lazy about reading logs")
    assert answer.startswith("A gentle thought on wording")  # no "Let's build on that" first
    general = replies_in("en").acknowledge["general"]
    assert not any(line.split("{snippet}")[0] in answer for line in general)
    assert "Question 2 of 2" in answer


def test_a_typo_of_a_command_word_keeps_the_words_after_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    assert "Weekly nudges are on" in educator.says("nudgs on")  # not just the status
    assert "Weekly nudges are off" in educator.says("nudges off")
    assert "Question 1 of 2" in educator.says("reflet on trust")  # the topic read, not "on trust"
    educator.says("cancel")
    spanish = Conversation(app.coach, "sra-lopez")
    spanish.says("idioma es")
    assert "están activados" in spanish.says("recordatorio on")


def test_an_event_only_a_few_families_came_to_is_heard_as_families_not_coming(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    heard = replies_in("en").acknowledge["no-response"]
    first = educator.says("honestly only like 5 parents came to literacy night, we made 60 bags")
    assert first.splitlines()[0] in heard  # not read as the educator's lack of time
    second = educator.says("the same 4 moms come to everything")  # "4" is not "for" here
    assert second.splitlines()[0] in heard and second.splitlines()[0] != first.splitlines()[0]
    # The actions offered fit it: another way to reach the families who did not come.
    assert "different channel" in second


def test_venting_about_families_is_heard_as_what_it_is_about_and_overload_as_overload(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    fed_up = educator.says("so done with this, no one ever answers my calls")
    assert fed_up.split(". ")[0] in " ".join(replies_in("en").acknowledge["no-response"])
    assert "Want to think it through?" in fed_up
    overloaded = educator.says("im drowning. 34 kids and no planning period")
    assert overloaded in replies_in("en").intents.frustration


def test_emails_the_educator_has_not_answered_are_heard_as_a_full_week_not_a_silent_family(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    behind = educator.says("ugh long day. 3 parent emails i havent answered and grades due friday")
    assert "quiet" not in behind
    assert behind in replies_in("en").intents.frustration


def test_counting_who_came_is_not_taken_for_deficit_wording(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    for counted in ("the usual 3 moms", "the regulars showed up, nobody new"):
        assert "thought on wording" not in educator.says(counted)


def test_a_hello_typed_as_an_answer_is_not_taken_for_a_bright_spot_with_a_family(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("morning! made it to wednesday 🎉")
    assert answer.splitlines()[0] not in replies_in("en").acknowledge["positive"]
    # A thank-you that is about a family is still the good news it is.
    answer = educator.says("gracias!! la mamá ya me contestó 😊")
    assert answer.splitlines()[0] in replies_in("en").acknowledge["positive"]


def test_more_about_the_week_typed_at_carry_it_over_is_kept_and_yes_or_no_can_be_typed(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Send the Nguyens a note about Linh's poster")
    educator.clicks("Partly")
    educator.clicks("No time")
    # Not one of the choices: heard and kept with how it went, then the question again.
    answer = educator.says("honestly the week got away from me, i wrote it but never sent it")
    assert "kept that with how it went" in answer and "carry it into this week" in answer
    assert "pick one of the options" not in answer
    assert "Kept for this week" in educator.says("yes, same as before")
    journal = educator.says("journal")
    assert "i wrote it but never sent it" in journal
    # Another educator types "not this week": the action is let go.
    other = Conversation(app.coach, "U2")
    a_week_after_planning(other, clock, "Call Ana's dad about the field trip")
    other.clicks("Not yet")
    other.clicks("I forgot")
    assert "let it go" in other.says("nah not this week").casefold()


def test_a_family_s_language_told_outside_a_reflection_is_not_a_request_to_switch(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    for told in ["mom only reads spanish", "the spanish flyer got way more replies"]:
        answer = educator.says(told)
        assert "Which language would you like?" not in answer
        assert "Want to think it through?" in answer or "Want to build on it?" in answer
    # Said to the coach, it still switches (straight to the language named).
    assert "desde ahora le hablo en español" in educator.says("can u talk to me in spanish")


def test_a_question_is_answered_with_the_practice_closest_to_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    answer = educator.says("how do I run a home visit?")
    assert "home visit" in answer.split("learn relational")[0].casefold()
    other = educator.says("how do i get better at greeting families at pickup")
    assert "pickup" in other.casefold() and other != answer


def test_a_role_said_in_passing_with_a_question_is_offered_after_the_answer(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    answer = educator.says(
        "im a counselor, how do i get families to trust me when they think im only there"
        " for discipline"
    )
    assert "learn relational" in answer and "set that as your role" in answer
    assert answer.index("learn relational") < answer.index("set that as your role")
    educator.clicks("Yes, set counselor or social worker")
    # Once set, the same kind of question is simply answered.
    again = educator.says("im a counselor, how do i build trust with a dad who is angry")
    assert "set that as your role" not in again


def test_frustration_at_the_coach_is_owned_and_a_heavy_week_is_heard_as_one(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    at_the_coach = educator.says("this bot is useless honestly")
    assert "not always useful" in at_the_coach and "`nudges off`" in at_the_coach
    assert "That sounds like a lot" in educator.says("this is pointless, I'm drowning")
    assert "That sounds like a lot" in educator.says("ugh")
    # Had: "Fair enough; I'm not always useful" ("this" names the job) and "You're welcome".
    assert "That sounds like a lot" in educator.says("this job is killing me")
    assert "not always useful" in educator.says("you suck")


def test_a_morning_inside_a_story_is_when_it_happened_not_a_hello(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    # Had: "Hi! I'm your family-partnership coach..." ("morning" read as a hello).
    told = educator.says("A dad was furious with me this morning")
    assert "Hi!" not in told and "worry about their child" in told
    assert "Hi!" in educator.says("morning!")


@pytest.mark.parametrize(
    ("typed", "asked_why"),
    [
        ("más o menos", True),  # three words that only say "partly"
        ("sort of yeah", True),
        ("not yet, I forgot", False),  # the reason is already said
        ("kinda, no reply from his mom", False),
    ],
)
def test_a_typed_outcome_alone_is_asked_what_got_in_the_way(
    app: CoachApp, typed: str, asked_why: bool
) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("Call Maria's grandma with good news")
    educator.says("reflect connections")
    answer = educator.says(typed)
    assert ("What got in the way?" in answer) is asked_why
    assert ("carry it into this week" in answer) is not asked_why


def test_a_hello_with_an_action_waiting_asks_one_thing_not_also_the_role(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Maria's grandma with good news")
    educator.says("cancel")
    hello = educator.says("hi")
    assert "Maria's grandma" in hello and "what's your role?" not in hello
    # With nothing waiting, the role question comes with a hello, once.
    newcomer = Conversation(app.coach, "U2")
    newcomer.says("learn")
    assert "what's your role?" in newcomer.says("hello")
    assert "what's your role?" not in newcomer.says("hello again")


@pytest.mark.parametrize("goodbye", ["thanks, night", "ok thx bye", "gracias, buenas noches"])
def test_signing_off_at_the_action_step_is_not_saved_as_the_action(
    app: CoachApp, goodbye: str
) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    answer = educator.says(goodbye)
    assert "Saved to your journal" not in answer
    assert goodbye not in educator.says("journal")


def test_an_answer_about_two_things_hears_both(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("so tired. 3 IEP meetings and mom still hasn't signed")
    acknowledged = reply.splitlines()[0]
    no_response = replies_in("en").acknowledge["no-response"]
    assert any(acknowledged.startswith(line) for line in no_response)  # the silence
    assert replies_in("en").acknowledge_also["time"] in acknowledged  # and the week


def test_a_how_to_question_naming_what_is_in_the_way_gets_things_to_try(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("hey, what should i do about a mom who never answers?")
    assert "Two things you could try this week:" in reply
    tried = [line.removeprefix("• ") for line in reply.splitlines() if line.startswith("• ")]
    assert len(tried) == 2
    assert set(tried) <= set(replies_in("en").theme_actions["no-response"])
    assert "I don't have a ready answer" not in reply
    spanish = Conversation(app.coach, "sra-lopez", locale="es-MX")
    spanish.says("idioma es")
    asked = spanish.says("¿qué hago si los papás nunca contestan?")
    assert "Dos cosas que podría probar esta semana:" in asked


def test_a_question_about_a_family_night_gets_a_try_for_events_and_one_about_a_mom_does_not(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    event = educator.says(
        "we have family night thursday, how do i get more than 10 families to come"
    )
    assert "Two things you could try this week:" in event and "family night or event" in event
    one_mom = educator.says("what do i do about a mom who never answers my emails")
    assert "Two things you could try this week:" in one_mom and "event" not in one_mom


def test_a_weary_message_with_a_question_in_it_gets_the_question_answered(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("ugh long day. how do i get parents to actually come to conferences")
    assert reply.startswith(replies_in("en").intents.weary_then_question)
    assert "Two things you could try this week:" in reply  # families not coming, heard
    assert "That sounds like a lot," not in reply  # the weary reply alone, with nothing answered
    # A rhetorical question is weariness, not a request for tips.
    assert "That sounds like a lot" in educator.says("im so done. why do i even bother")


def test_a_request_typed_at_what_made_it_work_is_answered_not_kept_as_the_note(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "text one family a good-news note")
    reply = educator.says(
        "done! also can you help me write a note to invite families to our art show?"
    )
    assert "Well done" in reply and "type `draft`" in reply and "Worth keeping" not in reply
    assert "art show" not in educator.says("journal")


def test_a_smaller_version_asked_for_at_what_got_in_the_way_is_asked_for_straight_away(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "call three families with good news")
    reply = educator.says("not yet, what's a smaller version i could do?")
    assert "What's a smaller version you could do this week?" in reply
    assert "Kept for this week" in educator.says("call one family on thursday")


def test_a_wrong_number_is_heard_as_a_message_that_never_arrived(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "text the Johnsons about his science project")
    educator.clicks("Partly")
    reply = educator.says("i texted but the number was wrong")
    assert "never reached them" in reply and "Not hearing back" not in reply
    assert "carry it into this week" in reply


def test_phone_tag_is_heard_as_a_family_that_answered(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Luis's dad about his math")
    educator.clicks("Partly")
    reply = educator.says("dad called back but i missed it, phone tag all week")
    assert reply.startswith(replies_in("en").checkin.phone_tag_reply)
    assert "Not hearing back" not in reply
    assert "Want to carry it into this week?" in reply


def test_a_family_that_called_back_in_the_end_is_not_told_of_as_a_silent_one(
    app: CoachApp, clock: FakeClock
) -> None:
    # Session 36: the silence at the start of the story had been all the coach heard.
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Minh's mom about his reading")
    educator.clicks("Partly")
    reply = educator.says(
        "well i tried calling tuesday and nobody answered but then mom called back on thursday"
        " and we talked for like 20 min about his soccer"
    )
    assert reply.startswith(replies_in("en").checkin.answered_after_all_reply)
    assert "Not hearing back" not in reply and "Want to carry it into this week?" in reply

    educator = Conversation(app.coach, "mr-cole")
    a_week_after_planning(educator, clock, "Call Luis's dad about his math")
    educator.clicks("Not yet")
    reply = educator.says("called twice but nobody answered, and she never called back")
    assert replies_in("en").checkin.answered_after_all_reply not in reply


def test_no_reply_because_of_the_family_s_hours_gets_the_no_reply_answer(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Luis's dad about his math")
    educator.clicks("Not yet")
    reply = educator.says("she never answered, i think she works nights")
    barriers = replies_in("en").checkin.barrier_replies
    assert reply.startswith(barriers["no_reply"])  # "another time of day": her hours
    assert barriers["no_time"] not in reply  # not "weeks fill up": that is the educator's


def test_a_hello_with_a_question_gets_the_question_answered_not_the_menu(
    app: CoachApp,
) -> None:
    newcomer = Conversation(app.coach, "ms-haidari")
    reply = newcomer.says("hey so how do i get my newcomer families to trust me")
    assert "learn relational" in reply
    assert "Here's what you can type" not in reply
    assert "Here's what you can type" in Conversation(app.coach, "mr-lim").says("hey")


def test_checkin_typed_by_hand_asks_about_the_waiting_action_or_says_none_waits(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    assert "no planned action waiting" in educator.says("checkin")
    skip_to_own_action(educator)
    educator.says("Call Luis's dad about his math")
    assert "Once you've done it" in educator.says("checkin")  # chosen a minute ago
    clock.advance(days=7)
    asked = educator.says("checkin")
    assert "Call Luis's dad about his math" in asked and "How did it go?" in asked
    assert "can't find that planned action" not in asked
    assert "Done!" in educator.says("checkin ² done")  # no button's number: the one waiting


def test_an_answer_offered_tentatively_is_an_answer_not_a_cry_for_help(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    assert "Question 2 of 2" in educator.says("maybe the lees?")
    assert "pick one small action" in educator.says("maybe text them?")
    stuck = Conversation(app.coach, "mr-ortiz")
    stuck.says("reflect relational")
    assert "Here's a way in" in stuck.says("maybe not")  # a hedge with nothing after it


def test_a_question_s_barrier_gets_one_try_beside_the_topic_s_practice(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("how do i get my families to trust me, most of them speak dari")
    assert "learn relational" in reply  # the question, answered from its topic
    assert "And for what you mentioned: ask the office which families need an interpreter" in reply
    assert "what you mentioned" not in educator.says("how do I run a home visit?")


def test_spanish_how_to_questions_about_a_barrier_get_things_to_try(app: CoachApp) -> None:
    educator = Conversation(app.coach, "sra-nunez", locale="es-MX")
    educator.says("idioma es")
    for asked in (
        "¿cómo hago para que los papás vengan a las juntas?",
        "oye, ¿qué le digo a un papá que se enoja en las juntas?",
    ):
        reply = educator.says(asked)
        assert "Dos cosas que podría probar esta semana:" in reply, reply
        assert "No tengo una respuesta lista" not in reply


def a_week_after_choosing(
    educator: Conversation, clock: FakeClock, action: str = "Call Luis's dad about his math"
) -> None:
    """Their own action chosen, and a week gone by with no conversation open."""
    skip_to_own_action(educator)
    educator.says(action)
    clock.advance(days=7)


def test_how_it_went_typed_after_the_check_in_question_is_the_check_in(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("Call Luis's dad about his math")
    assert "How did it go?" not in educator.says("not yet")  # chosen a minute ago: not asked
    clock.advance(days=7)
    assert "How did it go?" in educator.says("journal")
    assert "What got in the way?" in educator.says("not yet")
    assert "Want to carry it into this week?" in educator.says("no time, conferences week")
    checked = Conversation(app.coach, "mr-lim")
    a_week_after_choosing(checked, clock, "Text Ana's mom about the science fair")
    celebrated = checked.says("done!")  # not "there's nothing to cancel"
    assert '"Text Ana\'s mom about the science fair"' in celebrated
    assert "What made it work?" in celebrated
    spanish = Conversation(app.coach, "sra-vega")
    a_week_after_choosing(spanish, clock)
    assert "Want to carry it into this week?" in spanish.says("no pude, se me olvidó")


@pytest.mark.parametrize(
    "said",
    [
        "yes",  # could answer anything
        "how do i get dads to come to conferences? mine never did",  # a request
        "ugh I haven't had time to breathe, 3 IEPs this week",  # the week, not the action
    ],
)
def test_what_does_not_open_with_how_it_went_is_not_taken_for_a_check_in(
    app: CoachApp, clock: FakeClock, said: str
) -> None:
    educator = Conversation(app.coach)
    a_week_after_choosing(educator, clock)
    reply = educator.says(said)
    assert "What got in the way?" not in reply and "Want to carry it" not in reply
    assert "How did it go?" in educator.says("checkin")  # still waiting for its check-in


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("i guess i could write her a quick note about the class garden",
         "Write her a quick note about the class garden"),
        ("maybe text mom about the field trip", "Text mom about the field trip"),
        ("Call Ana's grandma with one good thing.", "Call Ana's grandma with one good thing."),
        ("not sure it'll work but i'll call grandma thursday", "Call grandma thursday"),
        ("ill try texting mom", "Try texting mom"),  # a plan, not "good luck with it"
    ],
)  # fmt: skip
def test_an_own_action_is_saved_as_its_step_without_what_led_up_to_it(
    app: CoachApp, typed: str, saved: str
) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    assert f"Your action for this week: _{saved}_" in educator.says(typed)
    assert saved in educator.says("journal")


def test_asking_in_plain_words_to_stop_or_restart_wording_notes_switches_them(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("stop correcting my wording", "no more notes on wording"),
            ("you can turn the reframe suggestions back on", "at most one note on wording"),
            ("stop it", "nothing to cancel"),
        ],
    )


def test_colleagues_talking_down_families_is_heard_and_never_switches_the_notes_off(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    for told in (
        "in the teachers lounge everyone says these parents dont care, i never know what to say",
        "my co-teacher keeps talking bad about the parents in front of me and it bugs me",
        'coach here, teachers on my team keep saying "those parents dont care." how do I push back',
    ):
        reply = educator.says(told)
        assert "colleagues' talk about families" in reply
        assert "no more notes on wording" not in reply
    educator.says("reflect relational")
    # The notes on wording are still on: a deficit phrase in an answer gets one.
    assert "A gentle thought on wording" in educator.says("those parents just dont care")
    assert "no more notes on wording" in educator.says("quit reframing my stuff")


@pytest.mark.parametrize(
    ("asked", "locale", "answered"),
    [
        ("how do i talk to a dad about his daughter's attitude in class without starting a "
         "fight", None, "conversation"),
        # The situation's own answer, since session 20 (it had the hard-conversation advice).
        ("how do i talk to a parent about their kids hygiene without embarrassing them", None,
         "**A private matter about a child's health or care**"),
        # The situation's own answer, since session 20 (it had the hard-conversation advice).
        ("cómo le digo a una mamá que su hijo necesita evaluación de educación especial", "es-MX",
         "**Plantear una posible evaluación**"),
    ],
)  # fmt: skip
def test_how_to_say_a_hard_thing_to_a_family_gets_a_way_to_have_that_conversation(
    app: CoachApp, asked: str, locale: str | None, answered: str
) -> None:
    reply = Conversation(app.coach, locale=locale).says(asked)
    assert "I don't have a ready answer" not in reply
    assert "No tengo una respuesta lista" not in reply
    assert answered in reply


@pytest.mark.parametrize(
    ("asked", "locale", "answered"),
    [
        ("the foster mom and bio mom both want updates and they dont get along. who do i send "
         "stuff to", None, "educational rights"),
        ("whats the difference between family involvement and family engagement", None,
         "planning it with them"),
        ("hay alguna forma de invitar a las familias que no saben leer? mandamos todo por "
         "escrito", "es-MX", "mensaje de voz"),
        ("what if the family is experiencing homelessness, i dont know for sure", None,
         "McKinney-Vento"),
        ("random but do you have a favorite book", None, "outside what I know"),
        # Had: "outside what I know" too.
        ("unrelated but do you have ideas for getting more families to come to conferences?",
         None, "Read more with `learn"),
        ("para here. a mom asked me if her son is behind and im not sure im allowed to answer",
         None, "teacher's to share"),
        ("a mom cried at drop off every day for 2 weeks and now her kid does too", None,
         "warm routine"),
        ("whats a good icebreaker for back to school night thats not cringe", None,
         "Keep your part short"),
        ("im the new AP and honestly have no idea where to start with family engagement", None,
         "Start by listening"),
        ("any ideas for getting more dads involved? every event it's all moms and grandmas",
         None, "something concrete"),
        ("trabajo en una escuela rural, muchas familias no tienen internet ni celular con datos",
         "es-MX", "nota en la mochila"),
        ("si una familia me cuenta que no tienen papeles, tengo que reportarlo a alguien?",
         "es-MX", "Plyler"),
        ("mom says her son has adhd and wants a 504 but she doesnt have a diagnosis", None,
         "without an outside diagnosis"),
        ("ayer en la reunión de apoderados nadie habló, solo yo. como hago que participen?",
         "es-MX", "en círculo"),
        ("chronic absence letter pls, 3rd grade, 15 absences so far", None,
         "Let's write a short note home"),
        ("do you give advice about coworkers too or just families", None, "Mostly families"),
        ('pls help. angry email came in last night, parent says i am "targeting" her daughter',
         None, "Anger from a family"),
        ("mom is going through chemo and the kid is falling apart. dad asked me not to tell the "
         "other teachers", None, "Honor it as far as you safely can"),
        ("prek para here, a kid got bitten by another kid today and i have to call both "
         "families. what do i say to each one", None, "Calling home about a serious incident"),
        ("what do i say to mom about his great test score", None, "Let's write a short note"),
        ("how often should i contact families", None, "**How often to be in touch with families**"),

        ("can you help me respond to this email from a parent about his grade", None,
         "Let's write a short note home"),
    ],
)  # fmt: skip
def test_questions_that_had_the_general_answer_get_one_that_fits(
    app: CoachApp, asked: str, locale: str | None, answered: str
) -> None:
    reply = Conversation(app.coach, locale=locale).says(asked)
    assert answered in reply
    assert "I don't have a ready answer" not in reply
    assert "No tengo una respuesta lista" not in reply


def test_a_question_about_texting_from_a_personal_phone_gets_a_practical_answer(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    reply = educator.says("should i text parents from my personal phone?")
    assert "district's policy" in reply and "I don't have a ready answer" not in reply
    tense = educator.says("parent emailed me at 11pm demanding i change his grade")
    assert "district's policy" not in tense  # friction with a family, heard as that


def test_a_question_in_the_last_sentence_of_a_story_is_answered(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    reply = educator.says(
        "instructional coach here, trying to get my teachers to actually do positive phone"
        " calls. they roll their eyes. how do I pitch it"
    )
    # Positive calls by a whole staff: since session 35, that situation's own answer (since
    # session 20 it had been how often to be in touch; before, the part on relationships).
    assert "**Getting the whole staff to make good-news calls home**" in reply
    assert "not sure what you'd like me to do" not in reply


def test_families_who_dont_know_the_portal_are_heard_not_shown_the_help_menu(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    reply = educator.says("a lot of our families dont know how to use the portal")
    assert "Here's what you can type" not in reply
    assert "capability" in reply and "`reflect capabilities`" in reply
    assert "Here's what you can type" in educator.says("i dont know how to use this")


def test_a_phrase_in_quotes_asked_to_be_said_better_is_reframed(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says('how can i say "those kids" better')
    assert '"those kids"' in reply and "You might say" in reply
    assert "I don't have a ready answer" not in reply


def test_a_family_named_after_the_same_worry_was_heard_is_what_the_coach_says_back(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    heard_first = educator.says("honestly no time this week, 31 kids and report cards")
    assert "Question 2 of 2" in heard_first
    reply = educator.says("Yesenia's family, her mom works two jobs so i never see her")
    assert "Yesenia's family" in reply  # the family is the news, not the week again


def test_an_answer_that_takes_a_second_look_after_a_wording_note_is_heard_as_that(
    app: CoachApp,
) -> None:
    second_look = replies_in("en").second_look.acknowledge
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    noted = educator.says("these parents just dont care, i've called 5 times and nothing")
    assert "A gentle thought on wording" in noted
    assert second_look in educator.says("i mean maybe they do care, idk. dad leaves at 5am")
    unnoted = Conversation(app.coach, "mr-ortiz")
    unnoted.says("reflect relational")
    unnoted.says("the Lees came to the concert")
    assert second_look not in unnoted.says("to be fair they do care, they just work a lot")


def test_a_liaison_s_practice_is_heard_as_a_bright_spot_not_a_deficit(app: CoachApp) -> None:
    liaison = Conversation(app.coach, "ms-haidari")
    liaison.says("reflect relational")
    liaison.says("the families are scared at first, they think i'm from immigration")
    reply = liaison.says(
        "i always bring someone from their community now, like a parent who has been here longer"
    )
    assert "A gentle thought on wording" not in reply
    heard = reply.split("\n")[0]  # the bright spot is her practice, not a child's news
    assert heard in replies_in("en").acknowledge["positive"] and "child" not in heard


def test_an_answer_said_back_is_its_first_clause_without_the_lead_in(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says(
        "honestly the hardest part is remembering which cousin picks him up on which day bc it"
        " changes a lot"
    )
    assert '"the hardest part is remembering which cousin picks him up on which day"' in reply


@pytest.mark.parametrize(
    "named", ["the garcias, mom works nights", "the gomez family", "the okonkwo family, dad drives"]
)
def test_naming_a_family_gets_no_note_on_wording(app: CoachApp, named: str) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    assert "A gentle thought on wording" not in educator.says(named)


def test_a_call_that_went_badly_is_heard_as_that(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Luis's dad about his math")
    reply = educator.says("partly. i called but dad said he was busy and hung up")
    checkin = replies_in("en").checkin
    assert reply.startswith(checkin.hard_moment_reply)
    assert checkin.barrier_replies["other"] not in reply  # not "needs another week"
    # More about the week, typed at the carry question: kept, and what it was about heard.
    more = educator.says("he works two jobs i think")
    assert more.startswith(f"{checkin.carry_heard} {replies_in('en').acknowledge_also['time']}")
    assert "Want to carry it into this week?" in more
    spanish = Conversation(app.coach, "sra-lopez", locale="es-MX")
    spanish.says("idioma es")
    spanish.says("reflexionar relational")
    spanish.says("omitir")
    spanish.says("omitir")
    spanish.clicks("Escribir mi propia")
    spanish.says("Llamar al papá de Luis")
    clock.advance(days=7)
    spanish.says("reflexionar relational")
    answered = spanish.says("más o menos, la llamé pero se enojó conmigo por lo de la tarea")
    assert answered.startswith(replies_in("es").checkin.hard_moment_reply)


def test_how_last_week_went_typed_at_the_action_step_is_not_saved_as_the_plan(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    reply = educator.says("kinda, i called but mom got mad about the homework thing")
    assert "Saved to your journal" not in reply
    assert replies_in("en").own_plan.report_heard in reply
    conflict = replies_in("en").acknowledge["conflict"]
    assert any(reply.startswith(line) for line in conflict)  # the hard call, heard
    assert "Last step: pick one small action" in reply
    good_news = educator.says("done!! mom actually came in and we looked at his reading log")
    assert "Saved to your journal" not in good_news
    assert replies_in("en").own_plan.report_heard in good_news
    # A step of their own after the news is the plan, in their words.
    planned = educator.says("called grandma, i'll try dad on friday")
    assert "Your action for this week: _Try dad on friday_" in planned


def test_a_short_answer_is_said_back_whole_not_cut_before_its_last_word(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("we mostly talk at pickup when the weather is nice")
    assert '"we mostly talk at pickup when the weather is nice"' in reply


def test_skip_typed_in_spanish_skips_the_question(app: CoachApp) -> None:
    educator = Conversation(app.coach, "sra-lopez", locale="es-MX")
    educator.says("idioma es")
    educator.says("reflexionar relational")
    reply = educator.says("omitir")
    assert reply.startswith("Pregunta 2 de 2")  # not saved as an answer, not probed
    assert "Último paso" in educator.says("Saltar.")


@pytest.mark.parametrize(
    "told",
    [
        "he works two jobs",
        "dad is deployed rn",
        "my co-teacher will call them",
        # An answer to the question before, typed late (it had been the week's action).
        "the Ramirez family, only about attendance",
    ],
)
def test_what_a_family_s_life_is_like_typed_over_the_options_is_heard_not_saved(
    app: CoachApp, told: str
) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    reply = educator.says(told)
    assert "Saved to your journal" not in reply
    assert replies_in("en").own_plan.not_a_step in reply
    assert "Last step: pick one small action" in reply
    # Typed again as it was, it is their plan: a misread never loops.
    assert f"Your action for this week: _{told}_" in educator.says(told)


def test_a_family_s_hours_at_the_action_step_are_heard_and_the_options_fit_them(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    reply = educator.says("he works two jobs")
    assert any(reply.startswith(line) for line in replies_in("en").acknowledge["time"])
    # After "Write my own", what they write is the plan, whatever shape it has.
    educator.clicks("Write my own")
    assert "Your action for this week: _the garcias again_" in educator.says("the garcias again")
    spanish = Conversation(app.coach, "sra-lopez", locale="es-MX")
    spanish.says("idioma es")
    spanish.says("reflexionar relational")
    spanish.says("omitir")
    spanish.says("omitir")
    dicho = spanish.says("trabaja en la noche")
    assert replies_in("es").own_plan.not_a_step in dicho
    assert "Guardado en su diario" in spanish.says("mandarle un audio por whatsapp al papá")


def test_something_told_about_a_family_is_heard_not_refused(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("i have a mom who cries every time we talk")
    assert "I'm not sure what you'd like me to do with that" not in reply
    assert '"i have a mom who cries every time we talk"' in reply
    assert "Want to think it through? Type `reflect`" in reply
    # A word or two naming no story is still not a story.
    assert "I'm not sure what you'd like me to do with that" in educator.says("my mom")


@pytest.mark.parametrize(
    "asked",
    [
        "we're doing conferences next week any tips",
        "can u give me an example of an asset based message",
    ],
)
def test_a_request_for_tips_or_an_example_is_answered_not_refused(
    app: CoachApp, asked: str
) -> None:
    reply = Conversation(app.coach).says(asked)
    assert "I'm not sure what you'd like me to do with that" not in reply


def test_an_educator_s_own_nerves_are_heard_as_confidence_not_friction(app: CoachApp) -> None:
    nerves = replies_in("en").told["nerves"].acknowledge
    told = Conversation(app.coach).says("my principal wants us to do home visits but im nervous")
    assert told.startswith(nerves) and "Type `reflect confidence`" in told
    assert "friction" not in told
    scared = Conversation(app.coach, "ms-ames").says(
        "my principal wants us to do home visits but i'm scared"
    )
    assert scared.startswith(nerves)  # had: "That sounds tense. Anger from a family..."
    educator = Conversation(app.coach, "mr-bell")
    educator.says("reflect relational")
    assert educator.says("calling home makes me nervous, i never know what to say").startswith(
        nerves
    )
    spanish = Conversation(app.coach, "sra-lopez", locale="es-MX")
    spanish.says("idioma es")
    dicho = spanish.says("me da nervios llamarle al papá de kevin")
    assert dicho.startswith(replies_in("es").told["nerves"].acknowledge)
    # A family's fear is not the educator's nerves.
    assert (
        not Conversation(app.coach, "ms-ray")
        .says("the family is scared of the school")
        .startswith(nerves)
    )


def test_a_day_and_time_asked_for_in_a_sentence_set_the_nudges(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    started = educator.says("can you remind me on thursdays")
    assert "Weekly nudges are on. Your first one arrives Thu" in started
    moved = educator.says("can i change my nudges to fridays at 3pm")
    assert "Nudges will come on Fridays" in moved and "Fri Nov 20, 15:00" in moved
    educator.says("nudges off")
    # Said as not wanted, nothing changes: the settings are shown as they are.
    kept = educator.says("dont send nudges on mondays")
    assert "*Weekly nudges: off*" in kept and "Fridays at 15:00" in kept


def test_what_the_nudges_should_be_about_asked_for_in_a_sentence_sets_their_focus(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    # Had: "I don't know the nudge setting `about`", then the settings shown, unchanged.
    asked = educator.says("can my nudges be about families that dont speak english")
    assert "Weekly nudges are on" in asked  # asked for, so turned on
    assert "stay on *Culturally responsive and respectful*" in asked
    assert "“families that dont speak english” fits" in asked
    assert "Culturally responsive and respectful only" in educator.says("nudges")
    # Words no part of the framework can be found in: the parts to pick from, nothing set.
    unclear = educator.says("i want my nudges to be about conferences")
    assert "I can't tell which part “conferences” belongs to" in unclear
    assert "`relational`" in unclear and "`challenge`" not in unclear  # nudge topics only
    assert "Culturally responsive and respectful only" in educator.says("nudges")
    # Said as not wanted, nothing changes.
    educator.says("stop sending me nudges about home visits")
    assert "Culturally responsive and respectful only" in educator.says("nudges")


def test_a_strength_named_in_an_asset_based_answer_is_heard_as_a_bright_spot(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect asset-based")
    said_back = educator.says("idk honestly, i mostly notice what they dont do")
    assert '"i mostly notice what they dont do"' in said_back  # the lead-ins left out
    reply = educator.says(
        "ok fine. the nguyens run a bakery and the kids help on weekends, i guess that's a strength"
    )
    heard = reply.splitlines()[0]
    assert heard in replies_in("en").acknowledge["positive"]


def test_what_worked_is_said_back_without_the_yes_before_it(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Luis's dad about his math")
    reply = educator.says("yes!! he wrote back with a thank you")
    assert "“he wrote back with a thank you”" in reply


def test_not_knowing_families_yet_is_heard_as_where_it_starts(app: CoachApp) -> None:
    not_yet = replies_in("en").told["not_knowing_yet"].acknowledge
    told = Conversation(app.coach).says("honestly i barely know most of my families")
    assert told.startswith(not_yet) and "Type `reflect relational`" in told
    educator = Conversation(app.coach, "mr-bell")
    educator.says("reflect culturally-responsive")
    answer = educator.says(
        "we have a lot of families from honduras and i dont really know much about their culture"
    )
    assert answer.startswith(not_yet)
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    dicho = maestra.says("la verdad casi no conozco a las familias de mi grupo")
    assert dicho.startswith(replies_in("es").told["not_knowing_yet"].acknowledge)


@pytest.mark.parametrize("typed", ["nose", "no se", "ni idea"])
def test_no_se_typed_in_a_hurry_gets_help_not_a_probe(app: CoachApp, typed: str) -> None:
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    maestra.says("reflexionar relational")
    assert replies_in("es").stuck.intro in maestra.says(typed)


def test_a_family_s_fear_of_school_is_heard_as_mistrust_with_a_history(app: CoachApp) -> None:
    mistrust = replies_in("en").told["family_mistrust"].acknowledge
    liaison = Conversation(app.coach)
    liaison.says("reflect relational")
    answer = liaison.says("the family is scared bc they think im from immigration")
    assert answer.startswith(mistrust)
    told = Conversation(app.coach, "ms-ray").says("mom doesn't trust the school after last year")
    assert told.startswith(mistrust) and "Type `reflect relational`" in told
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    dicho = maestra.says("la familia tiene miedo de venir a la escuela")
    assert dicho.startswith(replies_in("es").told["family_mistrust"].acknowledge)
    # A child's fear of something else is not the family's of the school (it had been).
    maestra.says("reflexionar")
    bus = maestra.says("hablé con la mamá de Sofía, me dijo que Sofía tiene miedo del autobús")
    assert replies_in("es").told["family_mistrust"].acknowledge not in bus


def test_an_option_named_in_words_is_that_option(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    first = educator.option(1).label
    assert f"Your action for this week: _{first}_" in educator.says("the first one")
    changed = Conversation(app.coach, "mr-bell")
    at_the_action_step(changed)
    second = changed.option(2).label.rstrip(".")
    saved = changed.says("option 2 but with the hernandez family instead")
    assert f"_{second} (with the hernandez family instead)_" in saved
    # When, said after the option, is kept with it (had: saved as "#2 tomorrow at dismissal").
    timed = Conversation(app.coach, "ms-oduya")
    at_the_action_step(timed)
    second = timed.option(2).label.rstrip(".")
    assert f"_{second} (tomorrow at dismissal)_" in timed.says("#2 tomorrow at dismissal")
    both = Conversation(app.coach, "ms-ray")
    at_the_action_step(both)
    assert "One is plenty for this week" in both.says("2 and 3")
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    at_the_action_step(maestra, skip="omitir")
    assert "Guardado en su diario" in maestra.says("la primera")
    # A yes before it says nothing more (had: "No lo guardé como el plan de esta semana").
    otra = Conversation(app.coach, "sr-vega", locale="es-MX")
    otra.says("idioma es")
    at_the_action_step(otra, skip="omitir")
    assert f"_{otra.option(1).label}_" in otra.says("dale, la primera")


def test_a_story_that_opens_like_an_option_is_an_answer(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says("the first one to come was grandma, she stayed to help clean up")
    assert "Question 2 of 2" in reply


def test_a_worry_heard_in_an_answer_is_not_said_again_at_the_action_step(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("skip")
    heard = educator.says("the garcias, mom works nights")
    time = replies_in("en").acknowledge["time"]
    assert any(heard.startswith(line) for line in time)
    again = educator.says("he works two jobs")
    assert not any(line in again for line in time)  # once is enough
    assert replies_in("en").own_plan.not_a_step in again


@pytest.mark.parametrize(
    ("told", "heard"),
    [
        # Had: "That sounds like a lot, and it's fair to feel that way..."
        ("i feel bad bc i judged a mom today for being late to pickup every day and then "
         "found out she works 2 jobs", "cognition part of the 4 Cs"),
        # Had: "That sounds tense. Anger from a family usually comes from worry..."
        ("the mom said she had a really bad experience in school herself and doesnt trust "
         "teachers. i get it honestly", "Fear or mistrust of school usually has a history"),
        # Had: the general answer to a question.
        ("idk why but conferences always make me feel like im the one being graded",
         "Confidence is one of the 4 Cs"),
        # Had: "That sounds tense..." (an apology to the coach, not friction with a family).
        ("sorry that was rude, rough day", "No need to apologise"),
        # Had: "I'm not sure what you'd like me to do with that."
        ("idk if i handled that right", "Wondering how it landed"),
        ("quick question", "ask away"),
        ("mañana tengo junta con la directora y con la familia, me dan nervios",
         "Confidence is one of the 4 Cs"),
        ("ok i'll try that", "Good luck with it"),  # had: "not sure what you'd like"
        # Had: "You're welcome." (a thanks told of, not said to the coach).
        ("he literally got quiet and then said thank you like 3 times",
         "Want to build on it?"),
    ],
)  # fmt: skip
def test_what_is_told_outside_a_conversation_is_heard_as_what_it_is(
    app: CoachApp, told: str, heard: str
) -> None:
    assert heard in Conversation(app.coach).says(told)


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        # Each had: "I'm not sure what you'd like me to do with that" (or "Thanks, I see
        # what you mean about..." for a question).
        ("do you have anything on home visits", "Here's what the framework offers on that"),
        ("i dont know what to say to him tomorrow", "framework"),
        ("i dont even want to reply to her anymore", "That sounds like a lot"),
        ("qué le digo mañana", "framework"),
    ],
)
def test_requests_in_few_words_are_answered_not_shrugged_at(
    app: CoachApp, said: str, answered: str
) -> None:
    answer = Conversation(app.coach).says(said)
    assert answered in answer and "not sure what you'd like" not in answer


def test_losing_ones_nerve_is_heard_as_nerves_not_as_a_call_gone_wrong(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    _partly_done_and_something_else(educator)
    answer = educator.says("honestly i chickened out, i was scared she'd be mad")
    # Had: "A call that ends like that stings" (no call was made).
    assert "stings" not in answer and "Confidence is one of the 4 Cs" in answer
    assert "carry it into this week" in answer


def test_spanish_yo_is_not_a_hello(app: CoachApp) -> None:
    maestra = Conversation(app.coach, locale="es-MX")
    said = "la mamá piensa que su niño es flojo pero yo creo que puede ser dislexia"
    told = maestra.says(said)
    assert "¡Hola! Soy su coach" not in told  # had: the hello ("yo" greets)
    # Had: the general "Buena pregunta"; then the hard-conversation advice; since session 20
    # the situation it is (a possible dyslexia to raise with the family).
    assert "**Plantear una posible evaluación**" in told
    asked = maestra.says(f"{said}, cómo se lo digo")  # the question after the story
    # Since session 35, asked again right after that answer: where to start among its tries
    # (it had been the same answer again, word for word).
    assert "Si tuviera que elegir una" in asked and "equipo de educación especial" in asked
    assert "No hay problema" in maestra.says("no tengo tiempo para la reflexión ahorita")


def test_a_question_about_the_framework_as_a_whole_gets_its_opening_not_all_of_it(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    brief = educator.says("whats the framework again in 2 sentences")
    # Had: the whole overview, five sections and the sources.
    assert "at a glance" in brief and "The Capacity Outcomes" not in brief
    assert "The Capacity Outcomes" in educator.clicks("The whole framework")


def test_no_time_typed_at_carry_it_over_is_the_week_told_not_a_no(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Call Ana's dad about the field trip.")
    educator.says("partly. called once, nobody answered")
    answer = educator.says("no time mostly")
    assert "let it go" not in answer.casefold().split("want to carry")[0]
    assert "time is tight" in answer and "carry it into this week" in answer
    kept = educator.says("yes")
    assert "field trip\". I'll" in kept  # one full stop, after the quote
    # A no set off from the rest, or a no alone, still lets it go.
    other = Conversation(app.coach, "U2")
    a_week_after_planning(other, clock, "Text Marco's grandma on Friday")
    other.clicks("Not yet")
    other.clicks("I forgot")
    assert "let it go" in other.says("no, my plate is full").casefold()


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        # Had: "I'm not sure what you'd like me to do with that."
        ("ok bye", "I'll be here whenever you want"),
        ("goodnight 🌙", "I'll be here whenever you want"),
        ("no thats not what i meant", "Sorry, I missed that one"),
        ("that was a really generic answer", "Sorry, I missed that one"),
        # Session 37: had "I'm not sure...", a note home begun, and "That sounds like a lot".
        ("can my staff use this too? I'd like to put you in our staff slack channel before the "
         "PD", "type `channel on` there"),
        ("can I just write something in my journal without doing the whole reflection thing? "
         "I met Mr. Warsame today", "can't keep a free note in the journal yet"),
        ("theres nothing left to do, it got decided. its not a failure", "I put that badly"),
        ("what do you actually have for principals?", "`learn systemic`"),
        ("maybe she's right... am I bad at this?", "where nearly everyone starts"),
        # Session 37: read as families who never answer.
        ("how do i get gen ed teachers to actually follow accommodations?",
         "about colleagues more than the family"),
        ("can you delete just the entries that mention the motel on Route 9?",
         "I can't delete a single entry yet"),
        ("I AM the McKinney-Vento liaison. I told you that", "Sorry, I missed that one"),
        # Session 37: had "That sounds like a lot", or "Fair enough; I'm not always useful".
        ("I didn't say anything about schedules", "Sorry, I missed that one"),
        ("thats not what i asked. systemic?? I asked about my Vietnamese families specifically",
         "Sorry, I missed that one"),
        # Had: "Weekly nudges are on. Your first one arrives Mon..." and an offer of Spanish.
        ("see ya monday", "I'll be here whenever you want"),
        # Had: "That sounds tense. Anger from a family usually comes from worry..."
        ("I disagree with what you said about not mentioning grades in the first contact. "
         "Our families WANT to know grades", "you know your families"),
        # Had: the export's whole JSON, and "I'm not sure what you'd like me to do".
        ("does this save my messages", "encrypted with a key of your own"),
        ("can i put student names in here or is that a ferpa thing", "initials"),
    ],
)  # fmt: skip
def test_what_is_said_to_the_coach_itself_gets_its_own_answer(
    app: CoachApp, said: str, answered: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("hello")
    answer = educator.says(said)
    assert answered in answer
    assert "Weekly nudges are on" not in answer and "Español" not in answer


def test_a_disagreement_between_colleagues_is_not_taken_as_one_with_the_coach(
    app: CoachApp,
) -> None:
    said = Conversation(app.coach).says(
        "my coteacher and i disagree on whether to call home about missing homework. thoughts?"
    )
    assert "you know your families" not in said


@pytest.mark.parametrize(
    ("told", "heard"),
    [
        # Had: the draft's "What is it for?" (a note told of as sent, not asked for).
        ("wrote a note home to the kaplan family and they emailed back a whole paragraph "
         "thanking me. i almost cried", "Want to build on it?"),
        ("i think i messed up, sent email to wrong parent", "honest correction"),
        # Had: "There's nothing to cancel right now" (the "stop" in it).
        ("i feel like every time i reach out to the Brown family it comes off wrong. last time "
         "mom said i was picking on marcus. i dont want to stop contacting them but idk how to "
         "fix it", "`reflect"),
        # Had: "Noted, \"I dont really want advice\". Let's build on that."
        ("I dont really want advice, I just need to vent for a sec. parent conferences this "
         "week were brutal", "no advice"),
        # Had: "Noted, \"gonna try the two minute phone call thing...\"".
        ("gonna try the two minute phone call thing tomorrow with 3 families, wish me luck",
         "Good luck!"),
    ],
)  # fmt: skip
def test_news_a_slip_a_vent_and_a_try_are_heard_as_what_they_are(
    app: CoachApp, told: str, heard: str
) -> None:
    answer = Conversation(app.coach).says(told)
    assert heard in answer
    assert "What is it for?" not in answer and "nothing to cancel" not in answer


def test_a_note_asked_for_after_one_was_sent_still_starts_a_draft(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("can you help me reply, i sent a note and mom got mad")
    assert "What is it for?" in answer


def test_a_teacher_who_names_the_district_is_offered_the_teacher_role(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "i teach 7th grade math, 150 kids, and the district wants me to do positive contact "
        "with every family by october"
    )
    assert "you're a teacher" in answer and "school leader" not in answer  # had: leader


def test_a_question_with_an_edge_in_it_is_answered_not_taken_for_frustration(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "teaching HS english, most of my students are 17-18. do their parents even need to "
        "hear from me at this point?"
    )
    assert "I'm not always useful" not in answer  # had: the reply to frustration at the coach
    assert "**Families of older students**" in answer  # had: the general "Good question"


def test_deficit_wording_told_outside_a_conversation_gets_the_note_not_praise(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "honestly i think family engagement is kind of overhyped. parents who care already show up"
    )
    # Had: "Building on what goes well is how trust grows..." (a bright spot).
    assert "Building on what goes well" not in answer and "Want to build on it?" not in answer
    assert "A gentle thought on wording" in answer
    assert "saved as you wrote it" not in answer  # nothing is saved outside a conversation
    assert "`reframe off`" in answer


@pytest.mark.parametrize(
    ("said", "not_answered"),
    [
        # Had: the hello ("morning" in "til morning").
        ("the parent of one of my kinders keeps messaging me at 11pm and gets mad when i dont "
         "answer til morning. how do i set boundaries nicely", "Hi! I'm your family-partnership"),
        # Had: the hello, and nothing about Tyler's mom.
        ("hey sorry i was gone for like a week. anyway the thing with tyler's mom got better",
         "Hi! I'm your family-partnership"),
    ],
)  # fmt: skip
def test_a_hello_word_inside_a_longer_message_does_not_hide_what_it_says(
    app: CoachApp, said: str, not_answered: str
) -> None:
    answer = Conversation(app.coach).says(said)
    assert not_answered not in answer
    answered = ("Tyler", "framework", "try this week", "district's policy")
    assert any(words in answer for words in answered)


def test_a_short_hello_with_a_little_more_is_still_greeted(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "Hi! I'm your family-partnership" in educator.says("hi im ms. okafor, 3rd grade")


def test_a_reminder_of_one_task_is_not_taken_for_weekly_nudges(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("can you remind me on friday to call the nguyen family")
    # Had: "Weekly nudges are on. Your first one arrives Fri..." (turned on, unasked).
    assert "Weekly nudges are on" not in answer
    assert "I can't remind you about one task" in answer and "`nudges on`" in answer
    assert "Weekly nudges: off" in educator.says("nudges")
    # Asked for the weekly nudge on a day, it is set as before.
    assert "Weekly nudges are on" in educator.says("can you remind me on thursdays")


def test_a_message_to_translate_gets_what_the_coach_can_do_instead(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "can u translate this to spanish: Hi! Just wanted to let you know Sofia had a great day"
    )
    assert "I can't translate your own message" in answer and "`draft`" in answer  # had: hello


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        # Had: "No estoy seguro de qué quiere que haga con eso."
        ("que eres tu exactamente? un robot o una persona", "no una persona"),
        ("guardas lo que te escribo? uso nombres de alumnos, no se si pueda", "iniciales"),
        ("sorry por escribir tan tarde jaja, tengo una pregunta rapida", "pregunte lo que quiera"),
        # Had: the role question (the role was said, in words the coach did not know).
        ("soy orientadora en una secundaria en monterrey", "consejero/a"),
        ("hola! me llamo Lupita, trabajo como parapro en kinder", "guardar docente"),
        # Had: the general answer to a question.
        ("dame una idea para esta semana para conectar con las familias, algo que no me tome "
         "mucho tiempo", "Aquí tiene una para esta semana"),
        # Had: the reply to families who do not answer.
        ("eso que me sugeriste no funciona en la vida real, los papas no leen mensajes largos",
         "usted conoce a sus familias"),
        # Had: the framework's answer alone, nothing on how she feels.
        ("mi director quiere que hagamos home visits pero yo no me siento comoda yendo a las "
         "casas, es normal??", "Es lógico sentir nervios"),
        # Had: "Escribamos una nota breve" (notes named, none asked for).
        ("ya intente todo con la familia de Brayan, llamadas, notas, email, class dojo y nada",
         "¿Quiere pensarlo con calma?"),
        ("le mande la nota que me ayudaste a escribir y la mama contesto pero en ingles, creo "
         "que se ofendio de que le escribi en español?? no se", "idioma"),
    ],
)  # fmt: skip
def test_spanish_messages_to_the_coach_are_read_as_what_they_say(
    app: CoachApp, said: str, answered: str
) -> None:
    answer = Conversation(app.coach, locale="es-MX").says(said)
    assert answered in answer
    assert "Escribamos una nota breve" not in answer and "No estoy seguro" not in answer


def test_a_weary_request_for_an_idea_gets_this_weeks_small_one(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "need an idea for this week. something small. im exhausted"
    )
    assert "Here's one for this week" in answer  # had: "That sounds like a lot..."


def test_good_news_with_a_soft_kinda_in_it_is_done_not_partly(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("Send one positive text to Deshawn's mom before Friday")
    clock.advance(days=7)
    assert "How did it go?" in educator.says("hi")
    answer = educator.says(
        "it went great actually! sent the text to deshawns mom and she replied with like 5 "
        "heart emojis and said nobody ever tells her good stuff. kinda made my week"
    )
    # Had: "Thanks for telling me. Sometimes the plan just needs another week." (partly).
    assert "carry it into this week" not in answer
    assert "Done!" in answer or "Well done" in answer


@pytest.mark.parametrize(
    "asked_back",
    [
        "what do you mean by two way? like they asked me questions too?",
        "can u give an example of what a different first message would be? like just a compliment?",
        "not sure what you mean by connected. like i feel like i know them or like they respond?",
        "no entiendo la pregunta, a que te refieres con conversación de verdad?",
    ],
)
def test_a_question_asked_back_about_the_question_gets_help_and_the_question_stays(
    app: CoachApp, asked_back: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(asked_back)
    # Had: 'Got it: "what do you mean by two way". That's useful to hold onto.' and the next
    # question, with the question kept as the answer.
    assert "Here's a way in" in answer and "Question 2 of 2" not in answer
    assert "Question 2 of 2" in educator.says(
        "the Nguyens, I learned Bao counts the money at their salon"
    )


def test_an_answer_that_tells_of_an_example_is_still_an_answer(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(
        "mom gave me an example of how he reads to his sister, like what he picks"
    )
    assert "Question 2 of 2" in answer


@pytest.mark.parametrize(
    ("answer", "locale"),
    [
        ("i dont really talk to families much tbh, mostly email when theres a problem", None),
        (
            "la verdad casi no hablo con las familias, solo cuando hay problemas de conducta",
            "es-MX",
        ),
    ],
)
def test_contact_that_only_comes_with_trouble_is_heard_as_that(
    app: CoachApp, answer: str, locale: str | None
) -> None:
    educator = Conversation(app.coach, locale=locale)
    educator.says("reflect relational")
    heard = educator.says(answer)
    # Had: 'Noted, "i dont really talk to families much tbh". Let's build on that.'
    told = replies_in(locale[:2] if locale else "en").told["problems_only"].acknowledge
    assert heard.startswith(told)


def test_a_push_back_on_the_questions_is_answered_as_one(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    heard = educator.says(
        "can i push back a little? it feels like these questions always assume the teacher did "
        "something wrong. sometimes parents are frustrated at stuff out of my control"
    )
    # Had: 'Got it: "can i push back a little". That's useful to hold onto.'
    assert heard.startswith("Fair push") and "Question 2 of 2" in heard


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        ("lol", "I'm here whenever you want me"),  # had: "I don't know `lol` yet."
        ("do you work in teams too or just slack", "both Slack and Microsoft Teams"),
        ("esta semana estuvo pesadísima", "That sounds like a lot"),
    ],
)
def test_a_laugh_a_question_about_where_the_coach_works_and_a_heavy_week(
    app: CoachApp, said: str, answered: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("hello")
    assert answered in educator.says(said)  # each had: "I'm not sure what you'd like me to do"


def test_asking_what_would_help_a_stretched_family_is_not_taken_for_the_educators_overload(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "the dad of one of my students is deployed and mom is doing everything alone. anything "
        "i can do that isnt just more stuff for her"
    )
    assert answer not in replies_in("en").intents.frustration  # had: "That sounds like a lot"
    assert "A parent away for a long time" in answer  # its situation (session 27)


def test_a_role_said_with_a_question_gets_the_question_answered_then_the_role_offered(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach, locale="es-MX").says(
        "soy family liaison en un distrito en texas, algunas familias hablan mam (lengua maya). "
        "alguna idea de como comunicarme con las que no hablan ni español ni ingles?"
    )
    # Had: the role offer and "En cuanto a por dónde empezar: `evaluar`...".
    assert "intérprete" in answer and "guardar enlace familiar" in answer
    assert answer.index("intérprete") < answer.index("guardar enlace familiar")
    assert "por dónde empezar" not in answer


@pytest.mark.parametrize(
    ("said", "answered", "not_answered"),
    [
        # Had: the self-assessment's first statement.
        ("test", "I'm here and working", "(1 of 13)"),
        ("hey so i have a parent who emails me every night at 11pm asking why her son got a B "
         "on a quiz. how do i set boundaries without making her mad", "", "(1 of 13)"),
        # Had: "There's nothing to cancel right now."
        ("nvm figured it out", "I'm here when you want me", "nothing to cancel"),
        ("stop being so positive about everything, some parents are genuinely difficult",
         "you know your families", "nothing to cancel"),
        # Had: the framework's overview.
        ("who made you", "written ahead of time by people", "at a glance"),
        # Had: "Weekly nudges are on" (a reminder to write, for the families).
        # Since session 35, an event for every family (it had been a one-family invitation).
        ("puedes escribir un recordatorio para la kermes del sabado? en espanol y en ingles",
         "Invite families to an event", "Weekly nudges are on"),
        # Had: "Fair enough; I'm not always useful" ("this" in a story, not at the coach).
        ("I have to call home about dress code violations and I hate it. This girl's mom is "
         "going to say the policy is sexist. How do I handle it?", "", "not always useful"),
        # Had: "You're welcome" (a thanks told of; a thank-you note to write).
        ("a mom brought me tamales today to say thank you for helping her son with reading",
         "", "You're welcome"),
        ("thank you note to room parent", "Let's write a short note home", "You're welcome"),
        # Had: the draft's "What is it for?" (asked about notes, not for one).
        ("how long should a message to parents be? mine are always like a page long", "",
         "What is it for?"),
    ],
)  # fmt: skip
def test_more_requests_read_as_they_are_meant(
    app: CoachApp, said: str, answered: str, not_answered: str
) -> None:
    answer = Conversation(app.coach).says(said)
    assert answered in answer and not_answered not in answer


def test_a_recipe_is_not_this_weeks_tip(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "jaja tu sabes de recetas? necesito algo rapido para la cena"
    )
    assert "Here's one for this week" not in answer


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        # Each had: "I'm not sure what you'd like me to do with that."
        ("Do you remember what we talked about yesterday?", "`journal` shows them"),
        ("that's actually a really good point about the timing, hadn't thought about it",
         "Glad it helped"),
        ("are you better than chatgpt", "not a generative AI"),
        ("neta no entiendo por que me sigues dando la misma respuesta", "Sorry, I missed"),
    ],
)  # fmt: skip
def test_what_the_coach_keeps_a_reply_that_landed_and_one_that_did_not(
    app: CoachApp, said: str, answered: str
) -> None:
    assert answered in Conversation(app.coach).says(said)


@pytest.mark.parametrize(
    ("said", "locale", "offered"),
    [
        # Said not to be a teacher in so many words: the role for everyone else is offered.
        ("im a para not a teacher, is this for me too?", None, "part of the school team"),
        ("hola! me llamo Lupita, trabajo como parapro en kinder", "es-MX", "El rol de docente"),
    ],
)
def test_a_para_is_offered_the_teacher_role_without_being_told_they_are_a_teacher(
    app: CoachApp, said: str, locale: str | None, offered: str
) -> None:
    answer = Conversation(app.coach, locale=locale).says(said)
    # Had: "Thanks for telling me you're a teacher." to someone who had just said they are not.
    assert offered in answer
    assert "you're a teacher" not in answer and "que es docente" not in answer


def test_a_para_mid_reflection_is_pointed_to_profile_not_told_they_are_a_teacher(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("im a para")
    assert "you're a teacher" not in answer and "`profile`" in answer


def test_what_is_asked_about_families_is_not_taken_for_a_question_about_the_framework(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    answer = educator.says("Cómo le explico a los papás qué es un IEP? muchos piensan que es malo")
    assert "de un vistazo" not in answer  # had: the framework's overview
    # Asked about the framework, it is still the overview.
    assert "de un vistazo" in educator.says("qué es el marco de doble capacidad?")


def test_a_report_of_what_was_done_is_the_journal_and_a_family_night_blurb_an_invitation(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    # Had: the whole data export.
    assert "Your journal" in educator.says("is there a report of what ive done or something")
    # Had: "Let's write a short note home: Introduce myself." ("kids welcome"); until session
    # 35, a one-family invitation; now an event for every family.
    answer = educator.says(
        "can you draft a newsletter blurb for our fall family night, oct 17 in the cafeteria, "
        "pizza provided, kids welcome"
    )
    assert "Invite families to an event" in answer


@pytest.mark.parametrize(
    ("said", "locale", "answered"),
    [
        ("ugh this is taking forever", None, "Type `cancel` to stop the self-assessment"),
        ("ya me cansé de esto", "es-MX", "Escriba `cancelar` para dejar su autoevaluación"),
    ],
)
def test_weary_of_the_self_check_is_shown_the_way_out(
    app: CoachApp, said: str, locale: str | None, answered: str
) -> None:
    educator = Conversation(app.coach, locale=locale)
    educator.says("assess")
    answer = educator.says(said)
    # Had: "Please pick one of the options (a number works too)".
    assert answered in answer and "(1 of 13)" in answer.replace("(1 de 13)", "(1 of 13)")


def test_mas_o_menos_is_a_level_in_the_self_check(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("evaluar")
    assert "(2 de 13)" in educator.says("mmm mas o menos")  # had: "no hay respuestas incorrectas"


@pytest.mark.parametrize(
    "asked",
    [
        "how do i say no to a parent who wants to volunteer in my classroom every single day",
        "any ideas for getting more dads involved? every event it's all moms and grandmas",
        "como respondo a un papa que me escribio en el grupo de whatsapp criticando mi forma de "
        "enseñar delante de todos los demas papas",
    ],
)
def test_a_how_to_question_with_bright_words_in_it_is_not_answered_as_good_news(
    app: CoachApp, asked: str
) -> None:
    answer = Conversation(app.coach).says(asked)
    # Had: "Tell the family exactly what went well, in one specific sentence".
    assert "exactly what went well" not in answer
    assert "Building on what goes well" not in answer


def test_good_news_told_beside_a_question_still_gets_ways_to_build_on_it(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("how do i keep this going? mom finally answered my text!")
    assert "Repeat what worked" in answer or "exactly what went well" in answer


def test_asking_for_a_small_example_at_the_action_step_gets_help_sizing_it(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    answer = educator.says("can u give me an example of a small thing? everything feels big")
    # Had: "That doesn't look like an action yet, so I haven't saved it." Now the help sizing
    # it, or the answer on what to say that opens with a small action as its example.
    sized = ("Small is the point", replies_in("en").action_questions["what_to_say"])
    assert any(said in answer for said in sized) and "Saved to your journal" not in answer


@pytest.mark.parametrize(
    ("said", "locale", "answered"),
    [
        ("my 5th grader told me hes scared to go home because his dad hits him", None,
         "reporting procedure"),
        ("Soy orientadora escolar. Tengo un alumno que creo que sufre abuso en casa, como hablo "
         "con la mama", "es-MX", "procedimiento de su escuela"),
        # Had: "Buena pregunta. El marco parte de la confianza..."
        ("Soy orientadora escolar en México. Tengo un alumno que creo que sufre violencia en "
         "casa. Cómo hablo con la mamá", "es-MX", "procedimiento de su escuela"),
        ("a student told me she wants to die, should i call her mom", None, "crisis steps"),
        ("una alumna se corta los brazos y la mamá no sabe", "es-MX", "pasos de crisis"),
        # Had: said back flatly ("Thanks, I see what you mean about...").
        ("i met with a dad whose daughter is cutting. he cried. he said he didn't know who to "
         "call", None, "crisis steps"),
        # Had: "Anger from a family usually comes from worry about their child".
        ("a mom told me today she's scared of her boyfriend and doesnt want him picking up her "
         "daughter", None, "who may and may not pick up"),
        ("la mamá le tiene miedo a su pareja y no quiere que la recoja", "es-MX",
         "quién puede y quién no puede recoger"),
        # Had: filed as a reflection answer, or "That sounds tense. Anger from a family...".
        ("i think i need to call CPS honestly", None, "reporting procedure"),
        ("how do i bring that up without getting CPS involved? i dont want her to stop "
         "trusting me", None, "reporting procedure"),
        # The educator's own safety, before the relationship.
        ("a parent threatened to come up to the school and hurt me, what do i do", None,
         "Your safety comes first"),
        ("what if he threatens me", None, "Your safety comes first"),
        ("el papá me amenazó en la salida", "es-MX", "Su seguridad va primero"),
        # Had: "Keep Marcus in mind: one family you can picture is plenty to start with."
        ("actually hold on, Marcus told me today his mom hasn't been home for 3 days. should "
         "I be worried?", None, "reporting procedure"),
        # Had: "That sounds tense. Anger from a family usually comes from worry..." and "Call
        # the family back" as an action.
        ("a dad yelled at me in the parking lot and said he'd get me fired. i'm honestly "
         "scared of him", None, "don't meet or call that parent alone"),
        # Had: a student's crisis steps ("walk the student there") for a parent's words.
        ("my student's mom told me she wants to die", None, "the parent can call or text 988"),
        # Had: "Keep his dad in mind".
        ("my student is scared of his dad", None, "reporting procedure"),
    ],
)  # fmt: skip
def test_a_child_who_may_be_unsafe_gets_the_reporting_duty_first(
    app: CoachApp, said: str, locale: str | None, answered: str
) -> None:
    assert answered in Conversation(app.coach, locale=locale).says(said)


@pytest.mark.parametrize(
    "said",
    ["my daughter is cutting class again and nobody called me", "he cut himself on the scissors"],
)
def test_cutting_class_or_a_scissors_cut_is_no_crisis(app: CoachApp, said: str) -> None:
    assert "crisis steps" not in Conversation(app.coach).says(said)


@pytest.mark.parametrize(
    "said",
    [
        "mom hasn't been home from her business trip for 3 days so dad is doing pickup, how do "
        "i loop her in?",
        "the Smiths. mom hasn't been home for 3 days, she's been in the hospital with the new "
        "baby, so dad and i talked",
    ],
)
def test_a_parent_away_with_another_adult_home_is_no_safety_report(
    app: CoachApp, said: str
) -> None:
    assert "reporting procedure" not in Conversation(app.coach).says(said)


@pytest.mark.parametrize(
    "said",
    ["dad threatened to sue the school over the grade", "she hit me up on dojo at 10pm"],
)
def test_a_threat_to_sue_or_a_message_is_no_threat_to_the_educator(
    app: CoachApp, said: str
) -> None:
    assert "Your safety comes first" not in Conversation(app.coach).says(said)


def test_a_safety_worry_typed_as_a_reflection_answer_is_answered_first_and_not_saved(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says(
        "i think one of my kids is being neglected, he comes in hungry every day"
    )
    assert "reporting procedure" in answer and "Question 1 of 2" in answer


@pytest.mark.parametrize(
    ("said", "locale", "answered"),
    [
        # Had: "That's useful to hold onto", and a note on the wording "clearly drunk".
        ("a dad came to the conference clearly drunk", None, "administrator or your counselor now"),
        # Had: "Building on what goes well is how trust grows" (read as good news).
        ("mom showed up high to pickup today", None, "administrator or your counselor now"),
        ("la mamá llegó por el niño y olía a alcohol", "es-MX", "avise ya a un directivo"),
        # Had: "Got it: 'checked in with grandma'. That's useful to hold onto."
        ("checked in with grandma, she said theres no food at home most days", None,
         "McKinney-Vento"),
        ("la familia de Dayana vive en su carro desde octubre", "es-MX", "McKinney-Vento"),
        # Had: "Buena pregunta. El marco (Mapp y Kuttner) parte de la confianza..."
        ("Una mamá me dijo llorando que la van a desalojar de su apartamento la próxima semana "
         "y tiene tres hijos en nuestra escuela. ¿Cómo la puedo ayudar?", "es-MX",
         "McKinney-Vento"),
        # Had: 'Noted, "i think one of my kids...". Thanks for putting it into words.'
        ("i think one of my kids isnt getting enough to eat at home", None, "McKinney-Vento"),
    ],
)  # fmt: skip
def test_an_impaired_caregiver_or_a_family_in_need_gets_the_schools_people_first(
    app: CoachApp, said: str, locale: str | None, answered: str
) -> None:
    answer = Conversation(app.coach, locale=locale).says(said)
    assert answered in answer and "gentle thought on wording" not in answer


def test_a_family_short_of_food_told_in_a_reflection_is_answered_and_the_question_waits(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    answer = educator.says("talked to grandma at pickup and found out theres no food at home")
    assert "McKinney-Vento" in answer and "Question 1 of 2" in answer


def test_liking_a_tip_is_not_frustration_with_the_coach(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: "Fair enough; I'm not always useful." (the intent model read frustration)
    answer = educator.says("love this idea, will try it thursday")
    assert "Glad it helped" in answer and "not always useful" not in answer


def test_work_at_cps_or_a_call_i_neglected_to_return_is_not_a_safety_worry(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    for said in ("i teach 3rd grade at CPS", "i neglected to call her back, oops"):
        assert "reporting procedure" not in educator.says(said)
    for said in ("he hurt himself at recess, mom was upset", "i want to die lol this week"):
        assert "crisis steps" not in educator.says(said)


def test_a_goodbye_inside_a_reflection_is_answered_and_the_question_waits(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    answer = educator.says("see ya monday")
    # Had: "I haven't saved that as this week's plan, as I can't find a step in it yet."
    assert "I'll be here whenever you want" in answer and "pick one small action" in answer
    assert "Saved to your journal" in educator.says("1")


def test_a_role_said_with_a_question_about_a_family_gets_the_question_answered_first(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "I'm a para in a self-contained room. Am I even allowed to talk to parents about their "
        "kid's IEP goals or is that the case manager's job?"
    )
    # Had: the role offer and "As for where to start: `assess`..." (the question unanswered).
    assert "As for where to start" not in answer and "Yes, set teacher" in answer
    assert not answer.startswith("Thanks for telling me")  # answered before the offer
    # A role with a question about the role itself still gets where to start.
    other = Conversation(app.coach, "U2").says("I'm a principal, what should I focus on?")
    assert "As for where to start" in other


def test_a_note_sent_and_answered_is_news_not_a_thank_you(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("wrote a note home to the garcias and they wrote back!!")
    assert "You're welcome" not in answer  # had: the reply to a thank-you
    assert "Want to build on it?" in answer or "Want to think it through?" in answer
    thanked = Conversation(app.coach, "U2").says("thanks, i sent the note home")
    assert "You're welcome" in thanked  # a thanks said in words is still one


def test_a_reminder_to_write_for_families_starts_a_note_not_a_nudge_setting(
    app: CoachApp,
) -> None:
    # Had: "I don't know the nudge setting `de`."
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    reply = educator.says("recordatorio de vacunas para papás")
    assert "nudge setting" not in reply and "Escribamos una nota breve" in reply


@pytest.mark.parametrize(
    "said",
    [
        "good news, no question: the Nguyens who never came to anything all fall came to the"
        " winter concert",
        "small win!! mom who hasn't answered a single text since september wrote back today",
        "the dad who blew up at me last week emailed to say thanks for listening",
    ],
)
def test_good_news_after_a_hard_stretch_is_heard_as_good_news(app: CoachApp, said: str) -> None:
    answer = Conversation(app.coach).says(said)
    # Had: "When families don't answer or don't come..." or "That sounds tense."
    assert "Want to build on it?" in answer
    assert "don't answer" not in answer and "tense" not in answer


def test_a_setback_that_says_finally_is_no_good_news(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("nobody came to family night again, finally gave up")
    assert "Want to build on it?" not in answer


def test_a_question_without_a_question_mark_is_still_asked(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "do i have to call home every time a kid gets a referral or is that the deans job"
    )
    assert "Noted," not in answer  # had: 'Noted, "do i have to..."', as if told


def test_a_one_word_reply_quoted_is_heard_as_wondering_how_it_landed(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "dad replied 'ok.' to my long email about the field trip. is he mad or what"
    )
    # Had: the general "Good question. The framework..." (the quotes hid "replied ok").
    assert "Wondering how it landed" in answer


def test_whether_to_answer_a_late_email_tonight_gets_the_boundaries_answer(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "a dad sent a long email at 10:30pm about his son's quiz grade, should i reply tonight or"
        " wait until morning"
    )
    # Had: the thirteen-statement self-check ("quiz"); and, the question found, "Building on
    # what goes well is how trust grows" ("quiz grade" read as a bright spot).
    assert answer.startswith("Check your district's policy first")
    assert "protects your evenings" in answer and "Thirteen short statements" not in answer
    assert "Thirteen short statements" in Conversation(app.coach, "mr-lee").says(
        "can i take the quiz"
    )


@pytest.mark.parametrize(
    "asked", ["is my principal going to see this?", "wait, is this shared with admin?"]
)
def test_asking_who_sees_a_reflection_in_the_middle_of_it_is_answered(
    app: CoachApp, asked: str
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    # Had: "No problem. Here's a way in:", help to answer a question it did not ask.
    answer = educator.says(asked)
    assert "no principal or district view" in answer and "Here's a way in" not in answer
    assert "Question 1 of 2" in answer


@pytest.mark.parametrize(
    "said",
    [
        "i want to quit",  # had: "Okay. Whenever you have a few minutes, type `reflect`..."
        "no i mean it, i'm done with this job, parents treat us like garbage",
    ],
)
def test_an_educator_at_the_end_of_their_rope_is_heard_and_asked_for_nothing(
    app: CoachApp, said: str
) -> None:
    reply = Conversation(app.coach).says(said)
    assert "more than one hard day" in reply and "employee assistance program" in reply
    assert (
        "Two things you could try" not in reply and "Whenever you have a few minutes" not in reply
    )


def test_burnout_told_at_a_reflection_question_is_heard_not_kept(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("honestly none. i spent the whole week putting out fires")
    # Had: "Time is the real constraint here..." and the next question.
    reply = educator.says("i dont know. i'm so tired. i dont even know why i'm doing this")
    # "You don't owe me an action this week" is not followed by the next question (it had
    # been), and the reflection is over: what is typed next is not read as an answer.
    assert "more than one hard day" in reply and "Question" not in reply
    after = educator.says("ok")
    assert "Here's a way in" not in after and "pick one small action" not in after


def test_someone_else_s_burnout_is_no_burnout_reply(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "staff are getting burned out waiting at pickup, need a kind but firm message"
    )
    assert "more than one hard day" not in reply


def test_the_day_of_the_action_just_chosen_is_moved_in_place(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("call Jaylen's grandma thursday after school about his fractions test")
    # Had: "I'm not sure what you'd like me to do with that", Thursday kept.
    reply = educator.says("actually no, make it friday, thursday is staff meeting")
    assert "now _call Jaylen's grandma friday after school" in reply.replace("Call", "call")
    assert "grandma friday after school" in educator.says("journal")
    assert "thursday" not in educator.says("journal")


def test_a_day_named_without_moving_anything_changes_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("call Jaylen's grandma thursday after school about his fractions test")
    educator.says("friday works better for most of my families")
    assert "grandma thursday after school" in educator.says("journal")


def test_a_coach_asking_about_a_teacher_s_talk_gets_the_colleagues_answer(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "i'm an instructional coach, i support about 15 teachers. one of my teachers keeps "
        "saying her parents don't care. how do i bring that up with her without her getting "
        "defensive"
    )
    # Had: "Call the family back and start by asking what they most want for their child".
    assert "Asset-based talk spreads one example at a time" in reply
    assert "Call the family back" not in reply


@pytest.mark.parametrize(
    ("said", "answered"),
    [
        # Had: the reporting duty alone ("CPS" outranked the threat).
        ("A dad said he would hurt me if I called CPS again", "Your safety comes first"),
        ("He said I'd better watch my back in the parking lot", "Your safety comes first"),
    ],
)
def test_a_threat_to_the_educator_comes_first(app: CoachApp, said: str, answered: str) -> None:
    assert answered in Conversation(app.coach).says(said)


@pytest.mark.parametrize(
    "said",
    [
        "some days i don't want to be here anymore",  # had: "Okay. Whenever you have a few..."
        "honestly i'm not ok. i cry in my car every morning and some days i don't want to be "
        "here anymore",
        "ya no quiero vivir así",
    ],
)
def test_an_educator_in_crisis_is_heard_and_given_the_crisis_line(app: CoachApp, said: str) -> None:
    reply = Conversation(app.coach, locale="es-MX" if "quiero" in said else None).says(said)
    assert "988" in reply and ("taking it seriously" in reply or "lo tomo en serio" in reply)


def test_a_crisis_told_at_a_reflection_question_stops_the_questions(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("The Diazes. Learned Mateo loves soccer")
    # Had: "No problem. Here's a way in: For example, someone might write..."
    reply = educator.says("I don't want to be alive anymore honestly")
    assert "988" in reply and "Question" not in reply and "For example" not in reply
    # Had (a helper's probe): the next "ok" got "No problem. Here's a way in".
    assert "Here's a way in" not in educator.says("ok")
    assert "I don't want to be alive" not in educator.says("journal")


def test_a_joke_about_dying_is_never_the_week_s_action(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    at_the_action_step(educator)
    # Had: "Your action for this week: Die, this week".
    assert "Saved to your journal" not in educator.says("lol i want to die, this week")


def test_a_tired_joke_is_no_crisis(app: CoachApp) -> None:
    assert "988" not in Conversation(app.coach).says("i want to die lol 4 more conferences")


def test_a_student_s_words_told_get_the_student_s_crisis_steps(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("a student told me today 'i want to die'. what do i do")
    assert "crisis steps" in reply and "taking it seriously" not in reply


def test_quitting_a_task_is_no_burnout(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("I want to quit sending paper newsletters and go digital")
    assert "more than one hard day" not in reply


def test_the_day_moved_with_instead(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    skip_to_own_action(educator)
    educator.says("Call the Ortiz family on Tuesday")
    # Had: "I'm speaking English with you. Which language would you like?"
    assert "Call the Ortiz family on Thursday" in educator.says("can we do thursday instead")


@pytest.mark.parametrize(
    ("typed", "shown", "not_shown"),
    [
        # Had: "I don't know the topic 4 Cs." and the list of topics.
        ("learn 4 Cs", "The 4 Cs, the capacities to build", "Essential Conditions"),
        ("learn the essential conditions", "part two: the organization", "The 4 Cs"),
    ],
)
def test_a_part_of_the_framework_no_one_topic_is_can_be_learned(
    app: CoachApp, typed: str, shown: str, not_shown: str
) -> None:
    reply = Conversation(app.coach).says(typed)
    assert shown in reply and not_shown not in reply and "I don't know" not in reply


def test_which_one_a_c_is_asked_again_is_taught(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    # Had: "That sounds like a lot, and it's fair to feel that way."
    reply = educator.says("ok so which one is capabilities again")
    assert "Capabilities (skills and knowledge)" in reply and "sounds like a lot" not in reply


def test_a_language_code_alone_switches_the_language(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("help")
    # Had: "I don't know `es` yet."
    assert "le hablo en español" in educator.says("es")


def test_a_records_question_gets_its_own_answer_and_no_call_the_family_back(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach).says(
        "the dad of one of my students showed up at school saying he wants to see his "
        "daughter's report card, but the mom told us there's a custody thing going on and he's "
        "not supposed to have contact. what do I do?"
    )
    assert "any court order" in reply and "share no records" in reply
    # Had: a framework section, then "call the family back and start by asking...".
    assert "call the family back" not in reply.casefold()


def test_a_para_told_not_to_talk_to_parents_gets_a_holding_line(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "im a para in a self contained sped classroom. the teacher doesnt let me talk to "
        "parents but one mom keeps asking me at the bus how her son is doing. what should i do"
    )
    # Had: "Thanks for being honest about the friction" and "Call the family back...".
    assert "holding line" in reply and "Call the family back" not in reply


def test_a_skeptic_gets_the_evidence_and_one_small_test(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "I've been teaching 27 years. Frankly this family engagement stuff is a fad. Parents "
        "who care show up, the ones who don't, don't. Why should I bother?"
    )
    # Had: "Good question. The framework (Mapp & Kuttner) starts from trust..."
    assert "isn't a fad" in reply and "Henderson & Mapp, 2002" in reply
    assert "One small test" in reply


def test_someone_else_s_principal_is_not_the_educator_s_role(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("a dad threatened to go to the principal about a grade")
    # Had: "Thanks for telling me you're a school leader. Shall I set that as your role".
    assert "you're a school leader" not in reply
    assert "you're a school leader" in Conversation(app.coach, "ap").says(
        "I'm the AP at a middle school"
    )


def test_praise_of_the_coach_is_welcomed_not_taken_for_frustration(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    praised = educator.says("i really love this")  # had: "Fair enough; I'm not always useful"
    welcomed = replies_in("en").intents.praise
    assert "not always useful" not in praised and any(line in praised for line in welcomed)
    assert "You're welcome" in educator.says("thank u so much")


def test_no_tip_wanted_is_heard_and_what_follows_is_only_listened_to(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    listening = educator.says("no i dont want a tip")  # had: this week's tip
    assert "One small action this week" not in listening and "no advice" in listening
    told = educator.says("it's just that every email feels like an attack")
    assert "none of this has to turn into a task" in told
    assert "reflect" not in told and "Type" not in told
    # Only the next message: after it, the coach offers again as usual.
    assert "reflect" in educator.says("nobody came to family night again")


def test_the_wording_of_a_letter_is_no_language_barrier(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect")
    educator.says("the Reyes mom, she told me the car broke down in october")
    options = educator.says(
        "our attendance letters use court language and the families are scared of them"
    )
    # Had: "Language access is part of the work" and "book an interpreter" among the actions.
    assert "interpreter" not in options and "Language access" not in options


def test_self_doubt_about_the_family_side_of_the_job_is_heard(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("tbh I don't think I'm good at this part of the job")
    # Had (after a retrained model): "I'm not sure what you'd like me to do with that."
    assert "almost no one was trained for it" in answer and "reflect confidence" in answer


def test_only_calling_when_something_goes_wrong_is_heard_as_that(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    reply = educator.says(
        "honestly the only time i talk to most families is when something goes wrong"
    )
    # Had: "Schedules are doing a lot of the talking here" (a week short of time).
    assert "a call from school has come to mean trouble" in reply
    assert "Schedules are doing" not in reply and "Question 2 of 2" in reply


def test_a_question_beside_the_miss_is_answered_as_another_try(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("hello")
    reply = educator.says(
        "that's not what i asked. how do i get staff to stop saying families dont care?"
    )
    assert "Here's another try at what you asked" in reply
    assert "Colleagues who say families don't care" in reply


def test_a_hard_goodbye_told_is_no_good_news_and_no_loss_is_offered(app: CoachApp) -> None:
    # Session 37: "That's the framework in action", then "The nearest thing I know, from A
    # death in the school community", to a kindergarten teacher.
    teacher = Conversation(app.coach)
    told = teacher.says("her mom CRIED at drop off and 3 other kids started crying")
    assert "Goodbyes like that are hard" in told and "framework in action" not in told
    asked = teacher.says("should I call Amira's mom tonight to say Amira was ok after?")
    assert "death" not in asked.casefold()


def test_a_question_of_its_own_at_carry_it_is_answered_not_kept_as_how_it_went(
    app: CoachApp, clock: FakeClock
) -> None:
    # Session 37: "I've kept that with how it went", and the journal showed the question.
    educator = Conversation(app.coach)
    a_week_after_planning(educator, clock, "Send Mrs Patel a weekly email on fridays")
    educator.clicks("Partly")
    educator.says("she STILL emails every day")
    asked = educator.says(
        "what do I do when a parent keeps emailing every day even after I set up a weekly update?"
    )
    assert "A parent who wants constant updates" in asked and "kept that with" not in asked
    assert "carry it into this week" in asked
    educator.clicks("No, let it go")
    assert "keeps emailing" not in educator.says("journal")


@pytest.mark.parametrize(
    "news",
    [
        # Session 37: both had "You're welcome", to a kindergarten teacher's wins.
        'Mateo\'s mom wrote back like 5 heart emojis and "gracias maestra" 🥹🥹',
        'Mrs. Patel commented "thank you now I know how to help him" 🥹',
    ],
)
def test_a_family_s_thanks_told_is_good_news_not_thanks_to_welcome(
    app: CoachApp, news: str
) -> None:
    teacher = Conversation(app.coach)
    teacher.says("hi")
    heard = teacher.says(news)
    assert "You're welcome" not in heard and "Building on what goes well" in heard
    assert "You're welcome" in teacher.says("thanks, that helps a lot with my parents")
