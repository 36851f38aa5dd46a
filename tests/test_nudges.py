"""Weekly nudges end to end on both databases: settings dialogs, rotation, focus, pause,
check-ins, late sends, failures, crashes, removed workspaces, and the console inbox."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select, update

from adapters.console.chat import run_chat
from adapters.console.inbox import ConsoleSender
from adapters.senders import build_senders
from bot.api import CoachAPI
from bot.app import CoachApp
from bot.delivery import DeliveryOutcome, DeliveryResult
from bot.inbound import Platform
from bot.lifecycle import mark_workspace_uninstalled
from bot.storage.models import Educator, Reflection, Workspace
from bot.weekly.models import LedgerStatus, Subscription
from content.schema import NUDGE_TOPICS
from content.understanding_schema import replies_in
from scheduler import cli
from scheduler.kinds.nudges import NUDGES
from scheduler.tick import Tick
from tests.clock import FakeClock
from tests.dialog import Conversation, verify_dialog
from tests.nudging import (
    FakePlatform,
    everyone_answers,
    ledger_rows,
    outcomes,
    senders_for,
    subscription_rows,
    tick,
    topics_of,
)

NEW_YORK = ZoneInfo("America/New_York")
FIRST_SLOT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # Tue 07:30 in New York
WEEK = timedelta(weeks=1)


class ProcessDied(BaseException):
    """Raised by a platform double to stand for the process being killed mid-call."""


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform(Platform.SLACK)


def slack_educator(app: CoachApp, user: str = "U1", workspace: str = "T1") -> Conversation:
    return Conversation(
        app.coach, user, platform=Platform.SLACK, workspace=workspace, timezone="America/New_York"
    )


def next_send(app: CoachApp) -> datetime:
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at is not None
    return subscription.next_send_at


def run_weeks(app: CoachApp, platform: FakePlatform, clock: FakeClock, weeks: int) -> None:
    for _ in range(weeks):
        due = next_send(app)
        clock.set(due)
        assert outcomes(tick(app, senders_for(platform), due)) == ["sent"]
        everyone_answers(app, due + timedelta(minutes=1))


# --- settings ---------------------------------------------------------------------------


def test_nudges_shows_defaults_then_turns_on_in_the_platform_time_zone(app: CoachApp) -> None:
    educator = slack_educator(app)
    verify_dialog(
        educator,
        [
            ("nudges", "Weekly nudges: off"),
            ("nudges", "Tuesdays at 07:30 (America/New_York)"),
            ("nudges on", "Your first one arrives Tue Nov 17, 07:30 (America/New_York)"),
            ("nudges on", "already on"),
        ],
    )
    shown = educator.says("nudges")
    for part in ("on", "Tuesday", "07:30", "America/New_York", "rotating", "Tue Nov 17, 07:30"):
        assert part in shown
    assert next_send(app) == FIRST_SLOT


def test_without_a_platform_zone_the_default_zone_is_used(app: CoachApp) -> None:
    educator = Conversation(app.coach, "someone")  # the terminal tells no zone
    assert app.settings.coach_default_tz in educator.says("nudges on")


def test_changing_day_time_zone_and_focus_moves_the_next_send(app: CoachApp) -> None:
    educator = slack_educator(app)
    verify_dialog(
        educator,
        [
            ("nudges on", "Tue Nov 17, 07:30"),
            ("nudges day thu", "Next nudge: Thu Nov 19, 07:30 (America/New_York)"),
            ("nudges time 16:45", "Next nudge: Thu Nov 19, 16:45 (America/New_York)"),
            ("nudges tz Europe/Berlin", "Next nudge: Thu Nov 19, 16:45 (Europe/Berlin)"),
            ("nudges focus connections", "stay on *Connections"),
            ("nudges", "Connections"),
            ("nudges focus rotate", "rotate through all 13 topics"),
            ("nudges off", "Weekly nudges are off"),
            ("nudges", "Thursdays at 16:45 (Europe/Berlin)"),
            ("nudges time 08:00", "nudges are off for now"),
        ],
    )
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at is None and subscription.off_reason == "by_educator"


def test_a_focus_named_in_other_words_is_the_part_of_the_framework_they_belong_to(
    app: CoachApp,
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    reply = educator.says("nudges about home visits")
    assert "stay on *Relational, built on mutual trust*" in reply
    assert "That's where “home visits” fits in the framework" in reply  # the guess is said
    assert [row.focus_topic for row in subscription_rows(app)] == ["relational"]
    reply = educator.says("nudges focus families who speak spanish")
    assert "stay on *Culturally responsive and respectful*" in reply
    assert [row.focus_topic for row in subscription_rows(app)] == ["culturally-responsive"]
    # A topic's own name is not said back as a guess.
    assert "fits in the framework" not in educator.says("nudges focus connections")


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("nudges time 25:00", "isn't a time I can use"),
        ("nudges time 7", "24-hour time as HH:MM"),
        ("nudges tz Mars/Olympus", "I don't know the time zone `Mars/Olympus`"),
        ("nudges tz ../../etc/passwd", "Area/City"),
        ("nudges day funday", "I don't know the day `funday`"),
        ("nudges pause -3", "whole number of weeks from 1 to 52"),
        ("nudges pause 0", "whole number of weeks"),
        ("nudges pause lots", "whole number of weeks"),
        ("nudges focus gardening", "I don't know the topic `gardening`"),
        ("nudges focus challenge", "is for reading rather than weekly nudges"),
        ("nudges time", "for example `nudges time 07:30`"),
        ("nudges sometimes", "I don't know the nudge setting `sometimes`"),
    ],
)
def test_bad_settings_get_a_clear_kind_answer_and_change_nothing(
    app: CoachApp, said: str, expected: str
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    before = [(s.weekday, s.local_time, s.timezone, s.focus_topic) for s in subscription_rows(app)]
    assert expected in educator.says(said)
    after = [(s.weekday, s.local_time, s.timezone, s.focus_topic) for s in subscription_rows(app)]
    assert after == before
    assert next_send(app) == FIRST_SLOT


# --- rotation, focus, pause -------------------------------------------------------------


def test_rotation_covers_all_13_topics_before_any_repeat_and_a_year_never_repeats(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    weeks = 13 * len(app.library.topics["relational"].nudges)
    run_weeks(app, platform, clock, weeks)
    topics = topics_of(platform.delivered)
    assert topics[:13] == list(NUDGE_TOPICS)
    for cycle in range(weeks // 13):
        assert sorted(topics[cycle * 13 : (cycle + 1) * 13]) == sorted(NUDGE_TOPICS)
    actions = [d.card.body for d in platform.delivered]
    assert len(set(actions)) == len(actions) == weeks  # every week a different nudge
    slots = [row.due_at.astimezone(NEW_YORK) for row in ledger_rows(app)]
    assert {(s.weekday(), s.hour, s.minute) for s in slots} == {(1, 7, 30)}  # across DST too
    assert len({row.week for row in ledger_rows(app)}) == weeks


def test_a_focus_walks_through_that_topics_distinct_nudges(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    slack_educator(app).says("nudges focus capabilities")
    count = len(app.library.topics["capabilities"].nudges)
    run_weeks(app, platform, clock, count)
    assert set(topics_of(platform.delivered)) == {"capabilities"}
    assert len({d.card.body for d in platform.delivered}) == count
    # Every nudge of the topic once (those for everyone first, those written for other
    # roles after them: tests/test_profile_dialog.py).
    assert sorted(row.nudge_index for row in ledger_rows(app)) == list(range(count))


def test_a_growth_first_order_reorders_the_rotation_without_repeating(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    run_weeks(app, platform, clock, 2)  # relational, linked-to-learning
    with app.sessions.begin() as session:
        subscription = session.scalars(select(Subscription)).one()
        order = list(reversed(NUDGE_TOPICS))
        subscription.topic_order = ",".join(order)
    run_weeks(app, platform, clock, 11)
    topics = topics_of(platform.delivered)
    assert topics[2:] == [t for t in reversed(NUDGE_TOPICS) if t not in topics[:2]]
    assert sorted(topics) == sorted(NUDGE_TOPICS)


def test_a_pause_skips_those_weeks_and_then_carries_on(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    answer = educator.says("nudges pause 2")
    assert "paused for 2 weeks" in answer and "Tue Dec 1, 07:30" in answer
    assert "Paused until" in educator.says("nudges")
    for week in range(2):
        assert tick(app, senders_for(platform), FIRST_SLOT + week * WEEK).lines == []
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + 2 * WEEK)) == ["sent"]
    assert topics_of(platform.delivered) == ["relational"]


def test_nudges_on_ends_a_pause_early(app: CoachApp) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    educator.says("nudges pause 4")
    assert "Welcome back" in educator.says("nudges on")
    assert next_send(app) == FIRST_SLOT


# --- the message and its buttons -----------------------------------------------------------


def _plan_an_action(educator: Conversation) -> None:
    educator.says("reflect relational")
    educator.says("I said hello to every family at the door.")
    educator.says("One dad told me about his son's robot club.")
    answer = educator.says("Ask two families about their child's favourite hobby")
    assert "Saved to your journal" in answer


def test_the_nudge_first_asks_how_last_weeks_action_went(
    app: CoachApp, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    _plan_an_action(educator)
    educator.says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)
    (delivery,) = platform.delivered
    checkin = delivery.checkin
    assert checkin is not None and "How did it go?" in checkin.prompt
    assert "favourite hobby" in checkin.prompt
    assert [o.label for o in checkin.options] == ["Done", "Partly", "Not yet"]
    assert delivery.replies[0] is checkin  # asked before the nudge itself

    partly = checkin.options[1]
    assert "What got in the way?" in educator.clicks_value(partly)
    assert "already told me" in educator.clicks_value(checkin.options[0])
    answer = educator.says("i sent it but the family never wrote back")
    assert "Not hearing back is common" in answer  # the barrier read from their own words
    assert "Want to carry it into this week?" in answer
    assert "smaller version" in educator.clicks("A smaller version")
    # A number typed after the buttons went is a slip: asked again, never kept as the action.
    assert "doesn't look like a step yet" in educator.says("3")
    planned = educator.says("ask one family about a hobby at pickup")
    assert "your action for this week" in planned and "one family about a hobby" in planned
    journal = educator.says("journal")
    assert "partly done" in journal and "never wrote back" in journal

    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    carried = platform.delivered[1].checkin
    assert carried is not None and "one family about a hobby" in carried.prompt


def test_a_nudge_check_in_marked_done_celebrates_and_steps_up(
    app: CoachApp, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    _plan_an_action(educator)
    educator.says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)
    done = platform.delivered[0].checkin.options[0]  # type: ignore[union-attr]
    cheer = educator.clicks_value(done)
    assert "favourite hobby" in cheer and "What made it work?" in cheer
    assert "one more family" in educator.says("I asked at pickup, parents loved it")
    assert "done" in educator.says("journal")

    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    assert platform.delivered[1].checkin is None  # nothing left to check in on


def test_an_action_chosen_the_same_morning_is_not_asked_about_by_that_nudge(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    # Session 36: two educators chose an action and were asked "How did it go?" by the nudge
    # an hour later.
    educator = slack_educator(app)
    educator.says("nudges on")
    clock.set(FIRST_SLOT - timedelta(hours=1))
    _plan_an_action(educator)
    tick(app, senders_for(platform), FIRST_SLOT)
    assert platform.delivered[0].checkin is None
    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    assert platform.delivered[1].checkin is not None  # a week on, it is asked


def test_an_action_planned_for_a_day_still_ahead_is_asked_about_after_it(
    app: CoachApp, platform: FakePlatform
) -> None:
    # Session 37: "I said Thursday and it's only Tuesday lol", twice in five weeks: the nudge
    # asked, "Not yet" was counted as a miss, and the journal counted the action twice.
    educator = slack_educator(app)  # Monday
    educator.says("reflect relational")
    educator.says("I said hello to every family at the door.")
    educator.says("One dad told me about his son's robot club.")
    educator.says("Call Mrs. Popal on Thursday to ask how Zahra would like to join the party")
    educator.says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)  # Tuesday
    assert platform.delivered[0].checkin is None
    reply = educator.says("reflect collaborative")
    assert "is planned for Thursday, so I'll ask how it went after that" in reply
    assert "How did it go?" not in reply
    educator.says("cancel")
    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    asked = platform.delivered[1].checkin
    assert asked is not None and "Mrs. Popal on Thursday" in asked.prompt


def _nudged_after_planning(app: CoachApp, platform: FakePlatform) -> Conversation:
    """An educator with last week's action waiting, and this week's nudge asking about it."""
    educator = slack_educator(app)
    _plan_an_action(educator)
    educator.says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)
    return educator


def spanish_slack_educator(app: CoachApp) -> Conversation:
    return Conversation(
        app.coach,
        "U1",
        platform=Platform.SLACK,
        workspace="T1",
        locale="es-MX",
        timezone="America/New_York",
    )


def test_a_reply_typed_under_the_nudge_answers_how_it_went(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_after_planning(app, platform)
    clock.set(FIRST_SLOT + timedelta(hours=9))  # that evening, typed instead of tapped
    # Had: "You're welcome" (read as thanks), and the check-in still waiting.
    answer = educator.says("sent a note home to theo's mom, she wrote back a thank you")
    assert "favourite hobby" in answer and "Well done" in answer
    assert "done" in educator.says("journal")


def test_a_mixed_week_typed_under_the_nudge_is_partly_and_heard(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_after_planning(app, platform)
    clock.set(FIRST_SLOT + timedelta(days=1))
    answer = educator.says("asked one family at pickup but the other never got back to me")
    assert "Well done" not in answer and "carry it into this week?" in answer
    assert "partly done" in educator.says("journal")


def test_an_angry_answer_from_the_family_is_no_well_done(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_after_planning(app, platform)
    answer = educator.says(
        "called the dad and he yelled at me that the school only calls about problems"
    )
    assert "Well done" not in answer
    assert answer.startswith(replies_in("en").checkin.hard_moment_reply)


def test_under_the_nudge_a_question_is_a_question_and_a_later_word_is_not_an_answer(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_after_planning(app, platform)
    clock.set(FIRST_SLOT + timedelta(hours=2))
    asked = educator.says("can you give me words for the call? i always freeze up")
    assert "Well done" not in asked and "carry it" not in asked
    # Their first word since the nudge went elsewhere: what comes after is read as itself.
    told = educator.says("i called the garcias about the field trip and it went fine")
    assert "favourite hobby" not in told and "Well done" not in told


def test_in_spanish_a_reply_typed_under_the_nudge_is_heard_in_spanish(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = spanish_slack_educator(app)
    educator.says("reflexionar relational")
    educator.says("omitir")
    educator.says("omitir")
    educator.clicks("Escribir mi propia")
    educator.says("Llamar a dos familias")
    educator.says("recordatorios on")
    tick(app, senders_for(platform), FIRST_SLOT)
    (delivery,) = platform.delivered
    assert delivery.checkin is not None and "Llamar a dos familias" in delivery.checkin.prompt
    clock.set(FIRST_SLOT + timedelta(hours=8))
    answer = educator.says("le mandé mensaje a las dos pero nada todavía")
    assert "¡Hecho!" not in answer and "¿Quiere pasarla a esta semana?" in answer


def test_a_smaller_step_that_points_back_keeps_what_it_shrinks(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_after_planning(app, platform)
    educator.clicks_value(platform.delivered[0].checkin.options[2])  # type: ignore[union-attr]
    educator.clicks("No time")
    educator.clicks("A smaller version")
    # Had: next week's "How did it go? text one of them", with no word of who "them" was.
    planned = educator.says("text one of them on thursday")
    assert "text one of them on thursday (a smaller step of: Ask two families" in planned
    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    carried = platform.delivered[1].checkin
    assert carried is not None and "a smaller step of: Ask two families" in carried.prompt


def _nudged_without_a_check_in(app: CoachApp, platform: FakePlatform) -> Conversation:
    educator = slack_educator(app)
    educator.says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)
    (delivery,) = platform.delivered
    assert delivery.checkin is None  # no action waits: only the card
    return educator


@pytest.mark.parametrize(
    ("said", "answered", "response"),
    [
        # Had: "Your journal is empty so far."
        ("did it already lol", "Marked done", "done"),
        ("asked the Ortiz family, turns out Leo loves dinosaurs", "the Ortiz family", "done"),
        ("not this week, too much going on", "this week is skipped", "skipped"),
        ("tmrw pls", "bring this one back tomorrow", None),
        ("not yet", "No rush", None),
        # Had: "Fair enough; I'm not always useful." (read as frustration with the coach)
        ("love this idea, will try it thursday", "Glad it fits", None),
        ("already do this every week tbh", "already part of how you work", "done"),
        ("this doesnt really work for high school", "not every nudge fits", "skipped"),
        ("can you ping me again in the morning? in a meeting rn", "back tomorrow", None),
        ("¡qué buena idea! la pruebo el jueves en la junta", "Glad it fits", None),
        ("skipping this week, half my class is out with the flu", "is skipped", "skipped"),
        ("already on it, i text my families every sunday night", "already part of", "done"),
        # Had: "Marked done" (the "done" in "not done yet").
        ("not done yet, the week isn't over", "No rush", None),
        ("ok yes, i'll ask my newcomer families on thursday", "Glad it fits", None),
        # Had: "I've marked it done" (read "i do this" as already doing it).
        ("how do i do this if my kids ride the bus?", "learn ", None),
        ("did it, i'll try two families next week", "Marked done", "done"),
        # Had: "Thanks for telling me you're part of the school team..." and the week kept.
        ("im the school psychologist, i dont have a classroom or a roster", "not every", "skipped"),
    ],
)
def test_the_nudge_cards_buttons_can_be_typed(
    app: CoachApp,
    clock: FakeClock,
    platform: FakePlatform,
    said: str,
    answered: str,
    response: str | None,
) -> None:
    educator = _nudged_without_a_check_in(app, platform)
    clock.set(FIRST_SLOT + timedelta(hours=5))
    assert answered in educator.says(said)
    (row,) = ledger_rows(app)
    assert row.response == response


def test_a_mark_done_taken_back_right_after_leaves_the_week_open(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    # Session 36: a school nurse's "wait no, i didnt do the language one" left it done, and
    # got "That sounds like a lot".
    educator = _nudged_without_a_check_in(app, platform)
    clock.set(FIRST_SLOT + timedelta(hours=5))
    assert "Marked done" in educator.says("did it already lol")
    assert "no longer marked done" in educator.says("wait no, i didnt do that one")
    (row,) = ledger_rows(app)
    assert row.response is None
    assert "Marked done" in educator.says("nudge done " + str(row.id))


def test_a_story_under_the_nudge_with_a_hedge_in_it_is_no_mark_done(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_without_a_check_in(app, platform)
    clock.set(FIRST_SLOT + timedelta(hours=5))
    reply = educator.says(
        "lol when the school nurse calls, parents panic before i say a word. a good-news call"
        " from me is kind of scary for them"
    )
    assert "Marked done" not in reply
    (row,) = ledger_rows(app)
    assert row.response is None


def test_a_question_under_the_nudge_is_answered_from_its_topic(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_without_a_check_in(app, platform)
    (row,) = ledger_rows(app)
    clock.set(FIRST_SLOT + timedelta(hours=5))
    # Had: "Good question. The framework (Mapp & Kuttner) starts from trust..."
    answer = educator.says("which family do i pick tho?")
    assert f"learn {row.topic}" in answer


def test_a_reply_under_the_nudge_is_not_taken_for_a_days_old_conversations_answer(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    educator.says("reflect relational")
    educator.says("most families i only hear from when something is wrong")  # then stopped
    tick(app, senders_for(platform), FIRST_SLOT)
    clock.set(FIRST_SLOT + timedelta(hours=8))
    # Had: saved as the answer to last week's question 2.
    answer = educator.says("did it today, ana's grandma told me she loves drawing horses")
    assert "Marked done" in answer and "Pick it up?" in answer
    assert "Question 2 of 2" in educator.clicks("Pick it up")


def test_a_question_under_the_nudge_does_not_start_the_self_check(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_without_a_check_in(app, platform)
    clock.set(FIRST_SLOT + timedelta(hours=5))
    answer = educator.says("hmm which one should i start with?")
    assert "(1 of 13)" not in answer and "learn " in answer


def test_in_spanish_the_nudge_cards_buttons_can_be_typed(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = spanish_slack_educator(app)
    educator.says("recordatorios on")
    tick(app, senders_for(platform), FIRST_SLOT)
    clock.set(FIRST_SLOT + timedelta(hours=5))
    assert "Marcado como hecho" in educator.says("listo, ya lo hice")
    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    clock.set(FIRST_SLOT + WEEK + timedelta(hours=5))
    assert "nos saltamos esta semana" in educator.says("esta semana no, tengo juntas")


STOPPED_BY = "the hernandez family stopped by and we talked to them about reading"


@pytest.mark.parametrize(("days_on", "taken"), [(1, True), (4, False)])
def test_the_nudges_question_is_answered_that_day_or_the_next_not_days_on(
    app: CoachApp, clock: FakeClock, platform: FakePlatform, days_on: int, taken: bool
) -> None:
    educator = _nudged_after_planning(app, platform)
    clock.set(FIRST_SLOT + timedelta(days=days_on))
    assert ("Well done" in educator.says(STOPPED_BY)) is taken


def test_a_check_in_days_later_still_works_and_the_reflection_does_not_ask_again(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    educator = _nudged_after_planning(app, platform)
    done = platform.delivered[0].checkin.options[0]  # type: ignore[union-attr]
    clock.set(FIRST_SLOT + timedelta(days=5))
    assert "What made it work?" in educator.clicks_value(done)
    # The note is optional: starting a reflection instead is never refused.
    assert "How did it go?" not in educator.says("reflect connections")
    assert "Question 1 of 2" in educator.transcript


def test_the_card_buttons_reflect_mark_done_and_skip(app: CoachApp, platform: FakePlatform) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)
    card = platform.delivered[0].card
    assert [b.label for b in card.buttons] == [
        "Reflect now",
        "Mark done",
        "Not this week",
        "Remind me tomorrow",
    ]
    nudge = app.library.topics["relational"].nudges[0]
    assert nudge.action in card.body and nudge.question in card.body and nudge.why in card.body

    reflect, done, skip, _ = card.buttons
    assert "Marked done" in educator.clicks_value(done)
    assert "Already noted as done" in educator.clicks_value(skip)
    assert "Let's reflect on *Relational" in educator.clicks_value(reflect)
    (row,) = ledger_rows(app)
    assert row.response == "done"

    # Someone else's nudge is not theirs to mark.
    stranger = slack_educator(app, user="U2")
    assert "no longer in my records" in stranger.clicks_value(skip)


def test_reflect_without_a_topic_uses_this_weeks_nudge_topic(
    app: CoachApp, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    educator.says("nudges focus cognition")
    assert "Let's reflect on *Cognition" in educator.says("reflect")
    educator.says("cancel")
    educator.says("nudges focus rotate")
    run_tick_once = tick(app, senders_for(platform), FIRST_SLOT)
    assert outcomes(run_tick_once) == ["sent"]
    assert topics_of(platform.delivered) == ["relational"]
    assert "Let's reflect on *Relational" in educator.says("reflect")


# --- late, failed, crashed, removed -------------------------------------------------------


def test_a_late_tick_within_the_grace_period_still_sends(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    report = tick(app, senders_for(platform), FIRST_SLOT + timedelta(hours=11, minutes=59))
    assert outcomes(report) == ["sent"]


def test_past_the_grace_period_it_is_recorded_missed_and_next_week_goes_ahead(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    report = tick(app, senders_for(platform), FIRST_SLOT + timedelta(hours=12, minutes=1))
    assert outcomes(report) == ["missed"]
    assert platform.calls == 0
    assert next_send(app) == FIRST_SLOT + WEEK
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + WEEK)) == ["sent"]
    assert topics_of(platform.delivered) == ["relational"]  # a missed week is not "seen"
    assert [r.status for r in ledger_rows(app)] == [LedgerStatus.MISSED, LedgerStatus.SENT]


def test_a_clock_down_for_weeks_sends_only_the_one_still_in_grace(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    report = tick(app, senders_for(platform), FIRST_SLOT + 3 * WEEK + timedelta(hours=2))
    assert outcomes(report) == ["missed", "sent"]
    assert len(platform.delivered) == 1


def test_a_transient_failure_is_retried_later_the_same_week(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    platform.script(
        DeliveryResult(DeliveryOutcome.RETRY, "rate_limited"),
        DeliveryResult(DeliveryOutcome.RETRY, "server_error"),
    )
    senders = senders_for(platform)
    assert outcomes(tick(app, senders, FIRST_SLOT)) == ["retry"]
    assert tick(app, senders, FIRST_SLOT + timedelta(minutes=5)).lines == []
    assert outcomes(tick(app, senders, FIRST_SLOT + timedelta(minutes=10))) == ["retry"]
    assert tick(app, senders, FIRST_SLOT + timedelta(minutes=25)).lines == []
    assert outcomes(tick(app, senders, FIRST_SLOT + timedelta(minutes=30))) == ["sent"]
    (row,) = ledger_rows(app)
    assert (row.status, row.attempts, platform.calls, len(platform.delivered)) == (
        LedgerStatus.SENT,
        3,
        3,
        1,
    )
    assert next_send(app) == FIRST_SLOT + WEEK


def test_transient_failures_all_week_give_up_and_next_week_goes_ahead(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    platform.script(*[DeliveryResult(DeliveryOutcome.RETRY, "server_error")] * 20)
    senders = senders_for(platform)
    moment = FIRST_SLOT
    while moment < FIRST_SLOT + WEEK:
        tick(app, senders, moment)
        moment += timedelta(minutes=30)
    rows = ledger_rows(app)
    assert [r.status for r in rows] == [LedgerStatus.FAILED]
    assert platform.calls <= 8
    platform.outcomes.clear()
    assert outcomes(tick(app, senders, FIRST_SLOT + WEEK)) == ["sent"]


def test_a_permanent_failure_turns_the_subscription_off_with_the_reason(
    app: CoachApp, platform: FakePlatform
) -> None:
    educator = slack_educator(app)
    educator.says("nudges on")
    platform.script(DeliveryResult(DeliveryOutcome.GONE, "user_gone"))
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT)) == ["failed"]
    (subscription,) = subscription_rows(app)
    assert (subscription.enabled, subscription.off_reason) == (False, "user_gone")
    assert subscription.next_send_at is None
    assert tick(app, senders_for(platform), FIRST_SLOT + WEEK).lines == []
    assert "couldn't reach you" in educator.says("nudges")


def test_a_removed_workspace_is_not_nudged(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    gone, staying = slack_educator(app, "U1", "T1"), slack_educator(app, "U2", "T2")
    gone.says("nudges on")
    staying.says("nudges on")
    with app.sessions.begin() as session:
        mark_workspace_uninstalled(session, Platform.SLACK, "T1", clock())
    report = tick(app, senders_for(platform), FIRST_SLOT)
    assert outcomes(report) == ["sent"]
    assert [d.address.workspace for d in platform.delivered] == ["T2"]
    first = subscription_rows(app)[0]
    assert (first.enabled, first.off_reason) == (False, "workspace_uninstalled")
    assert "removed from your workspace" in gone.says("nudges")


def test_a_workspace_marked_removed_behind_our_back_is_still_not_nudged(
    app: CoachApp, clock: FakeClock, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    with app.sessions.begin() as session:
        session.add(Workspace(platform="slack", workspace="T1", uninstalled_at=clock()))
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT)) == ["skipped"]
    assert platform.calls == 0
    assert subscription_rows(app)[0].off_reason == "workspace_uninstalled"


def test_a_crash_between_claim_and_send_sends_once_after_restart(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")
    # The clock claims, then the process dies.
    claims, _ = Tick(NUDGES, app, senders_for(platform), FIRST_SLOT).claim_batch()
    assert len(claims) == 1
    assert [r.status for r in ledger_rows(app)] == [LedgerStatus.CLAIMED]
    # A restarted clock a minute later leaves the fresh claim alone...
    assert tick(app, senders_for(platform), FIRST_SLOT + timedelta(minutes=1)).lines == []
    # ...and once the claim is stale, sends it: the platform was never called for it.
    report = tick(app, senders_for(platform), FIRST_SLOT + timedelta(minutes=16))
    assert outcomes(report) == ["sent"]
    assert platform.calls == 1
    assert [r.status for r in ledger_rows(app)] == [LedgerStatus.SENT]
    assert tick(app, senders_for(platform), FIRST_SLOT + timedelta(hours=1)).lines == []


def test_a_week_already_sent_at_another_time_is_not_sent_again(
    app: CoachApp, platform: FakePlatform
) -> None:
    """The claim finds a week's row by its planned time; a row of the same week planned at
    another time (an old row, a hand-edited one) is met by the INSERT and settled from there."""
    slack_educator(app).says("nudges on")
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT)) == ["sent"]
    thursday = FIRST_SLOT + timedelta(days=2)
    with app.sessions.begin() as session:
        session.execute(
            update(Subscription).values(slot_at=thursday, slot_day=None, next_send_at=thursday)
        )
    assert tick(app, senders_for(platform), thursday).lines == []  # settled quietly
    assert platform.calls == 1
    (subscription,) = subscription_rows(app)
    assert subscription.next_send_at == FIRST_SLOT + timedelta(weeks=1)
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + timedelta(weeks=1))) == ["sent"]


def test_a_crash_during_the_platform_call_is_recorded_and_never_sent_twice(
    app: CoachApp, platform: FakePlatform
) -> None:
    slack_educator(app).says("nudges on")

    class DiesMidCall(FakePlatform):
        def deliver(self, address, replies):  # type: ignore[no-untyped-def]
            super().deliver(address, replies)
            raise ProcessDied

    dying = DiesMidCall(Platform.SLACK)
    with pytest.raises(ProcessDied):
        tick(app, senders_for(dying), FIRST_SLOT)
    assert [r.status for r in ledger_rows(app)] == [LedgerStatus.SENDING]
    report = tick(app, senders_for(platform), FIRST_SLOT + timedelta(minutes=20))
    assert outcomes(report) == ["interrupted"]
    assert platform.calls == 0
    (row,) = ledger_rows(app)
    assert (row.status, row.reason) == (LedgerStatus.FAILED, "interrupted")
    # Next week carries on with the next topic (the interrupted one may have arrived).
    tick(app, senders_for(platform), FIRST_SLOT + WEEK)
    assert topics_of(platform.delivered) == ["linked-to-learning"]


def test_two_ticks_at_the_same_moment_send_once(app: CoachApp, platform: FakePlatform) -> None:
    slack_educator(app).says("nudges on")
    tick(app, senders_for(platform), FIRST_SLOT)
    tick(app, senders_for(platform), FIRST_SLOT)
    assert platform.calls == 1


def test_a_platform_without_a_sender_waits_for_one(app: CoachApp, platform: FakePlatform) -> None:
    slack_educator(app).says("nudges on")
    console = ConsoleSender(CoachAPI(app))
    assert tick(app, senders_for(console), FIRST_SLOT).lines == []
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + timedelta(hours=1))) == ["sent"]


def test_forgetting_an_educator_removes_their_subscription_and_ledger(app: CoachApp) -> None:
    slack_educator(app).says("nudges on")
    tick(app, senders_for(FakePlatform()), FIRST_SLOT)
    with app.sessions.begin() as session:
        session.execute(delete(Educator))
    assert ledger_rows(app) == [] and subscription_rows(app) == []


# --- the terminal ---------------------------------------------------------------------------


def test_a_terminal_nudge_waits_for_the_next_coach_chat(
    app: CoachApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Conversation(app.coach, "ms-lee")
    terminal.says("nudges on")
    due = next_send(app)
    clock.set(due)
    out = io.StringIO()
    assert (
        cli.tick(
            argparse.Namespace(at=due.isoformat()), build_senders=build_senders, core=app, out=out
        )
        == 0
    )
    printed = out.getvalue()
    assert "sent" in printed and "platform=console" in printed and "1 handled" in printed
    assert "Ask" not in printed  # the tick's lines carry no message text

    monkeypatch.setattr("adapters.console.chat.build_app", lambda settings: app)
    shown = io.StringIO()
    run_chat("ms-lee", stdin=io.StringIO("1\n"), out=shown)
    text = shown.getvalue()
    assert "Your weekly nudge: Relational" in text
    assert "1. Reflect now" in text
    assert "Let's reflect on Relational" in text  # typing 1 pressed "Reflect now"
    again = io.StringIO()
    run_chat("ms-lee", stdin=io.StringIO(""), out=again)
    assert "weekly nudge" not in again.getvalue()  # shown once


def test_the_clock_always_has_the_terminal_sender(app: CoachApp) -> None:
    assert Platform.CONSOLE in build_senders(app)


def test_the_tick_command_reads_its_time_and_refuses_nonsense(
    app: CoachApp, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.tick(argparse.Namespace(at="next tuesday"), build_senders=build_senders, core=app) == 2
    )
    assert "ISO-8601" in capsys.readouterr().err
    assert cli.parse_at("2026-11-17T07:30:00-05:00") == FIRST_SLOT
    assert cli.parse_at("2026-11-17T12:30:00Z") == FIRST_SLOT
    assert cli.parse_at("2026-11-17T12:30") == FIRST_SLOT


def test_the_ledger_holds_no_text_only_topics_and_indexes(
    app: CoachApp, platform: FakePlatform
) -> None:
    _nudged_after_planning(app, platform)
    (row,) = ledger_rows(app)
    with app.sessions() as session:
        reflection = session.scalars(select(Reflection)).one()
    assert (row.topic, row.nudge_index, row.checkin_reflection_id) == (
        "relational",
        0,
        reflection.id,
    )
