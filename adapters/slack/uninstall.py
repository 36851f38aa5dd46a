"""The coach removed from a workspace (app_uninstalled), or tokens revoked (tokens_revoked).

The installation's tokens are deleted (Bolt's own revocation listeners, for OAuth installs);
the core is told the workspace left, so nudges there stop and its data goes after the grace
period; this process forgets what it cached about the workspace's people. When only user
tokens were revoked the coach's bot token still works, so only those go.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.listener.async_builtins import AsyncTokenRevocationListeners

from adapters.slack.installs import AsyncInstallations
from adapters.slack.payloads import team_of
from adapters.slack.people import SlackPeople
from bot.api import CoachAPI
from bot.inbound import Platform

log = logging.getLogger("coach.slack")


class Uninstaller:
    def __init__(
        self, api: CoachAPI, people: SlackPeople, installations: AsyncInstallations | None
    ) -> None:
        self.api = api
        self.people = people
        self.revocation = (
            AsyncTokenRevocationListeners(installations) if installations is not None else None
        )

    async def tokens_revoked(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        if (event.get("tokens") or {}).get("bot"):
            await self.app_uninstalled(body, context)
            return
        # Only user tokens were revoked; the coach's bot token still works.
        if self.revocation is not None:
            await self.revocation.handle_tokens_revoked_events(event, context)

    async def app_uninstalled(self, body: dict[str, Any], context: AsyncBoltContext) -> None:
        team = team_of(body)
        if self.revocation is not None:
            await self.revocation.handle_app_uninstalled_events(context)
        if team:
            await asyncio.to_thread(self.api.workspace_uninstalled, Platform.SLACK, team)
            self.people.forget_team(team)
        log.info("slack_uninstalled", extra={"team": team})
