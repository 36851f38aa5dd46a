"""One next step offered, taken in words: "Type `reflect relational`" ... "sure!" starts it,
the role offer's one button ... "ok" sets the role, "nah, not now" is let be. Only the very
next message can take an offer, and only while it is fresh. On both databases."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.models import Educator
from tests.clock import FakeClock
from tests.dialog import Conversation


def stored_role(app: CoachApp) -> tuple[str | None, str | None]:
    with app.sessions() as session:
        educator = session.scalars(select(Educator).where(Educator.user_id == "ms-rivera")).one()
        return educator.role, educator.grade_band


def test_ok_to_the_role_offer_sets_the_role(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    offer = educator.says("im a school counselor at a middle school")
    assert "Shall I set that as your role" in offer
    answer = educator.says("ok")  # had: "No problem. I'm here when you want me"
    assert "you're a counselor or social worker" in answer and "Middle school" in answer
    assert stored_role(app) == ("counselor", "middle")


def test_sure_to_a_way_into_a_reflection_starts_it_on_that_topic(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    heard = educator.says("honestly i barely know most of my families")
    assert "Type `reflect relational`" in heard
    started = educator.says("sure!")
    assert "Let's reflect on *Relational" in started and "Question 1 of 2" in started


def test_a_thumbs_up_to_a_question_answered_starts_the_reflection(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    assert "Type `reflect`" in educator.says("what do i do about a mom who never answers")
    assert "Question 1 of 2" in educator.says("👍")


def test_not_now_lets_the_offer_be(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("my parents never answer my emails")
    declined = educator.says("nah, not now")
    assert "No problem" in declined and "Question" not in declined
    # The offer is used up: a later "ok" is not a yes to it.
    assert "Question" not in educator.says("ok")


def test_only_the_next_message_takes_the_offer(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("honestly i barely know most of my families")
    educator.says("thanks")
    assert "Question" not in educator.says("yes")


def test_an_offer_goes_stale_after_an_evening(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says("im a principal")
    clock.advance(hours=7)
    assert "you're a school leader" not in educator.says("ok")
    assert stored_role(app) == (None, None)


def test_more_than_a_yes_is_read_as_itself(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("honestly i barely know most of my families")
    answer = educator.says("yes, especially the new ones who came in october")
    assert "Question 1 of 2" not in answer


def test_a_spanish_yes_takes_a_spanish_offer(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    heard = educator.says("casi no conozco a las familias")
    assert "Escriba `reflexionar relational`" in heard
    assert "Pregunta 1 de 2" in educator.says("sí, dale")


def test_a_request_that_turns_itself_down_starts_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: the reflection started ("reflection" is what the words name).
    answer = educator.says("no i dont want to do a reflection rn")
    assert "No problem" in answer and "Question 1" not in answer
    assert "(1 of 13)" not in educator.says("can we not do the quiz")
    # Had: "There's nothing to cancel right now."
    assert "nothing to cancel" not in educator.says("maybe later")
    # Someone else's "don't want to" is what the reflection is about.
    assert "Question 1 of 2" in educator.says("i want to reflect on why they dont want to come")


def test_a_topic_named_in_words_is_that_topic(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: "I don't know the topic on trust" and the list of slugs.
    assert "Let's reflect on *Relational" in educator.says("reflect on trust")
    educator.says("cancel")
    assert "Relational, built on mutual trust" in educator.says("learn about trust")
    assert "I don't know the topic `blorp`" in educator.says("learn blorp")


def test_a_childs_evaluation_is_not_the_self_assessment(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    question = "cómo le digo a un papá que su hijo necesita evaluación para educación especial"
    assert "(1 of 13)" not in educator.says(question)  # had: the self-assessment started
    assert "(1 of 13)" in Conversation(app.coach, "mr-lee").says("hazme la evaluación")


def test_questions_about_the_coach_itself_are_answered_plainly(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: the whole help menu, twice.
    private = educator.says("is this thing private? like can my principal see what i type here")
    assert "no principal or district view" in private and "`forget`" in private
    assert "not a person" in educator.says("what are you exactly? are you a person or ai")
    # Asked in the middle of a reflection: answered, and the question waits.
    educator.says("reflect relational")
    aside = educator.says("wait is this saved somewhere?")  # had: the stuck help
    assert "no principal or district view" in aside and "Question 1 of 2" in aside
    # An apology is not an answer (had: saved as the answer to question 1).
    sorry = educator.says("sorry, long day")
    assert "No need to apologise" in sorry and "Question 1 of 2" in sorry


def test_a_tip_asked_for_is_this_weeks_nudge_and_sure_turns_them_on(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: "I'm not sure what you'd like me to do with that."
    tip = educator.says("whats this weeks tip")
    assert "Here's one for this week" in tip and "*One small action this week:*" in tip
    assert educator.says("give me a quick tip") == tip  # the same one all week
    assert "Type `nudges on`" in tip
    assert "Weekly nudges are on" in educator.says("sure")
    # A tip on a part of the framework is a question about it.
    assert "Here's one for this week" not in educator.says("any tips on home visits")


def test_ok_to_the_smallest_step_for_a_heavy_week_starts_that_note(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    heavy = educator.says("im drowning, 3 iep meetings this week")
    assert "one short good-news message to one family" in heavy
    # Had: "No problem. I'm here when you want me".
    started = educator.says("ok")
    assert "Let's write a short note home: Celebrate something specific." in started
    assert "Which language does the family read best?" in started
    # A wording that names no message offers none: "ok" starts nothing (session 36).
    other = Conversation(app.coach, "mr-cole")
    heavy = other.says("im drowning, 3 iep meetings and report cards due friday")
    assert heavy.startswith("That sounds like a lot,") and "good-news message" not in heavy
    assert "short note home" not in other.says("ok")


def test_reflecting_on_a_subject_the_framework_has_no_part_for_starts_this_weeks(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    # Had: "I don't know the topic communication. Did you mean cognition?" and fifteen slugs.
    answer = educator.says("reflect communication")
    assert "no part called “communication”" in answer and "Question 1 of 2" in answer
    assert "cognition" not in answer
    educator.says("cancel")
    described = educator.says("reflect i want to think about my conference with the garcias")
    assert "Let's think that through" in described and "Question 1 of 2" in described
    educator.says("cancel")
    # A slip of a part's name is that part.
    assert "Let's reflect on *Relational" in educator.says("reflect relatonal")


def test_a_long_unknown_word_is_quoted_back_short(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("reflect " + "x" * 3_000)
    assert "Question 1 of 2" in answer and "x" * 41 not in answer


def test_reflecting_on_a_subject_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    answer = educator.says("reflexionar comunicación")
    assert "no tiene una parte llamada “comunicación”" in answer and "Pregunta 1 de 2" in answer
