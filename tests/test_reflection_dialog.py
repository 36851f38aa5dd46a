"""An educator learns, reflects, plans an action, and is asked how it went, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.app import CoachApp, build_app
from bot.storage.models import FlowState, Reflection
from content.schema import ALL_TOPICS, NUDGE_TOPICS
from tests.clock import FakeClock
from tests.dialog import Conversation, fresh_id, verify_dialog


def _reflection_count(app: CoachApp) -> int:
    with app.sessions() as session:
        return session.scalar(select(func.count()).select_from(Reflection)) or 0


def test_help_says_what_the_coach_can_do(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    answer = educator.says("help")
    for word in ("learn", "reflect", "journal", "nudges", "cancel"):
        assert f"`{word}" in answer
    assert "Mapp" in answer


@pytest.mark.parametrize("slug", ALL_TOPICS)
def test_every_part_of_the_framework_can_be_learned(app: CoachApp, slug: str) -> None:
    educator = Conversation(app.coach)
    answer = educator.says(f"learn {slug}")
    assert app.library.title(slug) in answer
    assert "Source:" in answer
    assert educator.button("Next")


def test_learn_without_a_topic_shows_the_whole_framework(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("Learn")
    for slug in ("relational", "capabilities", "outcomes"):
        assert slug in answer


def test_an_unknown_topic_lists_the_topics(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("learn relashional")
    assert "I don't know the topic `relashional`" in answer
    assert "Did you mean `relational`?" in answer
    for slug in ALL_TOPICS:
        assert f"`{slug}`" in answer


@pytest.mark.parametrize("topic", NUDGE_TOPICS)
def test_a_reflection_on_any_topic_ends_in_one_action_saved_to_the_journal(
    app: CoachApp, topic: str
) -> None:
    educator = Conversation(app.coach)
    educator.says(f"reflect {topic}")
    educator.says("I noticed families answer texts more than emails.")
    answer = educator.says("Next week I will try a text in the morning.")
    first_action = educator.last[-1].options[0]  # type: ignore[union-attr]
    answer = educator.clicks_value(first_action)
    assert "Saved to your journal" in answer
    assert first_action.label in answer
    journal = educator.says("journal")
    assert app.library.title(topic) in journal
    assert first_action.label in journal
    assert "not checked in yet" in journal


def test_the_next_reflection_first_asks_how_last_weeks_action_went(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("reflect relational", "Question 1 of 2"),
            ("I greeted every family at pickup on Friday.", "Question 2 of 2"),
            ("Two parents stayed to chat about the science fair.", "pick one small action"),
            ("Call one family with good news about their child", "Saved to your journal"),
        ],
    )
    clock.advance(days=7)
    answer = educator.says("reflect")
    # The default topic moves on from the one last reflected on.
    assert app.library.title("linked-to-learning") in answer
    assert "you planned to: _Call one family with good news about their child_" in answer
    assert "How did it go?" in answer
    answer = educator.clicks("Partly")
    assert "What got in the way?" in answer
    answer = educator.says("Reached voicemail twice, then we talked on Thursday.")
    # A typed barrier is kept as the note, and the unfinished action is offered again.
    assert "Want to carry it into this week?" in answer
    answer = educator.clicks("Yes, as it was")
    assert "Kept for this week" in answer and "Question 1 of 2" in answer
    journal = educator.says("journal")
    assert "partly done (Reached voicemail twice, then we talked on Thursday.)" in journal


def test_the_follow_up_answer_can_be_typed_as_a_number_or_a_word(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("reflect asset-based", "Question 1"),
            ("skip", "Question 2"),
            ("skip", "small action"),
            ("2", "Saved to your journal"),
            ("reflect", "How did it go?"),
            ("not yet", "What got in the way?"),
            ("I forgot", "A reminder on the day"),
            ("no, let it go", "Question 1 of 2"),
        ],
    )
    assert "not yet" in Conversation(app.coach).says("journal")


def test_write_my_own_action(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect cognition")
    educator.says("I assumed Ana's dad was not interested.")
    educator.says("He works nights; he reads every message.")
    assert "One sentence is plenty" in educator.clicks("Write my own")
    answer = educator.says("Send Ana's dad a voice note he can play after his shift.")
    assert "Send Ana's dad a voice note" in answer
    assert _reflection_count(app) == 1


def test_cancel_leaves_a_reflection_and_saves_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("reflect interactive", "Question 1"),
            ("A first answer", "Question 2"),
            ("CANCEL", "I've left your reflection"),
            ("cancel", "nothing to cancel"),
        ],
    )
    assert _reflection_count(app) == 0


def test_help_in_the_middle_of_a_reflection_keeps_it(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect systemic")
    educator.says("Our plan mentions families once.")
    answer = educator.says("help")
    assert "I kept your place" in answer
    assert "Question 2 of 2" in answer
    educator.says("I could raise it at the next team meeting.")
    assert "Saved to your journal" in educator.clicks("1")


def test_a_double_click_advances_the_reflection_once(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    verify_dialog(
        educator,
        [
            ("reflect confidence", "Question 1"),
            ("I called Ana's dad after practice", "Question 2"),
            ("Her grandma, only about absences", "small action"),
        ],
    )
    action = educator.last[-1].options[0]  # type: ignore[union-attr]
    assert "Saved" in educator.clicks_value(action)
    assert "already finished" in educator.clicks_value(action)
    assert _reflection_count(app) == 1


def test_a_stale_button_from_an_earlier_step_does_nothing(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect collaborative")
    educator.says("I met Leo's mom at pickup")
    educator.says("The twins' family, only about behavior")
    educator.clicks("Write my own")
    educator.says("Invite a parent to co-plan the spring showcase.")
    educator.says("reflect")
    done = educator.button("Done")
    assert "What made it work?" in educator.clicks_value(done)
    assert educator.clicks_value(done) == ""  # the second click is quietly ignored
    with app.sessions() as session:
        statuses = session.scalars(select(Reflection.action_status)).all()
    assert statuses == ["done"]


def test_a_duplicate_delivery_is_handled_once(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    delivery = fresh_id()
    assert "Question 2" in educator.says("Same message twice", message_id=delivery)
    assert educator.says("Same message twice", message_id=delivery) == ""
    with app.sessions() as session:
        flow = session.scalars(select(FlowState)).one()
    assert flow.step == "prompt"
    assert "Question 2 of 2" in educator.says("help")  # still waiting on question 2


def test_a_restart_mid_reflection_loses_nothing(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect culturally-responsive")
    educator.says("I learned how Mrs. Okafor's family celebrates the new year.")
    restarted = build_app(app.settings, clock=clock, migrate=False)
    try:
        again = Conversation(restarted.coach)
        assert "Question 2 of 2" in again.says("help")
        again.says("We will share the recipe in the class newsletter.")
        assert "Saved to your journal" in again.clicks("1")
    finally:
        restarted.engine.dispose()
    assert _reflection_count(app) == 1


def test_educators_are_kept_apart(app: CoachApp) -> None:
    rivera = Conversation(app.coach, "ms-rivera")
    chen = Conversation(app.coach, "mr-chen")
    rivera.says("reflect relational")
    assert "journal is empty" in chen.says("journal")
    assert "nothing to cancel" in chen.says("cancel")
    assert "Question 2" in rivera.says("My answer")


def test_the_journal_shows_follow_through_per_topic(app: CoachApp, clock: FakeClock) -> None:
    educator = Conversation(app.coach)
    for topic, outcome in (("relational", None), ("relational", "Done"), ("cognition", "Not yet")):
        educator.says(f"reflect {topic}")
        if outcome == "Done":
            educator.clicks(outcome)
            educator.says("no note")
        elif outcome is not None:
            educator.clicks(outcome)
            educator.clicks("I forgot")
            educator.clicks("No, let it go")
        educator.says("skip")
        educator.says("skip")
        educator.clicks("1")
        clock.advance(days=7)
    journal = educator.says("journal")
    assert "3 actions planned: 1 done, 0 partly, 1 not yet, 1 waiting for a check-in" in journal
    assert f"{app.library.title('relational')}: 1 of 2 done" in journal
    assert f"{app.library.title('cognition')}: 0 of 1 done" in journal


def test_the_latest_action_can_be_checked_in_from_the_journal(
    app: CoachApp, clock: FakeClock
) -> None:
    educator = Conversation(app.coach)
    educator.says("reflect integrated")
    educator.says("skip")
    educator.says("skip")
    educator.clicks("Write my own")
    educator.says("Add a family question to Friday's exit ticket.")
    journal = educator.says("journal")
    assert "not checked in yet" in journal
    assert "Add a family question to Friday's exit ticket." in journal
    # Chosen a minute ago: not "How did it go?" yet, but it can be marked once it is done.
    assert "How did it go?" not in journal and "Once you've done it" in journal
    clock.advance(hours=3)
    assert "How did it go?" in educator.says("journal")
    educator.clicks("Done")
    journal = educator.says("journal")
    assert "How it went: done" in journal
    assert "1 done" in journal
