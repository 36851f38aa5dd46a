"""Every platform's Sender, for the clock: the terminal always, Slack and Teams when set up."""

from __future__ import annotations

import logging

from adapters.console.inbox import ConsoleSender
from adapters.slack.sender import build_slack_sender
from adapters.teams.sender import build_teams_sender
from bot.app import CoachApp
from bot.delivery import Sender
from bot.inbound import Platform

log = logging.getLogger("coach.senders")


def build_senders(core: CoachApp) -> dict[Platform, Sender]:
    senders: dict[Platform, Sender] = {
        Platform.CONSOLE: ConsoleSender(core.sessions, core.coach.sealer, core.coach.clock)
    }
    platform_senders = {
        Platform.SLACK: build_slack_sender(core.settings, core.engine),
        Platform.TEAMS: build_teams_sender(core),
    }
    for platform, sender in platform_senders.items():
        if sender is None:
            log.info("sender_not_configured", extra={"platform": platform.value})
            continue
        senders[platform] = sender
    return senders
