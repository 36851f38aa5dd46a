"""Finishing what a dead process had accepted: every SWEEP_EVERY_S, inbox rows whose claim
ran out (bot/inbox LEASE) are claimed by this process and run like new arrivals, through
the same runners; a turn that had already answered only sends its stored replies.

A restarted `coach serve` (or any other one behind the same load balancer) picks them up;
PostgreSQL's SKIP LOCKED gives each row to one process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.actions import ActionRunner
from adapters.slack.background import BackgroundWork
from adapters.slack.clients import async_web_client
from adapters.slack.config import SlackConfig, SlackMode
from adapters.slack.inbox import ACTION, COMMAND, DM, SlackInbox
from adapters.slack.installs import AsyncInstallations
from adapters.slack.runners import MessageRunner
from bot.api import CoachAPI, Unfinished
from bot.inbound import Platform

log = logging.getLogger("coach.slack")

SWEEP_EVERY_S = 5.0


def _enterprise_of(payload: dict[str, Any]) -> tuple[str | None, bool]:
    body = payload.get("body", payload)
    enterprise = body.get("enterprise_id") or (body.get("enterprise") or {}).get("id")
    org_wide = str(body.get("is_enterprise_install")).lower() == "true"
    return (str(enterprise) if enterprise else None), org_wide


class Recovery:
    def __init__(
        self,
        api: CoachAPI,
        config: SlackConfig,
        installations: AsyncInstallations | None,
        work: BackgroundWork,
        inbox: SlackInbox,
        messages: MessageRunner,
        actions: ActionRunner,
    ) -> None:
        self.api = api
        self.config = config
        self.installations = installations
        self.work = work
        self.inbox = inbox
        self.messages = messages
        self.actions = actions
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        """Sweep now and every SWEEP_EVERY_S until `stop`."""
        while not self._stopping.is_set():
            await self.sweep()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), SWEEP_EVERY_S)

    def stop(self) -> None:
        """The sweep under way finishes (its database work is not cut off midway); no more."""
        self._stopping.set()

    async def sweep(self) -> int:
        """Start every unfinished message this process claims; how many it started."""
        try:
            found = await asyncio.to_thread(self.api.unfinished, Platform.SLACK)
        except Exception as exc:
            log.warning("inbox_sweep_failed", extra={"error": type(exc).__name__})
            return 0
        started = 0
        for unfinished in found:
            if unfinished.row_id in self.inbox.in_flight:
                continue  # slow, not dead: this process is still on it
            work = await self._rerun(unfinished)
            if work is None:
                await asyncio.to_thread(self.api.finished, unfinished.row_id)
                continue
            self.work.spawn(self.inbox.finishing(unfinished.row_id, work), "recovered")
            started += 1
        if started:
            log.info("inbox_recovered", extra={"messages": started})
        return started

    async def _rerun(self, unfinished: Unfinished) -> Any:
        arrival, row_id = unfinished.delivery, unfinished.row_id
        client = await self._client(arrival.workspace, arrival.payload)
        if client is None:
            log.warning("inbox_workspace_gone", extra={"kind": arrival.kind})
            return None
        payload = arrival.payload
        if arrival.kind == COMMAND:
            return self.messages.command(client, payload, arrival.delivery_id, row_id)
        if arrival.kind == DM:
            return self.messages.dm(client, payload["body"], payload["event"], row_id)
        if arrival.kind == ACTION:
            return self.actions.run(client, payload, row_id)
        log.warning("inbox_kind_unknown", extra={"kind": arrival.kind})
        return None

    async def _client(self, team: str, payload: dict[str, Any]) -> AsyncWebClient | None:
        """A client holding the workspace's bot token, as Bolt would have given the listener."""
        if self.config.mode is not SlackMode.OAUTH:
            return async_web_client(self.config.api_url, self.config.bot_token)
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
        return async_web_client(self.config.api_url, bot.bot_token)
