"""Team prompts in the core, on both databases: `channel` settings as dialogs, who may
change them, the weekly post through the scheduler (exactly once, at the local time), a
channel the coach cannot post in, and what `forget` does to the person who turned them on.

The Slack and Teams wire tests are in tests/slack/test_channel_prompts.py and
tests/teams/test_channel_prompts.py.
"""

from __future__ import annotations

import argparse
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.app import CoachApp
from bot.delivery import DeliveryOutcome, DeliveryResult
from bot.inbound import Inbound, Platform
from bot.replies import Card
from bot.storage.models import Educator
from bot.weekly.channel_models import ChannelLedger, ChannelSubscription
from content.loader import CONTENT_DIR, ContentError, default_library, load_content
from content.schema import NUDGE_TOPICS
from tests.cards_seen import SEEN
from tests.clock import FakeClock
from tests.dialog import Conversation, verify_dialog
from tests.nudging import FakePlatform, outcomes, senders_for, tick

CHANNEL = "C0TEAM"
FIRST_SLOT = datetime(2026, 11, 17, 12, 30, tzinfo=UTC)  # Tue 07:30 in New York
WEEK = timedelta(weeks=1)


class ChannelMember(Conversation):
    """A colleague talking to the coach in a Slack channel (or, with channel=None, in a DM)."""

    def __init__(
        self,
        app: CoachApp,
        user: str,
        *,
        channel: str | None = CHANNEL,
        admin: bool = False,
        can_post: bool | None = None,
    ) -> None:
        super().__init__(
            app.coach,
            user,
            platform=Platform.SLACK,
            workspace="T1",
            timezone="America/New_York",
        )
        self.channel = channel
        self.admin = admin
        self.can_post = can_post

    def _send(self, text: str = "", value: str | None = None, message_id: str | None = None) -> str:
        inbound = Inbound(
            platform=self.platform,
            workspace=self.workspace,
            user=self.user,
            text=text,
            value=value,
            message_id=message_id,
            conversation=self.channel or f"D{self.user}",
            in_channel=self.channel is not None,
            timezone=self.timezone,
            is_workspace_admin=self.admin,
            can_post=self.can_post,
        )
        self.last = SEEN.replies(self.coach.handle(inbound))
        return self.transcript


def channel_rows(app: CoachApp) -> list[ChannelSubscription]:
    with app.sessions() as session:
        return list(session.scalars(select(ChannelSubscription).order_by(ChannelSubscription.id)))


def channel_ledger(app: CoachApp) -> list[ChannelLedger]:
    with app.sessions() as session:
        return list(session.scalars(select(ChannelLedger).order_by(ChannelLedger.due_at)))


def test_the_content_has_at_least_four_team_prompts_per_topic() -> None:
    library = default_library()
    counts = library.team_prompts.counts()
    assert set(counts) == set(NUDGE_TOPICS)
    assert min(counts.values()) >= 4
    for topic in library.team_prompts.topics.values():
        for prompt in topic.prompts:
            assert prompt.endswith("?")


@pytest.mark.parametrize("said", ["channel on", "channel", "channel day thu", "Channel off"])
def test_outside_a_channel_the_coach_says_where_to_say_it(app: CoachApp, said: str) -> None:
    for person in (ChannelMember(app, "U1", channel=None), Conversation(app.coach, "terminal")):
        answer = person.says(said)
        assert "say this in the channel itself" in answer
        assert "/coach channel on" in answer and "@mention" in answer
    assert channel_rows(app) == []


def test_turning_on_and_changing_the_settings(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    verify_dialog(
        keeper,
        [
            ("channel", "Team prompts in this channel: off"),
            (
                "channel on",
                "first discussion question arrives Tue Nov 17, 07:30 (America/New_York)",
            ),
            ("channel on", "already on"),
            ("channel", "Turned on by: <@U1>"),
            ("channel day thu", "Next post: Thu Nov 19, 07:30 (America/New_York)"),
            ("channel time 15:45", "Next post: Thu Nov 19, 15:45 (America/New_York)"),
            ("channel tz America/Chicago", "Next post: Thu Nov 19, 15:45 (America/Chicago)"),
            ("channel focus collaborative", "stay on *Collaborative*"),
            ("channel", "Collaborative only"),
            ("channel focus rotate", "rotate through all 13 topics"),
            ("channel", "rotating through all 13 topics"),
            ("channel off", "Team prompts are off for this channel"),
            ("channel off", "already off"),
            ("channel", "Thursdays at 15:45 (America/Chicago)"),
            ("channel time 08:00", "off for now"),
        ],
    )
    (row,) = channel_rows(app)
    assert (row.platform, row.workspace, row.channel) == ("slack", "T1", CHANNEL)
    assert row.enabled is False and row.next_send_at is None and row.off_reason == "by_educator"
    # The nudge subscription is a different thing: nothing was created for the educator.
    assert "Weekly nudges: off" in keeper.says("nudges")


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("channel day someday", "I don't know the day `someday`"),
        ("channel time 25:00", "isn't a time I can use"),
        ("channel tz Mars/Olympus", "I don't know the time zone"),
        ("channel focus nonsense", "don't know"),
        ("channel focus challenge", "is for reading rather than weekly prompts"),
        ("channel day", "Please add a value, for example `channel day tue`"),
        ("channel colour blue", "I don't know the team prompt setting `colour`"),
    ],
)
def test_mistakes_get_a_kind_answer_and_change_nothing(
    app: CoachApp, said: str, expected: str
) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    assert expected.casefold() in keeper.says(said).casefold()
    (row,) = channel_rows(app)
    assert (row.weekday, row.local_time, row.focus_topic) == (1, "07:30", None)


