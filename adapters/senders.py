"""Every platform's Sender, for the clock: the terminal always, Slack and Teams when set up."""

from __future__ import annotations

import logging

from adapters.console.inbox import ConsoleSender
from adapters.slack.sender import build_slack_sender
from adapters.teams.sender import build_teams_sender
from bot.api import CoachAPI
from bot.app import CoachApp
from bot.delivery import Sender
from bot.inbound import Platform

log = logging.getLogger("coach.senders")


def build_senders(core: CoachApp) -> dict[Platform, Sender]:
    """The clock hands over the app it built; each sender gets only the coach's API."""
    api = CoachAPI(core)
    senders: dict[Platform, Sender] = {Platform.CONSOLE: ConsoleSender(api)}
    platform_senders = {
        # slack_sdk's installation store, like `coach serve`'s, needs the engine itself, and
        # the master key that seals its tokens.
        Platform.SLACK: build_slack_sender(core.settings, core.engine, api.sealer),
        Platform.TEAMS: build_teams_sender(api),
    }
    for platform, sender in platform_senders.items():
        if sender is None:
            log.info("sender_not_configured", extra={"platform": platform.value})
            continue
        senders[platform] = sender
    return senders
