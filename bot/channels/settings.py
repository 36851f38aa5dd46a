"""Reading a channel's team prompt subscription, and who may change it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.channels import messages
from bot.inbound import Platform
from bot.nudges.settings import default_zone
from bot.storage.models import Educator
from bot.turn import Turn
from bot.weekly.channel_models import ChannelSubscription
from bot.weekly.subscriptions import schedule_defaults


def channel_of(turn: Turn) -> str | None:
    """The channel this message was said in, or None outside a channel (DM, terminal)."""
    inbound = turn.inbound
    return inbound.conversation if inbound.in_channel and inbound.conversation else None


def channel_subscription(turn: Turn, channel: str) -> ChannelSubscription | None:
    return turn.session.scalar(
        select(ChannelSubscription).where(
            ChannelSubscription.platform == turn.inbound.platform.value,
            ChannelSubscription.workspace == turn.inbound.workspace,
            ChannelSubscription.channel == channel,
        )
    )


def new_channel_subscription(turn: Turn, channel: str) -> ChannelSubscription:
    """A channel's subscription, off, in the zone of the person setting it up."""
    subscription = ChannelSubscription(
        platform=turn.inbound.platform.value,
        workspace=turn.inbound.workspace,
        channel=channel,
        turned_on_by=turn.educator.id,
        last_heard_at=turn.now,
        **schedule_defaults(default_zone(turn), turn.now),
    )
    turn.session.add(subscription)
    # Two people turning it on at once: the second one's flush fails on the unique key and
    # its whole turn runs again (Coach.handle), finding the first one's row and who keeps it.
    turn.session.flush()
    return subscription


def may_change(turn: Turn, subscription: ChannelSubscription) -> bool:
    """The person who turned it on, or a workspace admin; anyone when nobody looks after it
    (the one who turned it on was forgotten)."""
    return (
        subscription.turned_on_by is None
        or subscription.turned_on_by == turn.educator.id
        or turn.inbound.is_workspace_admin
    )


def keeper_mention(session: Session, subscription: ChannelSubscription) -> str:
    """Whom the keep-going question is for, named so the platform tells them (Slack)."""
    if subscription.turned_on_by is None:
        return str(messages.ASK_WHO_NOBODY)
    user_id = session.scalar(
        select(Educator.user_id).where(Educator.id == subscription.turned_on_by)
    )
    if user_id and subscription.platform == Platform.SLACK.value:
        return messages.WHO_SLACK.format(user=user_id)
    return str(messages.ASK_WHO_OTHER)


def keeper_label(turn: Turn, subscription: ChannelSubscription) -> str:
    """How to name the person who turned it on, as the platform can show them."""
    if subscription.turned_on_by is None:
        return str(messages.NOBODY)
    user_id = turn.session.scalar(
        select(Educator.user_id).where(Educator.id == subscription.turned_on_by)
    )
    if user_id and turn.inbound.platform is Platform.SLACK:
        return messages.WHO_SLACK.format(user=user_id)
    return str(messages.WHO_OTHER)
