"""A 7th-grade math teacher, 24 years in, signed up by his principal (session 38): terse,
sarcastic, short. What he said that the coach had misread."""

from __future__ import annotations

from bot.app import CoachApp
from tests.dialog import Conversation


def test_a_rubric_sent_to_a_dad_is_news_not_the_self_check(app: CoachApp) -> None:
    tom = Conversation(app.coach, "mr-tom")
    reply = tom.says(
        "sent the dad the rubric. he still emailed at 11:48pm friday disputing #4. cc'd "
        "principal again"
    )
    # Had: "Thirteen short statements..." (the word "rubric" began the self-check).
    assert "Thirteen short statements" not in reply
    assert "A parent disputing a grade" in reply
    assert "Thirteen short statements" not in tom.says("mom emailed about the quiz grade again")


def test_the_self_check_still_starts_when_asked(app: CoachApp) -> None:
    assert "Thirteen short statements" in Conversation(app.coach).says("take the survey")


def test_stop_after_a_word_of_protest_leaves_the_self_check(app: CoachApp) -> None:
    tom = Conversation(app.coach, "mr-tom")
    tom.says("assess")
    reply = tom.says("what. no. stop")
    # Had: "Put down as *Not yet*. (2 of 13)".
    assert "I've left your self-assessment" in reply and "Not yet" not in reply


def test_a_reflection_answer_that_ends_in_stop_is_still_an_answer(app: CoachApp) -> None:
    tom = Conversation(app.coach, "mr-tom")
    tom.says("reflect relational")
    assert "Question 2 of 2" in tom.says("ok so she told him to stop")


def test_a_nudge_time_turned_down_with_a_day_named_moves_the_nudge(app: CoachApp) -> None:
    tom = Conversation(app.coach, "mr-tom", timezone="America/Chicago")
    tom.says("nudges on")
    reply = tom.says("not 7:30 i have wrestling practice mornings. sunday night")
    # Had: "That sounds like a lot, and weeks like this are real", the nudge left at 07:30.
    assert "Sun Nov 22, 19:00" in reply


def test_writing_it_oneself_after_a_draft_begins_no_other(app: CoachApp) -> None:
    reply = Conversation(app.coach, "mr-tom").says("ill write it myself")
    # Had: "Let's write a short note home. What is it for?"
    assert "your own words" in reply and "What is it for?" not in reply


def test_figuring_it_out_oneself_closes_the_topic_not_the_self_check(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("ok i'll figure that one out myself")
    # Had: "Thirteen short statements..."
    assert "Thirteen short statements" not in reply
    assert "Thirteen short statements" in Conversation(app.coach, "b").says(
        "help me figure out what to focus on"
    )


def test_whether_this_is_every_week_is_answered_beside_the_question(app: CoachApp) -> None:
    tom = Conversation(app.coach, "mr-tom")
    tom.says("reflect relational")
    reply = tom.says("wait do i have to do this every week")
    # Had: "Heard: time is stretched thin." and question 2 (saved as the answer).
    assert "none is required" in reply and "Question 1 of 2" in reply
    assert "Question 2 of 2" in tom.says("honestly i do this every week with the garcias")


def test_a_short_first_sentence_heard_in_a_reflection_keeps_the_next_one(app: CoachApp) -> None:
    tom = Conversation(app.coach, "mr-tom")
    tom.says("reflect relational")
    reply = tom.says(
        "none. i get emails at midnight from parents asking why their kid has a B. thats the "
        "conversation"
    )
    # Had: "Check your district's policy first." and nothing more.
    assert "Check your district's policy first. A school messaging app" in reply
