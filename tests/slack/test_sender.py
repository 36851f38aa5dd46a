"""The weekly sender: DM or channel delivery, and each outcome the scheduler acts on."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from slack_sdk.oauth.installation_store import Installation

from adapters.slack.installs import installation_store
from adapters.slack.sender import SlackSender, build_slack_sender
from bot.app import CoachApp
from bot.delivery import Address, DeliveryOutcome, DeliveryResult
from bot.inbound import Platform
from bot.replies import Card, Choice, Reply, Text
from tests.slack.fake_slack import Failure, FakeSlack

NUDGE: list[Reply] = [
    Card("This week: Relational", "Greet one family by name.", (Choice("Reflect", "reflect"),))
]


def sender_of(core: CoachApp) -> SlackSender:
    sender = build_slack_sender(core.settings, core.engine, core.coach.sealer)
    assert isinstance(sender, SlackSender)
    return sender


async def deliver(sender: SlackSender, address: Address, replies: list[Reply]) -> DeliveryResult:
    # The sender is synchronous (the clock is); the fake Slack runs on this event loop.
    return await asyncio.to_thread(sender.deliver, address, replies)


DM = Address(Platform.SLACK, "T0001", "U1")


async def test_a_nudge_goes_to_the_educators_dm(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    result = await deliver(sender_of(slack_core), DM, NUDGE)
    assert result.outcome is DeliveryOutcome.SENT
    assert fake_slack.of("conversations.open")[0].args["users"] == "U1"
    post = fake_slack.of("chat.postMessage")[0]
    assert post.args["channel"] == "DU1"
    assert post.token == "xoxb-test-token"
    assert post.args["blocks"][0]["type"] == "header"


async def test_the_dm_is_opened_once_and_again_after_it_is_gone(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    # conversations.open answers the same DM every week: the clock asks once per educator.
    sender = sender_of(slack_core)
    for _ in range(3):
        assert (await deliver(sender, DM, NUDGE)).outcome is DeliveryOutcome.SENT
    assert len(fake_slack.of("conversations.open")) == 1
    assert [post.args["channel"] for post in fake_slack.of("chat.postMessage")] == ["DU1"] * 3
    # A DM Slack says is gone is forgotten: if nudges are turned on again, it is opened anew.
    fake_slack.fail("chat.postMessage", Failure(200, "channel_not_found"))
    assert (await deliver(sender, DM, NUDGE)).outcome is DeliveryOutcome.GONE
    assert (await deliver(sender, DM, NUDGE)).outcome is DeliveryOutcome.SENT
    assert len(fake_slack.of("conversations.open")) == 2


async def test_a_channel_prompt_goes_to_the_channel(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    address = Address(Platform.SLACK, "T0001", "U1", conversation="C55")
    result = await deliver(sender_of(slack_core), address, [Text("Discuss: one family story.")])
    assert result.outcome is DeliveryOutcome.SENT
    assert not fake_slack.of("conversations.open")
    assert fake_slack.of("chat.postMessage")[0].args["channel"] == "C55"


async def test_long_content_is_split_into_messages_within_block_kits_limits(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    replies: list[Reply] = [Text("word " * 2000) for _ in range(30)]
    result = await deliver(sender_of(slack_core), DM, replies)
    assert result.outcome is DeliveryOutcome.SENT
    posts = fake_slack.of("chat.postMessage")
    assert len(posts) >= 2
    for post in posts:
        assert len(post.args["blocks"]) <= 50
        assert all(len(b["text"]["text"]) <= 3000 for b in post.args["blocks"])


async def test_rate_limits_and_outages_are_retried_later(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    sender = sender_of(slack_core)
    fake_slack.fail("chat.postMessage", Failure(429, retry_after=1), Failure(429, retry_after=1))
    assert (await deliver(sender, DM, NUDGE)) == DeliveryResult(
        DeliveryOutcome.RETRY, "rate_limited"
    )
    fake_slack.fail("chat.postMessage", Failure(500, "internal_error"), Failure(502, "x"))
    assert (await deliver(sender, DM, NUDGE)).outcome is DeliveryOutcome.RETRY


async def test_a_rate_limit_is_handed_back_at_once_not_slept_out(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    # The clock paces its sends and retries later from the ledger; a sender thread that
    # slept out Retry-After would only hold up the nudges behind it.
    fake_slack.fail("chat.postMessage", Failure(429, retry_after=30))
    result = await deliver(sender_of(slack_core), DM, NUDGE)
    assert result == DeliveryResult(DeliveryOutcome.RETRY, "rate_limited")
    assert len(fake_slack.of("chat.postMessage")) == 1


async def test_gone_people_and_places_stop_the_nudges(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    sender = sender_of(slack_core)
    for error in ("account_inactive", "user_not_found", "invalid_auth", "token_revoked"):
        fake_slack.fail("conversations.open", Failure(200, error))
        assert (await deliver(sender, DM, NUDGE)) == DeliveryResult(DeliveryOutcome.GONE, error)
    channel = Address(Platform.SLACK, "T0001", "U1", conversation="C1")
    for error in ("not_in_channel", "channel_not_found"):
        fake_slack.fail("chat.postMessage", Failure(200, error))
        assert (await deliver(sender, channel, NUDGE)).outcome is DeliveryOutcome.GONE


async def test_a_network_failure_is_retried_later(slack_core: CoachApp) -> None:
    settings = slack_core.settings.model_copy(update={"slack_api_url": "http://127.0.0.1:9/api/"})
    sender = build_slack_sender(settings, slack_core.engine, slack_core.coach.sealer)
    assert sender is not None
    result = await deliver(sender, DM, NUDGE)  # type: ignore[arg-type]
    assert result == DeliveryResult(DeliveryOutcome.RETRY, "connection")


def oauth_core(slack_core: CoachApp) -> CoachApp:
    settings = slack_core.settings.model_copy(
        update={"slack_bot_token": None, "slack_client_id": "111.222", "slack_client_secret": "s"}
    )
    return CoachApp(**{**slack_core.__dict__, "settings": settings})


async def test_oauth_without_an_installation_is_gone(slack_core: CoachApp) -> None:
    core = oauth_core(slack_core)
    installation_store(core.engine, "111.222", core.coach.sealer).delete_all(
        enterprise_id=None, team_id="T0001"
    )
    result = await deliver(sender_of(core), DM, NUDGE)
    assert result == DeliveryResult(DeliveryOutcome.GONE, "not_installed")


async def test_oauth_rotates_an_expiring_token_before_sending(
    slack_core: CoachApp, fake_slack: FakeSlack
) -> None:
    core = oauth_core(slack_core)
    store = installation_store(core.engine, "111.222", core.coach.sealer)
    store.delete_all(enterprise_id=None, team_id="T0001")
    store.save(
        Installation(
            app_id="A0001",
            team_id="T0001",
            user_id="UADMIN",
            bot_token="xoxe.xoxb-old",
            bot_id="BBOT",
            bot_user_id="UBOT",
            bot_scopes=["chat:write", "im:write"],
            bot_refresh_token="xoxe-1-refresh",
            bot_token_expires_at=int((datetime.now(UTC) + timedelta(minutes=5)).timestamp()),
            installed_at=datetime.now(UTC).timestamp(),
        )
    )
    fake_slack.answers["oauth.v2.access"] = {
        "ok": True,
        "access_token": "xoxe.xoxb-new",
        "refresh_token": "xoxe-1-refresh-2",
        "expires_in": 43200,
        "token_type": "bot",
    }
    try:
        result = await deliver(sender_of(core), DM, NUDGE)
        assert result.outcome is DeliveryOutcome.SENT
        rotate = fake_slack.of("oauth.v2.access")[0]
        assert rotate.args["grant_type"] == "refresh_token"
        assert fake_slack.of("chat.postMessage")[0].token == "xoxe.xoxb-new"
        saved = store.find_installation(enterprise_id=None, team_id="T0001")
        assert saved is not None and saved.bot_token == "xoxe.xoxb-new"
    finally:
        store.delete_all(enterprise_id=None, team_id="T0001")
