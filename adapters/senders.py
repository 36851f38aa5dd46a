"""Every platform's Sender, for the clock: the terminal always, Slack and Teams when set up."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from adapters.console.inbox import ConsoleSender
from bot.app import CoachApp
from bot.delivery import Sender
from bot.inbound import Platform

log = logging.getLogger("coach.senders")

# (platform, module, factory): each factory is `(core) -> Sender | None`, None when that
# platform is not configured. A module that does not exist yet is skipped.
PLATFORM_SENDERS = (
    (Platform.SLACK, "adapters.slack.sender", "build_slack_sender"),
    (Platform.TEAMS, "adapters.teams.sender", "build_teams_sender"),
)


def build_senders(core: CoachApp) -> dict[Platform, Sender]:
    senders: dict[Platform, Sender] = {
        Platform.CONSOLE: ConsoleSender(core.sessions, core.coach.sealer, core.coach.clock)
    }
    for platform, module_name, factory_name in PLATFORM_SENDERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module_name.startswith(exc.name):
                raise  # the module exists but something it imports is missing: a real fault
            log.info("sender_not_installed", extra={"platform": platform.value})
            continue
        factory: Callable[[CoachApp], Sender | None] = getattr(module, factory_name)
        sender = factory(core)
        if sender is None:
            log.info("sender_not_configured", extra={"platform": platform.value})
            continue
        senders[platform] = sender
    return senders
