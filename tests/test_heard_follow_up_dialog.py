"""A story told, then "what should I do?": the question is about the story. "a mom yelled at
me in the parking lot today about her son's grades" ... "what should I do?" had got the
general "Good question. The framework...", and "ok but how?" the whole menu. Nothing the
educator wrote is kept for it. On both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.models import Educator
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation

STORY = "a mom yelled at me in the parking lot today about her son's grades"


def test_what_should_i_do_after_a_story_answers_that_story(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    heard = educator.says("I have a dad who yells at me every pickup about his son's grades")
    advice = educator.says("what should I do?")
    # What was told is answered: by its own situation when the model knows it (session 31's
    # retrained model does), else by the tries for what was heard in it. Since session 35's
    # retraining the model is sure enough to answer the story itself (at the bar any message
    # meets), and "what should I do?" then says where to start among its tries.
    if "A parent who is angry with you" in heard:
        assert "If I had to pick one" in advice and "argue it out" in advice
    else:
        assert (
            "A parent who is angry with you" in advice
            or "For what you told me, two things you could try" in advice
        )
    assert "I don't have a ready answer" not in advice
    # The reflection the story's reply offered is still one "ok" away.
    assert "Question 1 of 2" in educator.says("ok")


def test_what_should_i_do_after_a_situation_answered_says_where_to_start(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    assert "A parent who is angry with you" in educator.says(STORY)
    first = educator.says("what should I do?")  # had: "Good question. The framework..."
    assert "If I had to pick one, I'd start with this: don't argue it out" in first


def test_ok_but_how_after_families_not_coming_gets_tries_for_that(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("nobody came to family night again")
    advice = educator.says("ok but how?")
    # What was told is answered: by its own situation when the model knows it (session 31's
    # retrained model does), else by the tries for what was heard in it.
    assert (
        "A parent who is angry with you" in advice
        or "For what you told me, two things you could try" in advice
    )
    assert "family night" in advice.casefold()  # the tries closest to the story
    assert "Here's what you can type" not in advice


def test_a_new_question_after_a_story_is_answered_as_itself(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(STORY)
    answer = educator.says("what do i do about a dad who records our meetings on his phone?")
    assert "A parent who is angry with you" not in answer


def test_the_story_is_forgotten_after_the_next_message(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(STORY)
    educator.says("thanks")
    assert "If I had to pick one" not in educator.says("what should I do?")


def test_the_story_goes_stale_after_an_evening(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says(STORY)
    clock.advance(hours=7)
    assert "If I had to pick one" not in educator.says("what should I do?")


def test_only_what_the_coach_would_advise_is_kept_never_the_words(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(STORY)
    with app.sessions() as session:
        kept = session.scalars(select(Educator.offer)).one()
    assert kept is not None and "upset_parent" in kept
    assert "parking" not in kept and "grades" not in kept


def test_spanish_y_como_after_a_story_told_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("otra vez no vino ninguna familia a la noche de familias")
    advice = educator.says("¿y cómo?")
    assert "Para lo que me contó, dos cosas que podría probar" in advice


def test_after_the_tries_what_would_you_do_first_names_one(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(
        "I have a mom who emails me EVERY day, sometimes 3 times, about her son Liam (4th"
        " grade). I dread opening my inbox. starting to resent her"
    )
    educator.says("so what do i actually say to her")  # had: "Good question. The framework..."
    first = educator.says("which one first?")
    assert "If I had to pick one, I'd start with this: propose a set schedule" in first


def test_and_if_he_still_doesnt_answer_gets_two_other_tries(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("3rd grade. Jaylen's dad never answers anything. nothing since august")
    given = educator.says("ok but how?")
    more = educator.says("and if he still doesnt answer?")
    assert "If those don't land, two more you could try" in more
    tried = [line for line in more.splitlines() if line.startswith("•")]
    assert len(tried) == 2 and not any(line in given for line in tried)


def test_a_parents_threat_is_taken_seriously_not_answered_with_the_framework(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    threat = educator.says(
        "a parent told me after the game tonight that if his son doesn't start friday he'll"
        " 'make sure I regret it.' he knows where I park. I'm a HS coach. what do I do"
    )
    taken_seriously = replies_in("en").to_the_coach["threat_to_staff"].answer
    assert threat == taken_seriously  # had: "Good question. The framework starts from trust"
    # Asked again right after, it is the answer again, not the framework.
    assert educator.says("should i tell my AD?") == taken_seriously
    complaint = educator.says("a dad threatened to go to the principal about a grade")
    assert taken_seriously not in complaint


def test_what_do_i_do_right_now_after_a_pickup_in_doubt_is_the_safety_answer(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    first = educator.says(
        "dad just called and said mom is NOT allowed to pick up Zoe today, there's a"
        " restraining order, but nothing is in the office file. mom is here in the lobby"
    )
    assert "go to the office or an administrator at once" in first
    again = educator.says("what do i do RIGHT NOW")  # had: the framework's Capacity Outcomes
    assert again == first
    # Nothing to say yes to after it: "ok" starts no reflection.
    assert "Question 1 of 2" not in educator.says("ok")


def test_a_disclosure_told_with_a_promise_of_secrecy_gets_the_reporting_duty(
    app: CoachApp,
) -> None:
    counselor = Conversation(app.coach)
    answer = counselor.says(
        "A mom told me today she thinks her 3rd grader Aiden is being hit at home by her"
        " boyfriend. She made me promise not to tell anyone."
    )
    # Had: "Hard conversations take a lot out of you... time is tight here".
    assert "follow your school's reporting procedure today" in answer
    assert "A promise to keep it secret can't stand in the way" in answer


def test_ok_but_how_after_a_framework_answer_says_where_to_start(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("how do I run a home visit?")
    assert "learn relational" in answer
    first = educator.says("ok but how?")  # had: the whole help menu
    assert "If I had to pick one, I'd start with this:" in first


def test_what_do_you_mean_with_nothing_to_explain_asks_which_part(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("what do you mean?")
    assert "Tell me which part" in answer and "Here's what you can type" not in answer


def test_leaving_a_reflection_to_tell_a_story_answers_the_story(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect")
    left = educator.says(
        "Actually wait, can we talk about something else? I have a kid, Jordan, whose mom"
        " yells at me in the pickup line in front of other parents"
    )
    # Had: "I've left your reflection... Type help whenever you like." and nothing on Jordan.
    assert "left your reflection" in left and "things you could try" in left
    more = educator.says("what should i say to her next time?")
    assert "I don't have a ready answer" not in more
    # The situation's ideas again, or the one to start with ("open the next conversation...").
    assert "you could try" in more or "If I had to pick one" in more


def test_who_is_the_mckinney_vento_person_is_answered(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("who is the mckinney vento person? we're a tiny district")
    # Had: "I'm not sure what you'd like me to do with that."
    assert "Every district, however small, must name a McKinney-Vento liaison" in answer


@pytest.mark.parametrize(
    ("told", "answer"),
    [
        # A threat against the whole school: its safety team now (was threat_to_staff's).
        ("a parent said they would bring a gun to school", "school_threat"),
        ("a parent said he'd come to school and hurt me", "threat_to_staff"),
        ("a dad who's not on the pickup list is trying to take Ava", "pickup_safety"),
    ],
)
def test_threats_and_a_pickup_in_doubt_found_by_a_probe_get_the_safety_answer(
    app: CoachApp, told: str, answer: str
) -> None:
    educator = Conversation(app.coach)
    safety = replies_in("en").to_the_coach[answer].answer
    assert educator.says(told) == safety  # had: "Got it... That matters", "Parents who live apart"
    assert educator.says("what do i do RIGHT NOW") == safety


def test_which_one_first_right_after_a_story_is_its_advice_not_the_self_check(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("the Nguyen dad never answers my texts")
    advice = educator.says("which one first?")
    assert "Thirteen short statements" not in advice and "you could try" in advice


def test_a_new_question_after_a_story_is_not_taken_for_a_follow_up(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("the Nguyen dad never answers my texts")
    # Had (a probe): the Nguyen tries again.
    answer = educator.says("how do i run a back to school night?")
    assert "For what you told me" not in answer and "If those don't land" not in answer


@pytest.mark.parametrize(
    ("said", "not_said"),
    [
        ("honestly this is not what I need", "Love hearing that"),  # had: praise
        ("love how you ignore everything i say", '"educator"'),  # had: the whole export
        ("i love this parent, she's so involved", "Glad it's useful"),  # told of a parent
    ],
)
def test_what_only_sounds_like_praise_or_an_export_is_not_answered_as_one(
    app: CoachApp, said: str, not_said: str
) -> None:
    assert not_said not in Conversation(app.coach).says(said)


def test_the_language_line_is_an_interpreter_not_the_coach_s_language(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("what's the language line")
    # Had: "I'm speaking English with you. Which language would you like?"
    assert "phone interpreting line" in answer and "Which language would you like" not in answer


def test_which_one_first_asked_twice_names_the_same_start_both_times(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says(STORY)
    first = educator.says("what should I do?")
    # Had: the thirteen-statement self-check, started by the second "which one first?".
    again = educator.says("which one first?")
    assert "If I had to pick one" in again and "Thirteen short statements" not in again
    assert again == educator.says("which one first?") and "don't argue it out" in first


def test_which_one_first_with_nothing_given_asks_what_they_mean(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("which one first?")
    assert "Which one do you mean?" in reply and "Thirteen short statements" not in reply


def test_tries_already_tried_get_new_ones_then_another_messenger(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("i have a family that never responds to anything i send")
    given = educator.says("what should I do?")
    assert "two things you could try" in given
    # Had: "I'm not sure what you'd like me to do with that."
    more = educator.says("i already tried all of those")
    assert "two more you could try" in more
    tried = [line for line in more.splitlines() if line.startswith("• ")]
    assert tried and not any(line in given for line in tried)
    assert "one more you could try" in educator.says("tried those already")
    # Every try the theme has was given: a different messenger, and again if asked again.
    assert "a different messenger" in educator.says("tried those already")
    assert "a different messenger" in educator.says("ya intenté todo")


def test_tried_everything_out_of_the_blue_gets_another_messenger(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("honestly i already tried all of that")
    assert "a different messenger" in reply  # had: "I'm not sure what you'd like me to do"


def test_a_family_that_never_answers_is_heard_not_a_note_begun(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    heard = educator.says("a mom never answers my emails about her son's missing work")
    # Had: "Let's write a short note home. What is it for?"
    assert "What is it for?" not in heard and "Not hearing back" in heard
    assert "two things you could try" in educator.says("what should i do?")


def test_a_story_told_on_in_a_second_message_is_heard_as_more_of_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("i have a student whose dad is really hard to talk to")
    more = educator.says("he just shuts down every time i bring up grades")
    # Had: "I'm not sure what you'd like me to do with that."
    assert "Thanks for saying more" in more and "not sure what you'd like" not in more
    # The story is still held: "ok" thinks it through.
    assert "Question 1 of 2" in educator.says("ok")


def test_a_story_begun_is_listened_for(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "I'm listening. Tell me what's going on" in educator.says("so theres this mom")
    told = educator.says("she keeps texting me at 11pm about homework")
    assert "not sure what you'd like" not in told and "reflect" in told