def test_only_the_keeper_or_an_admin_can_change_them(app: CoachApp) -> None:
    ChannelMember(app, "U1").says("channel on")
    colleague = ChannelMember(app, "U2")
    for said in ("channel off", "channel day fri", "channel focus relational", "channel on"):
        answer = colleague.says(said)
        if said == "channel on":
            assert "already on" in answer  # nothing to change
        else:
            assert "Only <@U1> (who turned on team prompts here) or a workspace admin" in answer
            assert "ask <@U1> or an admin" in answer
    assert "Turned on by: <@U1>" in colleague.says("channel")  # anyone may look
    (row,) = channel_rows(app)
    assert row.enabled and row.weekday == 1 and row.focus_topic is None

    admin = ChannelMember(app, "UADMIN", admin=True)
    assert "posted on Fridays" in admin.says("channel day fri")
    assert "off for this channel" in admin.says("channel off")
    # Whoever turns them on again looks after them from then on.
    assert "Team prompts are on" in admin.says("channel on")
    assert "Turned on by: <@UADMIN>" in colleague.says("channel")
    assert "Only <@UADMIN>" in ChannelMember(app, "U1").says("channel off")


def test_channel_on_where_the_coach_is_not_a_member_says_to_invite_it(app: CoachApp) -> None:
    answer = ChannelMember(app, "U1", can_post=False).says("channel on")
    assert "Team prompts are on" in answer
    assert "/invite @Partnership Coach" in answer
    assert "/invite" not in ChannelMember(app, "U1", channel="C2", can_post=True).says("channel on")


def test_each_channel_has_its_own_settings(app: CoachApp) -> None:
    ChannelMember(app, "U1").says("channel on")
    other = ChannelMember(app, "U2", channel="C0OTHER")
    assert "off" in other.says("channel")
    other.says("channel on")
    assert "posted on Wednesdays" in other.says("channel day wed")
    assert [(r.channel, r.weekday) for r in channel_rows(app)] == [(CHANNEL, 1), ("C0OTHER", 2)]


# --- the weekly post ----------------------------------------------------------------------


def test_the_weekly_post_arrives_once_at_the_local_time_and_rotates(
    app: CoachApp, clock: FakeClock
) -> None:
    ChannelMember(app, "U1").says("channel on")
    platform = FakePlatform(Platform.SLACK)
    senders = senders_for(platform)

    assert outcomes(tick(app, senders, FIRST_SLOT - timedelta(minutes=1))) == []
    report = tick(app, senders, FIRST_SLOT)
    assert outcomes(report) == ["sent"]
    assert "channel_subscription=" in report.lines[0].render()
    # Another clock, or the same one a minute later: the week is done.
    assert outcomes(tick(app, senders, FIRST_SLOT)) == []
    assert outcomes(tick(app, senders, FIRST_SLOT + timedelta(minutes=1))) == []

    (delivery,) = platform.delivered
    assert delivery.address.conversation == CHANNEL
    assert delivery.address.workspace == "T1"
    (card,) = delivery.replies
    assert isinstance(card, Card)
    # The coach never reads the thread: this button is how the team says the prompt was used.
    assert [(b.label, b.value.split()[:2]) for b in card.buttons] == [
        ("We talked about it", ["channel", "heard"])
    ]
    library = default_library()
    first = library.team_prompts.topics["relational"]
    assert card.title == f"This week's team prompt: {library.title('relational')}"
    assert first.framing in card.body and first.prompts[0] in card.body
    assert "Reply in this thread" in card.body

    for week in range(1, 3):
        assert outcomes(tick(app, senders, FIRST_SLOT + week * WEEK)) == ["sent"]
    topics = [row.topic for row in channel_ledger(app)]
    assert topics == ["relational", "linked-to-learning", "asset-based"]
    assert library.title("asset-based") in platform.delivered[2].replies[0].title  # type: ignore[union-attr]


