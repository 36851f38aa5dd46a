"""A tired teacher's typing (session 34): "refelct" was met with "Did you mean `reflect`?" and a
"yes" then did nothing of it; and "she said he draws at home all the time, didnt know he did
that at school too", right after a bright spot about the Gomez mom, was answered as a child
who "doesn't act like that at home"."""

from __future__ import annotations

from bot.app import CoachApp
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_yes_after_did_you_mean_runs_the_command_meant(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "Did you mean `reflect`?" in educator.says("refelct")
    assert "Question 1 of 2" in educator.says("yes")


def test_no_after_did_you_mean_runs_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("refelct")
    assert "Question 1 of 2" not in educator.says("no")


def test_what_the_mom_said_after_a_bright_spot_is_heard_as_news(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    first = educator.says(
        "the gomez fam. mom came to concferences first time all yr!! we talked abt his drawing"
    )
    assert "moment partnerships grow from" in first
    reply = educator.says(
        "she said he draws at home all the time, didnt know he did that at school too"
    )
    assert "doesn't act like that at home" not in reply
    assert "the family" in reply.lower() and "`reflect`" in reply


def test_a_friction_told_after_a_story_is_still_heard_as_friction(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("had a parent conference with jose's dad today")
    reply = educator.says("he said we are always picking on his son and he yelled at me")
    assert "only learn by asking and listening" not in reply
    assert "school alone would never have shown you" not in reply


def test_a_week_later_hello_offers_the_stopped_reflection_without_the_role_list(
    app: CoachApp, clock: FakeClock
) -> None:
    # Had: the role question (1-6) and "Pick it up? 1. Pick it up 2. Let it go" in one reply.
    educator = Conversation(app.coach)
    educator.says("reflect")
    educator.says("the okafors. dad works nights so i never see him, mom texts back sometimes")
    clock.advance(days=7)
    reply = educator.says("hi")
    assert "Pick it up?" in reply and "what's your role?" not in reply
    assert "let your reflection" in educator.says("2").lower()


def test_forgot_is_a_word_of_its_own_and_deleting_is_never_a_yes(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "Did you mean `forget`" not in educator.says("forgot honestly")
    assert "Did you mean `forget`" in educator.says("forgt")
    reply = educator.says("yes")
    assert "delete" not in reply.lower() and "Question" not in reply


def test_ok_which_one_first_after_an_answer_is_a_question_about_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("how do i get more dads involved")
    reply = educator.says("ok which one first")
    assert "not sure what you'd like me to do" not in reply


def test_the_framework_in_two_sentences_is_two_sentences(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("whats the dual capacity framework in like 2 sentences")
    body = reply.split("\n")[1]
    assert body.count(". ") + 1 == 2 and "Mapp" in body


def test_the_4_cs_asked_for_are_the_4_cs(app: CoachApp) -> None:
    # Had: the framework's opening, which names the 4 Cs without telling them.
    reply = Conversation(app.coach).says("what are the 4 Cs again")
    for capacity in ("Capabilities", "Connections", "Confidence", "Cognition"):
        assert capacity in reply
