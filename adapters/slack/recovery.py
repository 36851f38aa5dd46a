"""Finishing what a dead process had accepted, for Slack: the shared sweep (adapters/inbox)
hands over each Slack message whose claim ran out; it runs like a new arrival, through the
same runners, with a client for its workspace.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.inbox.sweep import Sweep
from adapters.slack.actions import ActionRunner
from adapters.slack.background import BackgroundWork
from adapters.slack.clients import async_web_client
from adapters.slack.config import SlackConfig, SlackMode
from adapters.slack.http import SharedHttp
from adapters.slack.inbox import ACTION, COMMAND, DM, SlackInbox
from adapters.slack.installs import AsyncInstallations
from adapters.slack.runners import MessageRunner
from bot.api import CoachAPI, Unfinished
from bot.inbound import Platform

log = logging.getLogger("coach.slack")


def _enterprise_of(payload: dict[str, Any]) -> tuple[str | None, bool]:
    body = payload.get("body", payload)
    enterprise = body.get("enterprise_id") or (body.get("enterprise") or {}).get("id")
    org_wide = str(body.get("is_enterprise_install")).lower() == "true"
    return (str(enterprise) if enterprise else None), org_wide


class Recovery(Sweep):
    def __init__(
        self,
        api: CoachAPI,
        config: SlackConfig,
        installations: AsyncInstallations | None,
        work: BackgroundWork,
        inbox: SlackInbox,
        messages: MessageRunner,
        actions: ActionRunner,
        http: SharedHttp,
    ) -> None:
        super().__init__(api, Platform.SLACK, inbox)
        self.http = http
        self.config = config
        self.installations = installations
        self.work = work
        self.messages = messages
        self.actions = actions

    async def restart(self, unfinished: Unfinished) -> bool:
        work = await self._rerun(unfinished)
        if work is None:
            return False
        self.work.spawn(self.inbox.finishing(unfinished.row_id, work), "recovered")
        return True

    async def _rerun(self, unfinished: Unfinished) -> Any:
        arrival, row_id = unfinished.delivery, unfinished.row_id
        client = await self._client(arrival.workspace, arrival.payload)
        if client is None:
            log.warning("inbox_workspace_gone", extra={"kind": arrival.kind})
            return None
        payload = arrival.payload
        if arrival.kind == COMMAND:
            return self.messages.command(client, payload, arrival.delivery_id, row_id, resumed=True)
        if arrival.kind == DM:
            return self.messages.dm(client, payload["body"], payload["event"], row_id, resumed=True)
        if arrival.kind == ACTION:
            return self.actions.run(client, payload, row_id)
        log.warning("inbox_kind_unknown", extra={"kind": arrival.kind})
        return None

    async def _client(self, team: str, payload: dict[str, Any]) -> AsyncWebClient | None:
        """A client holding the workspace's bot token, as Bolt would have given the listener."""
        if self.config.mode is not SlackMode.OAUTH:
            return async_web_client(self.config.api_url, self.config.bot_token, self.http.session)
        if self.installations is None:
            return None
        enterprise, org_wide = _enterprise_of(payload)
        bot = await self.installations.async_find_bot(
            enterprise_id=enterprise,
            team_id=None if org_wide else team,
            is_enterprise_install=org_wide,
        )
        if bot is None or not bot.bot_token:
            return None
        return async_web_client(self.config.api_url, bot.bot_token, self.http.session)