def test_a_focused_channel_gets_that_topics_questions_in_turn(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    keeper.says("channel focus confidence")
    platform = FakePlatform(Platform.SLACK)
    for week in range(5):
        assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + week * WEEK)) == ["sent"]
    prompts = default_library().team_prompts.topics["confidence"].prompts
    bodies = [d.replies[0].body for d in platform.delivered]  # type: ignore[union-attr]
    assert [prompts[i] in body for i, body in enumerate(bodies)] == [True] * 5


def test_not_in_channel_turns_the_prompts_off_with_a_reason(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    platform = FakePlatform(Platform.SLACK)
    platform.script(DeliveryResult(DeliveryOutcome.GONE, "not_in_channel"))
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT)) == ["failed"]
    (row,) = channel_rows(app)
    assert not row.enabled and row.off_reason == "not_in_channel" and row.next_send_at is None
    shown = keeper.says("channel")
    assert "off" in shown and "no longer a member of this channel" in shown
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + WEEK)) == []
    # Back on: next week's post goes out.
    assert "Team prompts are on" in keeper.says("channel on")
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT + WEEK)) == ["sent"]


def test_a_transient_failure_is_retried_the_same_week(app: CoachApp) -> None:
    ChannelMember(app, "U1").says("channel on")
    platform = FakePlatform(Platform.SLACK)
    platform.script(DeliveryResult(DeliveryOutcome.RETRY, "rate_limited"))
    assert outcomes(tick(app, senders_for(platform), FIRST_SLOT)) == ["retry"]
    later = FIRST_SLOT + timedelta(minutes=10)
    assert outcomes(tick(app, senders_for(platform), later)) == ["sent"]
    assert len(platform.delivered) == 1
    (row,) = channel_ledger(app)
    assert row.status == "sent" and row.attempts == 2


def test_nudges_and_team_prompts_are_sent_by_the_same_tick(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    keeper.says("nudges on")
    platform = FakePlatform(Platform.SLACK)
    report = tick(app, senders_for(platform), FIRST_SLOT)
    assert sorted(line.kind for line in report.lines) == ["channel", "nudge"]
    addresses = sorted(str(d.address.conversation) for d in platform.delivered)
    assert addresses == [CHANNEL, "None"]


# --- privacy --------------------------------------------------------------------------------


def test_forgetting_the_keeper_keeps_the_channels_prompts_without_them(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    assert outcomes(tick(app, senders_for(FakePlatform(Platform.SLACK)), FIRST_SLOT)) == ["sent"]
    keeper.says("forget")
    assert "Done." in keeper.says("yes")
    with app.sessions() as session:
        assert session.scalar(select(Educator).where(Educator.user_id == "U1")) is None
    (row,) = channel_rows(app)
    assert row.enabled and row.turned_on_by is None
    assert len(channel_ledger(app)) == 1  # the channel's history stays with the channel

    colleague = ChannelMember(app, "U2")
    assert "Turned on by: nobody now" in colleague.says("channel")
    # Nobody looks after them: the next person to change them does.
    assert "posted on Mondays" in colleague.says("channel day mon")
    assert "Turned on by: <@U2>" in colleague.says("channel")


def test_export_does_not_include_a_channels_prompts(app: CoachApp) -> None:
    keeper = ChannelMember(app, "U1")
    keeper.says("channel on")
    exported = keeper.says("export")
    assert "channel_subscriptions" not in exported


def test_content_check_counts_team_prompts_and_names_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from adapters.maintenance import content_check

    assert content_check(argparse.Namespace()) == 0
    assert "team prompts" in capsys.readouterr().out

    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = root / "team_prompts.yaml"
    data = yaml.safe_load(path.read_text())
    good = path.read_text()
    data["topics"]["relational"]["prompts"] = ["What do I think?", "Why?"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    faults = "\n".join(caught.value.faults)
    assert "team_prompts.yaml: field topics.relational.prompts" in faults
    assert "'we' or 'our'" in faults

    data["topics"]["relational"]["prompts"] = ["What do we notice?", "What do we try next?"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert "at least 4" in "\n".join(caught.value.faults)

    data = yaml.safe_load(good)
    del data["topics"]["cognition"]
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert "missing topics ['cognition']" in "\n".join(caught.value.faults)
