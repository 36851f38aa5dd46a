"""The self-assessment: finished in a few clicks, resumable, dated, and compared with last time."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import CoachApp, build_app
from bot.assess.models import AssessmentResult
from content.schema import NUDGE_TOPICS
from tests.clock import FakeClock
from tests.dialog import Conversation

# Ratings for the 13 topics in the framework's order: relational ... cognition.
FIRST_RATINGS = [4, 2, 3, 1, 3, 2, 1, 2, 2, 3, 4, 2, 3]


def _rate_all(educator: Conversation, ratings: list[int]) -> str:
    answer = ""
    for rating in ratings:
        answer = educator.says(str(rating))
    return answer


def test_an_educator_rates_every_topic_and_sees_strengths_and_growth_areas(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("assess")
    assert "(1 of 13)" in answer and "1. Not yet" in answer and "4. Routine" in answer
    assert "It's how I work" in answer  # the scale is explained once, up front
    answer = _rate_all(educator, FIRST_RATINGS)
    strongest = answer.split("Your strongest areas:*")[1].split("\n")[0]
    growth = answer.split("Room to grow:*")[1].split("\n")[0]
    assert app.library.title("relational") in strongest
    assert app.library.title("connections") in strongest
    assert app.library.title("culturally-responsive") in growth
    assert app.library.title("systemic") in growth
    assert educator.button("Focus on").value == "nudges focus culturally-responsive"
    assert educator.button("Growth areas first").value == "assess growth-first"
    with app.sessions() as session:
        result = session.scalars(select(AssessmentResult)).one()
    assert result.scores == dict(zip(NUDGE_TOPICS, FIRST_RATINGS, strict=True))


def test_buttons_and_words_rate_too_and_a_double_click_counts_once(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    growing = educator.button("Growing")
    assert "(2 of 13)" in educator.clicks_value(growing)
    assert educator.clicks_value(growing) == ""
    assert "(3 of 13)" in educator.says("routine")


def test_a_partial_assessment_survives_a_restart_and_resumes(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    _rate_all(educator, FIRST_RATINGS[:5])
    restarted = build_app(app.settings, clock=clock, migrate=False)
    try:
        again = Conversation(restarted.coach)
        answer = again.says("assess")
        assert "(6 of 13)" in answer
        assert "self-assessment (question 6 of 13) is still open" in answer
        answer = _rate_all(again, FIRST_RATINGS[5:])
        assert "strongest areas" in answer
    finally:
        restarted.engine.dispose()


def test_a_partial_assessment_can_be_cancelled(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    educator.says("2")
    assert "left your self-assessment" in educator.says("cancel")
    with app.sessions() as session:
        assert session.scalars(select(AssessmentResult)).all() == []
    assert "(1 of 13)" in educator.says("assess")


def test_anything_but_a_rating_asks_again(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    answer = educator.says("I'm not sure")
    assert "no wrong answer" in answer and "(1 of 13)" in answer
    assert "(1 of 13)" in educator.says("9")
    assert "pick one of the options" in educator.says("the weather is nice")


def test_asked_what_a_statement_means_it_is_explained_and_nothing_is_scored(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    educator.clicks("Starting")
    second = app.library.assessment.statements[1].topic
    # Had: scored "Not yet" (its words hold "i dont") and the third statement shown.
    answer = educator.says("honestly i dont know what this one means")
    topic = app.library.topics[second]
    assert f"This one is about *{topic.title}*" in answer and f"`learn {second}`" in answer
    assert "(2 of 13)" in answer
    assert "(3 of 13)" in educator.says("i dont do this yet")  # a rating, in words: Not yet
    maestra = Conversation(app.coach, "sra-ruiz", locale="es-MX")
    maestra.says("idioma es")
    maestra.says("autoevaluación")
    # Had: "Buena pregunta. Escriba `aprender outcomes`..." (a topic the words only lean to).
    assert "Esta trata sobre" in maestra.says("¿qué significa esto?")


def test_every_statement_rated_the_same_names_no_strongest_area(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    _rate_all(educator, [1] * len(NUDGE_TOPICS))
    results = educator.transcript
    # Had: "Your strongest areas: Cognition..., Confidence..., Connections..." (all Not yet).
    assert "strongest" not in results and "You rated every statement *Not yet*" in results
    assert "Room to grow" in results


def test_a_level_said_in_words_is_that_level(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    # Each had: "Please pick one of the options".
    for said, next_item in [
        ("pretty good i think", "(2 of 13)"),  # growing
        ("not always tbh", "(3 of 13)"),  # growing, not routine
        ("casi nunca", "(4 of 13)"),  # starting, not "not yet"
        ("not really", "(5 of 13)"),  # not yet
    ]:
        reply = educator.says(said)
        assert next_item in reply and "Put down as *" in reply  # said back, so a slip shows
    _rate_all(educator, [2] * (len(NUDGE_TOPICS) - 4))
    with app.sessions() as session:
        [result] = session.scalars(select(AssessmentResult)).all()
    first_four = [result.scores[item.topic] for item in app.library.assessment.statements[:4]]
    assert first_four == [3, 3, 2, 1]


def test_a_longer_answer_is_never_scored_without_a_click(app: CoachApp) -> None:
    # Session 36: three educators' remarks were scored, and became growth areas: "I don't
    # have my own families, I work through principals..." Not yet (for "I don't"), "no
    # entiendo esta pregunta" Not yet (for "no").
    coordinator = Conversation(app.coach)
    coordinator.says("assess")
    reply = coordinator.says(
        "I don't have my own families, I work through principals and liaisons at nine schools"
    )
    assert "in your own role" in reply and "(1 of 13)" in reply
    reply = coordinator.says("I mostly send a newsletter and call when something goes wrong")
    assert "I'd guess *Growing*" in reply and "(1 of 13)" in reply
    assert "(2 of 13)" in coordinator.clicks("Growing")
    rosa = Conversation(app.coach, "rosa")
    rosa.says("idioma es")
    rosa.says("autoevaluación")
    assert "Esta trata sobre" in rosa.says("no entiendo esta pregunta")
    with app.sessions() as session:
        assert session.scalars(select(AssessmentResult)).all() == []


def test_retaking_shows_what_moved_since_last_time(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says("assess")
    _rate_all(educator, FIRST_RATINGS)
    clock.advance(days=60)
    educator.says("assess")
    second = list(FIRST_RATINGS)
    second[3] = 3  # culturally responsive: 1 -> 3
    second[0] = 3  # relational: 4 -> 3
    answer = _rate_all(educator, second)
    assert (
        f"Moved up since Mon Nov 16, 2026:* {app.library.title('culturally-responsive')} (1→3)"
        in answer
    )
    assert f"{app.library.title('relational')} (4→3)" in answer.split("Moved down")[1]


def test_a_reflection_in_progress_is_not_replaced_by_an_assessment(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    educator.says("I talked with Ana's dad at pickup about her drawings")
    answer = educator.says("assess")
    assert "reflection on" in answer and "is still open" in answer
    assert "Question 2 of 2" in answer


def test_a_reflection_not_yet_answered_gives_way_to_the_assessment(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    # Had: "Your reflection on ... is still open", for a question not yet answered.
    answer = educator.says("assess")
    assert "I've closed your reflection on *Relational" in answer
    assert "nothing in it was answered yet" in answer and "(1 of 13)" in answer


def test_growth_first_needs_an_assessment(app: CoachApp) -> None:
    assert "Take `assess` first" in Conversation(app.coach).says("assess growth-first")
